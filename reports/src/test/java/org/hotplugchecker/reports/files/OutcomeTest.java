package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hotplugchecker.model.spec.Expectation;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

class OutcomeTest {
  private static Outcome outcome(String property, Map<String, Expectation> expect) {
    SpecRun run = Runs.run(Runs.spec("s1", Runs.s1(Arch.X86, KernelVariant.V4_19), expect));
    return run.outcomes().stream().filter(o -> o.property().equals(property)).findFirst()
        .orElseThrow();
  }

  @Test
  void unexpectedViolationIsNotAsExpected() {
    Outcome o = outcome("cpu_node_has_pgdat", Map.of());
    assertEquals("violated (4)", o.verdictText());
    assertFalse(o.asExpected());
  }

  @Test
  void holdsWithoutExpectationIsAsExpected() {
    assertTrue(outcome("no_dangling_links", Map.of()).asExpected());
  }

  @Test
  void pinnedLengthMustMatch() {
    assertTrue(outcome("cpu_node_has_pgdat",
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated@4"))).asExpected());
    assertFalse(outcome("cpu_node_has_pgdat",
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated@3"))).asExpected());
    assertTrue(outcome("cpu_node_has_pgdat",
        Map.of("cpu_node_has_pgdat", Expectation.parse("violated"))).asExpected());
  }

  @Test
  void expectedViolationThatHoldsIsNotAsExpected() {
    assertFalse(outcome("no_dangling_links",
        Map.of("no_dangling_links", Expectation.parse("violated"))).asExpected());
  }

  @Test
  void unexpectedListsOnlyFailures() {
    SpecRun run = Runs.run(Runs.spec("s1", Runs.s1(Arch.X86, KernelVariant.V4_19),
        Map.of("no_oops", Expectation.parse("violated@5"))));
    assertEquals(java.util.List.of("cpu_node_has_pgdat"),
        run.unexpected().stream().map(Outcome::property).toList());
  }
}
