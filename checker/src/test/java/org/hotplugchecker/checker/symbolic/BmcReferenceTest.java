package org.hotplugchecker.checker.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * BMC on the reference cases of {@code counts.json} and {@code knobs-invariants.json}
 * (knob sets and user invariants), up to the longest reference counterexample (2 when none
 * is violated): it finds exactly the violated properties, each with exactly the reference's
 * shortest length, and every counterexample replays on the explicit model.
 */
class BmcReferenceTest {

  static Stream<ReferenceCases.Case> cases() {
    return Stream.concat(ReferenceCases.all().stream(),
        ReferenceCases.knobsAndInvariants().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void findsExactlyTheReferenceViolations(ReferenceCases.Case c) {
    int depth = c.verdicts().values().stream().filter(v -> v.startsWith("violated@"))
        .mapToInt(v -> Integer.parseInt(v.substring("violated@".length()))).max().orElse(2);
    SymbolicModel model = RuleMachineSystem.model(c);
    CheckResult r = new BmcEngine(BmcOptions.depth(depth).withoutDiameterProof()).check(model);
    assertEquals(BmcEngine.NAME, r.engine());
    assertEquals(depth, r.depth());
    Map<String, String> expectedViolations = new LinkedHashMap<>();
    Map<String, String> foundViolations = new LinkedHashMap<>();
    c.verdicts().forEach((p, v) -> {
      if (v.startsWith("violated")) {
        expectedViolations.put(p, v);
      }
    });
    TraceReplayer replayer = new TraceReplayer(model.ts());
    for (int p = 0; p < r.properties().size(); p++) {
      PropertyResult result = r.properties().get(p);
      if (result.verdict() == Verdict.VIOLATED) {
        foundViolations.put(result.property().name(), ReferenceCases.referenceNotation(result));
        assertEquals(Optional.empty(),
            replayer.problems(p, result.counterexample().orElseThrow()));
      } else {
        assertEquals(Verdict.UNKNOWN, result.verdict(), result.property().name());
        assertEquals("no counterexample up to depth " + depth, result.detail());
      }
    }
    assertEquals(expectedViolations, foundViolations);
    assertTrue(r.stats().get("solveCalls").longValue() > 0);
    assertFalse(r.complete() && !foundViolations.keySet().containsAll(c.verdicts().keySet()));
  }

  /**
   * With the recurrence-diameter question on, BMC proves s1 on v5.0 (x86) completely: once
   * no simple path from boot is longer than the depth checked, every property holds.
   */
  @Test
  void provesS1OnTheFixedKernelAtItsRecurrenceDiameter() {
    ReferenceCases.Case c = ReferenceCases.all().stream()
        .filter(x -> x.name().equals("s1-x86-v5.0")).findFirst().orElseThrow();
    CheckResult r = BmcEngine.check(new HotplugModel(c.topology()), 20);
    assertTrue(r.complete());
    int diameter = r.stats().get("recurrenceDiameter").intValue();
    assertTrue(diameter > 0 && diameter < 20, "recurrence diameter " + diameter);
    assertEquals(diameter, r.depth());
    for (PropertyResult p : r.properties()) {
      assertEquals(c.verdicts().get(p.property().name()), ReferenceCases.referenceNotation(p));
      assertTrue(p.detail().startsWith("proved: recurrence diameter"), p.detail());
    }
  }
}
