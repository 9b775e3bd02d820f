package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code sweep --spark} without the hotplug-spark module on the class path (as in the CLI
 * jar): a one-line error, exit code 2. The Spark runs themselves are tested in that module.
 */
class SweepSparkOptionTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new SweepCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void withoutTheSparkModuleItSaysWhereToGetIt() {
    assertEquals(2, run("--max-nodes", "1", "--spark", "local[2]"));
    assertTrue(err.toString().startsWith("sweep: --spark needs the hotplug-spark module"),
        err.toString());
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void sparkSettingsNeedSpark() {
    assertEquals(2, run("--max-nodes", "1", "--spark-conf", "spark.executor.memory=2g"));
    assertTrue(err.toString().startsWith("sweep: --spark-conf needs --spark"), err.toString());
  }

  @Test
  void perClassAndWorkersDoNotGoWithSpark() {
    assertEquals(2, run("--max-nodes", "1", "--spark", "local[2]", "--per-class"));
    assertEquals(2, run("--max-nodes", "1", "--spark", "--workers", "3"));
    assertTrue(err.toString().contains("--per-class runs on this machine's threads only"),
        err.toString());
    assertTrue(err.toString().contains("--workers does not apply to --spark"), err.toString());
  }
}
