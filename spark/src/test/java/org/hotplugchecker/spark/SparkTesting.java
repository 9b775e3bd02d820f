package org.hotplugchecker.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.hotplugchecker.checker.sweep.SweepArguments;
import org.hotplugchecker.checker.sweep.SweepBounds;
import org.hotplugchecker.checker.sweep.SweepOptions;
import org.hotplugchecker.checker.sweep.SweepReport;

/** What the Spark tests share: the small sweep, the cluster settings, the comparison. */
final class SparkTesting {
  private SparkTesting() {}

  /**
   * JVM options for the executors and daemons of the tests: they explore tiny shapes, so
   * starting fast on two shared cores matters more than peak speed.
   */
  static final String QUICK_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss1m";

  /** 2/2/1 on v4.19 (it has violations, so the class-by-class follow-up runs too). */
  static SweepOptions sweep() {
    return SweepOptions.defaults(new SweepBounds(2, 2, 1))
        .withKernels(SweepArguments.kernels("v4.19"));
  }

  /**
   * The test class path: under Surefire java.class.path is only its booter jar, so
   * executors get this instead.
   */
  static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    return cp != null ? cp : System.getProperty("java.class.path");
  }

  /**
   * The fake Spark home of the surefire configuration (SPARK_HOME): a worker needs a
   * jars/ folder in it, which may be empty since executors get the class path.
   */
  static Path sparkHome() {
    Path home = Path.of(System.getenv("SPARK_HOME"));
    try {
      Files.createDirectories(home.resolve("jars"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return home;
  }

  /**
   * A configuration for {@code cores} one-core executors that waits until all of them
   * have registered, so that the tasks really spread over them.
   */
  static SparkConf cluster(String master, int cores) {
    sparkHome();
    Map<String, String> s = new HashMap<>();
    s.put("spark.cores.max", Integer.toString(cores));
    s.put("spark.executor.cores", "1");
    s.put("spark.executor.memory", "512m");
    s.put("spark.executor.extraJavaOptions", QUICK_JVM);
    s.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
    s.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "120s");
    return SparkSettings.conf(master, s, classPath());
  }

  /** The report without what may differ between backends: timing and workers. */
  static String comparable(SweepReport r) {
    String text = r.toText().lines().filter(l -> !l.startsWith("checks: "))
        .collect(Collectors.joining("\n"));
    String json = r.toJson().replaceAll("\"(millis|workers)\" : \\d+,?\n", "");
    return text + "\n" + json;
  }

  /** Asserts that the results file holds each of {@code expected} checks exactly once. */
  static void assertEachCheckOnce(Path file, long expected) throws IOException {
    List<String> lines = Files.readAllLines(file);
    Set<String> keys = new HashSet<>();
    for (String line : lines) {
      int at = line.indexOf("\"key\":\"");
      assertTrue(at >= 0, line);
      String key = line.substring(at + 7, line.indexOf('"', at + 7));
      assertTrue(keys.add(key), "recorded twice: " + key);
    }
    assertEquals(expected, lines.size());
  }
}
