package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  @Test
  void staysQuietForTheFirstSecondThenPrintsOneLinePerLevel() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false, "big");
    p.levelDone(100, 1, 999);
    assertEquals("", err.toString());
    p.levelDone(3000, 2, 1500);
    p.finish();
    assertEquals("big: 3000 states, depth 2, 2000 states/s, 1 s\n", err.toString());
  }

  @Test
  void onATerminalRewritesOneLineAndClearsIt() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), true, "big");
    p.levelDone(3000, 2, 1500);
    p.finish();
    assertEquals("\r\033[Kbig: 3000 states, depth 2, 2000 states/s, 1 s\r\033[K", err.toString());
  }

  @Test
  void symbolicEnginesReportTheDepthTheyFinishedWithoutStateCounts() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false, "big");
    p.levelDone(-1, 7, 2500);
    assertEquals("big: depth 7 done, 2 s\n", err.toString());
  }

  @Test
  void withinALongLevelItSaysHowMuchOfTheLevelIsExpanded() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false, "big");
    p.levelProgress(50, 3, 10, 20, 900);
    assertEquals("", err.toString(), "quiet for the first second");
    p.levelProgress(3000, 3, 400, 1000, 1500);
    p.levelDone(5000, 3, 2500);
    assertEquals("big: 3000 states, level 3 40% expanded, 2000 states/s, 1 s\n"
        + "big: 5000 states, depth 3, 2000 states/s, 2 s\n", err.toString());
  }

  @Test
  void onATerminalReportsWithinALevelRewriteTheSameLine() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), true, "big");
    p.levelProgress(3000, 3, 999, 1000, 1500);
    p.finish();
    assertEquals("\r\033[Kbig: 3000 states, level 3 99% expanded, 2000 states/s, 1 s\r\033[K",
        err.toString());
  }

  @Test
  void symbolicDepthsAndPhasesSayTheSolverCallsAndTheTime() {
    StringWriter err = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(err), false, "big");
    p.symbolicDone("bmc", 12, 345, 4200);
    p.symbolicDone("lemmas", 0, 17, 5300);
    p.symbolicDone("kind", 1, 3, 100); // under a second: quiet
    assertEquals("big: bmc depth 12 done, 345 solver calls, 4 s\n"
        + "big: lemmas done, 17 solver calls, 5 s\n", err.toString());
  }
}
