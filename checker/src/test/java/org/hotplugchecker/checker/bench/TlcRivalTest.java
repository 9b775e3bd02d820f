package org.hotplugchecker.checker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading TLC's output, and what {@code bench --against tlc} needs; lines are TLC's own. */
class TlcRivalTest {
  private static final String PROGRESS = String.join("\n",
      "Starting... (2026-12-02 06:13:54)",
      "Progress(8) at 2026-12-02 06:13:57: 83,414 states generated (83,414 s/min), 7,214 "
          + "distinct states found (7,214 ds/min), 4,455 states left on queue.");

  @Test
  void readsTheClosingCountNotAProgressLine() {
    assertCompleteWith(764_814, PROGRESS + "\nModel checking completed. No error has been "
        + "found.\n9665771 states generated, 764814 distinct states found, 0 states left on "
        + "queue.\nThe depth of the complete state graph search is 39.\n", 0);
  }

  @Test
  void goingOnPastAViolationStillCountsEveryState() {
    assertCompleteWith(19, PROGRESS + "\nError: Invariant Inv_no_oops is violated.\n"
        + "Error: The behavior up to this point is:\nState 1: <Initial predicate>\n"
        + "77 states generated, 19 distinct states found, 0 states left on queue.\n", 12);
  }

  private static void assertCompleteWith(long states, String output, int exitCode) {
    Rival.Result r = TlcRival.read(output, exitCode);
    assertEquals(states, r.states());
    assertNull(r.problem());
  }

  @Test
  void anUnfinishedOrFailedRunIsAProblemNotACount() {
    Rival.Result stopped = TlcRival.read(PROGRESS + "\n48 states generated, 12 distinct states "
        + "found, 1 states left on queue.\n", 12);
    assertEquals("TLC stopped with 1 states left on its queue", stopped.problem());
    Rival.Result none = TlcRival.read(PROGRESS + "\n", 1);
    assertEquals("TLC printed no closing count (exit 1)", none.problem());
    Rival.Result error = TlcRival.read("Error: TLC threw an unexpected exception.\n"
        + "9 states generated, 9 distinct states found, 0 states left on queue.\n", 255);
    assertEquals("TLC: TLC threw an unexpected exception.", error.problem());
    assertEquals(-1, error.states());
  }

  @Test
  void saysWhatIsMissingBeforeAnyRun(@TempDir Path dir) {
    assertTrue(new TlcRival(null).missing().contains("TLC_CLASSPATH"));
    assertTrue(new TlcRival(" ").missing().contains("TLC_CLASSPATH"));
    Path absent = dir.resolve("tla2tools.jar");
    assertEquals("TLC_CLASSPATH names " + absent + ", which does not exist",
        new TlcRival(dir + java.io.File.pathSeparator + absent).missing());
    assertNull(new TlcRival(dir.toString()).missing());
  }
}
