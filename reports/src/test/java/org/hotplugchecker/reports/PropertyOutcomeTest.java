package org.hotplugchecker.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.spec.Expectation;
import org.junit.jupiter.api.Test;

/** The judging rules every report applies. */
class PropertyOutcomeTest {
  private static PropertyOutcome outcome(Verdict v, int length, String expected) {
    return new PropertyOutcome("p", v, length, "", Optional.ofNullable(expected)
        .map(Expectation::parse), Optional.empty());
  }

  @Test
  void withoutExpectationOnlyAViolationFails() {
    assertTrue(outcome(Verdict.VIOLATED, 3, null).failed());
    assertFalse(outcome(Verdict.HOLDS, -1, null).failed());
    assertFalse(outcome(Verdict.VACUOUS, -1, null).failed());
    assertTrue(outcome(Verdict.VACUOUS, -1, null).vacuousWithoutExpectation());
  }

  @Test
  void anExpectationPinsVerdictAndLength() {
    assertFalse(outcome(Verdict.VIOLATED, 5, "violated@5").failed());
    assertTrue(outcome(Verdict.VIOLATED, 4, "violated@5").failed());
    assertFalse(outcome(Verdict.VIOLATED, 4, "violated").failed());
    assertTrue(outcome(Verdict.HOLDS, -1, "violated").failed());
    assertTrue(outcome(Verdict.HOLDS, -1, "vacuous").failed());
    assertTrue(outcome(Verdict.VACUOUS, -1, "holds").failed());
    assertFalse(outcome(Verdict.VACUOUS, -1, "vacuous").vacuousWithoutExpectation());
  }

  @Test
  void unknownIsNeverJudged() {
    PropertyOutcome o = outcome(Verdict.UNKNOWN, -1, "holds");
    assertEquals(Optional.empty(), o.ok());
    assertFalse(o.failed());
    assertFalse(o.decided());
  }

  @Test
  void notationMatchesTheSpecFormat() {
    assertEquals("violated@0", outcome(Verdict.VIOLATED, 0, null).notation());
    assertEquals("holds", outcome(Verdict.HOLDS, -1, null).notation());
  }

  @Test
  void theWorstStatusWins() {
    assertEquals(RunStatus.FAILED, RunStatus.INCOMPLETE.worst(RunStatus.FAILED));
    assertEquals(RunStatus.INCOMPLETE, RunStatus.INCOMPLETE.worst(RunStatus.PASSED));
    assertEquals(RunStatus.PASSED, RunStatus.PASSED.worst(RunStatus.PASSED));
  }
}
