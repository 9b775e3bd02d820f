package org.hotplugchecker.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/hotplug-checker in a real pseudo-terminal ({@code script}): the sweep's progress bar
 * follows check's rule, on stderr when stderr is a terminal, even with stdout redirected,
 * and never without a terminal. Runs after the jar is built (this module comes last).
 */
class LauncherTerminalTest {
  private static final String SWEEP = "sweep --max-nodes 2 --max-cpus-per-node 1 "
      + "--max-blocks-per-node 1 --kernels v5.18 --arch x86 --workers 1";

  @TempDir Path dir;

  private static boolean hasScript() {
    return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, "script")));
  }

  private static String run(List<String> cmd, Path stdout, Path stderr) throws Exception {
    assertEquals(0, LauncherRuns.run(cmd, Map.of(), stdout, stderr), Files.readString(stderr));
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalTheBarGoesToStderrWhileStdoutIsRedirected() throws Exception {
    assumeTrue(hasScript(), "no script(1): skipping the pseudo-terminal test");
    LauncherRuns.assumeFreshJar();
    Path report = dir.resolve("report.txt");
    String launcher = LauncherRuns.launcher().toString();
    // script gives the command a terminal; its stdout goes to a file, its stderr stays on it
    String terminal = run(List.of("script", "-qec", launcher + " " + SWEEP + " > " + report,
        "/dev/null"), dir.resolve("tty.txt"), dir.resolve("script-err.txt"));
    assertTrue(terminal.contains("\r[=============================="), terminal);
    assertTrue(terminal.contains("100.0% 16/16 checks"), terminal);
    String text = Files.readString(report);
    assertTrue(text.startsWith("sweep: 1..2 nodes"), text);
    assertFalse(text.contains("checks,"), "the bar is not in the report");

    Path err = dir.resolve("err.txt");
    run(List.of("bash", launcher, "sweep", "--max-nodes", "2", "--max-cpus-per-node", "1",
        "--max-blocks-per-node", "1", "--kernels", "v5.18", "--arch", "x86", "--workers", "1"),
        dir.resolve("out.txt"), err);
    assertEquals("", Files.readString(err), "no terminal, no bar");
  }
}
