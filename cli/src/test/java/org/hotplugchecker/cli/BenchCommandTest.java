package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hotplugchecker.checker.bench.Rival;
import org.hotplugchecker.checker.bench.SideBySide;
import org.hotplugchecker.checker.bench.SpinRival;
import org.hotplugchecker.checker.bench.TlcRival;
import org.junit.jupiter.api.Test;

/** {@code bench}: one small rung end to end, and bad arguments. */
class BenchCommandTest {
  @Test
  void timesTheSmallestRungOnEveryChosenArch() {
    CliRun run = CliRun.of("bench", "--rungs", "2x1x1", "--kernels", "v4.19", "--arch",
        "x86,generic", "--workers", "1", "--warmups", "0");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> rows = run.out().lines().filter(l -> l.startsWith("2x1x1")).toList();
    assertEquals(2, rows.size(), run::toString);
    assertTrue(rows.get(0).matches("2x1x1\\s+x86\\s+v4\\.19\\s+1\\s+off\\s+.*"), rows.get(0));
    assertTrue(rows.get(1).contains("generic"), rows.get(1));
  }

  @Test
  void symmetryAddsARunWithSymmetryOn() {
    CliRun run = CliRun.of("bench", "--rungs", "2x1x1", "--kernels", "v5.0", "--arch", "x86",
        "--workers", "1", "--warmups", "0", "--symmetry");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(2, run.out().lines().filter(l -> l.startsWith("2x1x1")).count(), run::toString);
    assertTrue(run.out().lines().anyMatch(l -> l.startsWith("2x1x1") && l.contains(" on ")));
  }

  @Test
  void endToEndChecksEachConfigurationAgainInAFreshProcess() {
    if (org.hotplugchecker.checker.bench.FreshProcessRun.missing() != null) {
      throw new org.opentest4j.TestAbortedException("skipping bench --end-to-end: "
          + org.hotplugchecker.checker.bench.FreshProcessRun.missing());
    }
    CliRun run = CliRun.of("bench", "--rungs", "2x1x1", "--kernels", "v4.19", "--arch", "x86",
        "--workers", "1,2", "--warmups", "0", "--end-to-end");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> lines = run.out().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("2x1x1")) {
        String next = lines.get(i + 1);
        // Same state count in both, or the line would say so (and the exit code with it).
        assertTrue(next.matches("  end to end \\(fresh process\\): wall [0-9.]+ s, cpu [0-9.]+ "
            + "s, [0-9,]+ states/s, peak RSS [0-9,]+ MiB"), next);
      }
    }
    assertEquals(2, lines.stream().filter(l -> l.contains("end to end")).count(),
        run::toString);
  }

  @Test
  void propertyNarrowsTheWarmedUpAndTheFreshRuns() {
    if (org.hotplugchecker.checker.bench.FreshProcessRun.missing() != null) {
      throw new org.opentest4j.TestAbortedException("skipping bench --end-to-end: "
          + org.hotplugchecker.checker.bench.FreshProcessRun.missing());
    }
    CliRun run = CliRun.of("bench", "--rungs", "2x1x1", "--kernels", "v4.19", "--arch",
        "generic", "--workers", "1", "--warmups", "0", "--end-to-end", "--property", "no_oops");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("# properties: no_oops\n"), run::toString);
    // the fresh process ran check --property no_oops and agreed on the state count
    assertEquals(1, run.out().lines().filter(l -> l.startsWith("  end to end")).count(),
        run::toString);
  }

  @Test
  void endToEndDoesNotApplyAgainstSpin() {
    CliRun run = CliRun.of("bench", "--against", "spin", "--end-to-end", "--rungs", "2x1x1");
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertTrue(run.err().contains("--end-to-end does not apply"), run::toString);
  }

  @Test
  void againstSpinRunsBothSideBySideAndAgreesOnStates() {
    runsBothSideBySide(new SpinRival());
  }

  /** Runs only when given TLC's class path (TLC_CLASSPATH or -Dhotplug.tlc.classpath). */
  @Test
  void againstTlcRunsBothSideBySideAndAgreesOnStates() {
    runsBothSideBySide(TlcRival.fromEnvironment());
  }

  private static void runsBothSideBySide(Rival rival) {
    String missing = SideBySide.missing(rival);
    if (missing != null) {
      throw new org.opentest4j.TestAbortedException("skipping bench --against " + rival.tool()
          + ": " + missing);
    }
    CliRun run = CliRun.of("bench", "--against", rival.tool(), "--rungs", "2x1x1", "--kernels",
        "v4.19", "--arch", "generic", "--workers", "1", "--property", "no_oops",
        "--property", "online_node_has_pgdat");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> rows = run.out().lines().filter(l -> l.startsWith("2x1x1")).toList();
    assertEquals(3, rows.size(), run::toString);
    // s1-like rung: 35 states (counts.json s1 generic v4.19), for both tools
    assertTrue(rows.get(0).matches("2x1x1\\s+generic\\s+v4\\.19\\s+ours\\s+1\\s+35\\s.*"),
        rows.get(0));
    assertTrue(rows.get(1).matches("2x1x1\\s+generic\\s+v4\\.19\\s+" + rival.tool()
        + "\\s+1\\s+35\\s.*"), rows.get(1));
    assertTrue(rows.get(2).contains("ratio " + rival.tool() + "/ours: wall "), rows.get(2));
    assertTrue(run.out().contains("# hotplug-checker vs " + rival.title()), run::toString);
    assertTrue(run.out().contains("# properties: online_node_has_pgdat, no_oops"),
        run::toString);
  }

  @Test
  void againstTlcWithoutItsClassPathIsOneLineUsageError() {
    String before = System.getProperty("hotplug.tlc.classpath");
    System.setProperty("hotplug.tlc.classpath", "/nonexistent/tla2tools.jar");
    try {
      CliRun run = CliRun.of("bench", "--against", "tlc", "--rungs", "2x1x1");
      assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
      assertEquals(List.of("bench --against tlc: TLC_CLASSPATH names "
          + "/nonexistent/tla2tools.jar, which does not exist"), run.errLines());
    } finally {
      if (before == null) {
        System.clearProperty("hotplug.tlc.classpath");
      } else {
        System.setProperty("hotplug.tlc.classpath", before);
      }
    }
  }

  @Test
  void againstSpinRefusesSymmetry() {
    CliRun run = CliRun.of("bench", "--against", "spin", "--rungs", "2x1x1", "--symmetry");
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
  }

  @Test
  void badArgumentsAreOneLineUsageErrors() {
    String[][] bad = {
        {"--rungs", "2x1"}, {"--rungs", "axbxc"}, {"--kernels", "v9.9"}, {"--arch", "arm"},
        {"--workers", "0"}, {"--warmups", "-1"}, {"--repeat", "0"}, {"--stop-after", "0"}, {"--workers", "x"},
        {"--against", "nusmv"}, {"--property", "no_such"},
        {"--against", "spin", "--property", "no_such"},
    };
    for (String[] options : bad) {
      String[] args = new String[options.length + 1];
      args[0] = "bench";
      System.arraycopy(options, 0, args, 1, options.length);
      CliRun run = CliRun.of(args);
      assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
      assertEquals(1, run.errLines().size(), run::toString);
    }
  }
}
