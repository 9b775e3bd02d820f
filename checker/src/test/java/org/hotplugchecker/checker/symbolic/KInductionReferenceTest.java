package org.hotplugchecker.checker.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.HotplugModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** k-induction on the reference cases. */
class KInductionReferenceTest {

  static Stream<ReferenceCases.Case> fixedKernels() {
    return ReferenceCases.all().stream()
        .filter(c -> c.name().matches("s1-(x86|generic)-v5\\.(0|18)"));
  }

  static Stream<ReferenceCases.Case> smallCases() {
    return ReferenceCases.all().stream().filter(c -> !c.name().startsWith("s2"));
  }

  /** On the fixed kernels every property the reference shows holding is proved. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixedKernels")
  void provesEveryReferenceInvariantOnFixedKernels(ReferenceCases.Case c) {
    java.util.List<Integer> depths = new java.util.ArrayList<>();
    CheckResult r = new KInductionEngine(KInductionOptions.upTo(3).withProgress(
        (states, k, millis) -> {
          assertEquals(-1, states);
          depths.add(k);
        })).check(new HotplugModel(c.topology()));
    assertEquals(KInductionEngine.NAME, r.engine());
    // One progress report per induction depth tried, in order, up to the one that proved
    // the last property.
    assertTrue(!depths.isEmpty() && depths.size() <= 3, depths.toString());
    for (int i = 0; i < depths.size(); i++) {
      assertEquals(i + 1, depths.get(i));
    }
    assertEquals(9, r.properties().size());
    for (PropertyResult p : r.properties()) {
      assertEquals("holds", c.verdicts().get(p.property().name()));
      assertEquals(Verdict.HOLDS, p.verdict(), p.property().name() + ": " + p.detail());
      assertTrue(p.detail().startsWith("k-inductive, k="), p.detail());
    }
    assertTrue(r.complete());
  }

  /**
   * Elsewhere it never contradicts the reference: a proof only for a holding property, a
   * refutation only with the reference's shortest length.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("smallCases")
  void neverContradictsTheReference(ReferenceCases.Case c) {
    CheckResult r = new KInductionEngine(KInductionOptions.upTo(2))
        .check(new HotplugModel(c.topology()));
    int proved = 0;
    for (PropertyResult p : r.properties()) {
      String expected = c.verdicts().get(p.property().name());
      switch (p.verdict()) {
        case HOLDS -> {
          assertEquals("holds", expected, p.property().name());
          proved++;
        }
        case VIOLATED -> assertEquals(expected, ReferenceCases.referenceNotation(p));
        case VACUOUS -> assertEquals("vacuous", expected);
        case UNKNOWN -> assertTrue(expected.startsWith("violated") || !p.detail().isEmpty());
      }
    }
    assertTrue(proved > 0, "proves something on " + c.name());
  }
}
