package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.spec.Expectation;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;
import org.hotplugchecker.reports.RunStatus;
import org.junit.jupiter.api.Test;

/** The judging rule on real runs of the mailing-list machine s1 (x86, v4.19). */
class CheckRunJudgingTest {
  private static CheckRun s1(Map<String, Expectation> expect) {
    return Runs.run(Runs.spec("s1", Runs.s1(Arch.X86, KernelVariant.V4_19), expect));
  }

  private static PropertyOutcome outcome(String property, Map<String, Expectation> expect) {
    return s1(expect).outcomes().stream().filter(o -> o.name().equals(property)).findFirst()
        .orElseThrow();
  }

  @Test
  void unexpectedViolationFails() {
    PropertyOutcome o = outcome("cpu_node_has_pgdat", Map.of());
    assertEquals("violated (4)", Matrix.verdictText(o));
    assertTrue(o.failed());
    assertEquals("holds or vacuous", o.expectedText());
  }

  @Test
  void holdsWithoutExpectationPasses() {
    assertEquals(java.util.Optional.of(true), outcome("no_dangling_links", Map.of()).ok());
  }

  @Test
  void pinnedLengthMustMatch() {
    assertFalse(outcome("cpu_node_has_pgdat",
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated@4"))).failed());
    assertTrue(outcome("cpu_node_has_pgdat",
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated@3"))).failed());
    assertFalse(outcome("cpu_node_has_pgdat",
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated"))).failed());
  }

  @Test
  void expectedViolationThatHoldsFails() {
    assertTrue(outcome("no_dangling_links",
        Map.of("no_dangling_links", Expectation.parse("violated"))).failed());
  }

  @Test
  void failuresListOnlyWhatContradictsTheSpec() {
    CheckRun run = s1(Map.of("no_oops", Expectation.parse("violated@5")));
    assertEquals(List.of("cpu_node_has_pgdat"),
        run.failures().stream().map(PropertyOutcome::name).toList());
    assertEquals(RunStatus.FAILED, run.status());
  }

  @Test
  void unknownAfterARequestedStopIsNotHeldAgainstTheRunWhenNothingWasExpected() {
    CheckRun run = Runs.run(Runs.spec("s1", Runs.s1(Arch.X86, KernelVariant.V4_19),
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated@4"))),
        ExplorerOptions.defaults().withStopAtFirst(true));
    assertTrue(run.outcomes().stream().anyMatch(o -> o.verdict() == Verdict.UNKNOWN));
    assertTrue(run.failures().isEmpty());
    assertTrue(run.undecidedExpectations().isEmpty());
    assertEquals(RunStatus.PASSED, run.status());
  }

  @Test
  void anExpectationTheRunDidNotDecideMakesItIncompleteWithTheReason() {
    // The search stops after level 4 (cpu_node_has_pgdat); no_oops needs 5 steps.
    CheckRun run = Runs.run(Runs.spec("s1", Runs.s1(Arch.X86, KernelVariant.V4_19),
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated@4"),
            "no_oops", Expectation.parse("violated@5"))),
        ExplorerOptions.defaults().withStopAtFirst(true));
    assertTrue(run.failures().isEmpty());
    assertFalse(run.result().resourceLimitHit());
    assertEquals(RunStatus.INCOMPLETE, run.status());
    assertEquals(List.of("no_oops"),
        run.undecidedExpectations().stream().map(PropertyOutcome::name).toList());
    String line = run.undecidedExpectationLines().get(0);
    assertTrue(line.startsWith("no_oops: expected violated@5, unknown: exploration stopped"),
        line);
    assertTrue(line.contains(run.result().stopReason().orElseThrow()), line);
    // junit.xml: an error (not a skip, which CI servers pass); matrix.md marks the cell
    String junit = JunitXml.render(List.of(run));
    assertTrue(junit.contains("<error type=\"undecided\" message=\"no_oops is unknown, "
        + "expected violated@5"), junit);
    assertTrue(junit.contains("errors=\"1\" skipped=\"7\""), junit);
    assertTrue(Matrix.of(List.of(run)).markdown().contains("| unknown \u26a0 |"));
    // a definite contradiction elsewhere still wins
    CheckRun failed = Runs.run(Runs.spec("s1", Runs.s1(Arch.X86, KernelVariant.V4_19),
        Map.of("no_oops", Expectation.parse("violated@5"))),
        ExplorerOptions.defaults().withStopAtFirst(true));
    assertEquals(RunStatus.FAILED, failed.status());
  }

  @Test
  void unknownAfterAResourceLimitMakesTheRunIncomplete() {
    CheckRun run = Runs.run(Runs.spec("s1", Runs.s1(Arch.X86, KernelVariant.V5_0), Map.of()),
        ExplorerOptions.defaults().withMaxStates(3));
    assertTrue(run.result().resourceLimitHit());
    assertTrue(run.failures().isEmpty());
    assertEquals(RunStatus.INCOMPLETE, run.status());
    assertEquals(RunStatus.INCOMPLETE, CheckRun.status(List.of(run, s1(Map.of("no_oops",
        Expectation.parse("violated@5"), "cpu_node_has_pgdat", Expectation.parse("violated@4"))))));
  }
}
