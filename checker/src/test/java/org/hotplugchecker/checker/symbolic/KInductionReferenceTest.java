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

  /**
   * On the fixed kernels every property the reference shows holding is proved, with
   * {@code k = 1} (the automatic lemmas make every one of them 1-inductive), and progress
   * is reported once for the lemmas and then once per induction depth tried, in order.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixedKernels")
  void provesEveryReferenceInvariantOnFixedKernels(ReferenceCases.Case c) {
    java.util.List<String> reports = new java.util.ArrayList<>();
    CheckResult r = new KInductionEngine(KInductionOptions.upTo(3).withProgress(
        new org.hotplugchecker.checker.Progress() {
          @Override
          public void levelDone(long states, int depth, long millis) {
            reports.add("levelDone " + depth);
          }

          @Override
          public void symbolicDone(String phase, int depth, long calls, long millis) {
            assertTrue(calls > 0);
            reports.add(phase + " " + depth);
          }
        })).check(new HotplugModel(c.topology()));
    assertEquals(KInductionEngine.NAME, r.engine());
    assertEquals("lemmas 0", reports.get(0));
    assertEquals("strengthening 0", reports.get(1));
    for (int i = 2; i < reports.size(); i++) {
      assertEquals("kind " + (i - 1), reports.get(i));
    }
    assertEquals(9, r.properties().size());
    for (PropertyResult p : r.properties()) {
      assertEquals("holds", c.verdicts().get(p.property().name()));
      assertEquals(Verdict.HOLDS, p.verdict(), p.property().name() + ": " + p.detail());
      assertEquals("k-inductive, k=1", p.detail());
    }
    assertTrue(r.complete());
  }

  static Stream<ReferenceCases.Case> allCases() {
    return Stream.concat(ReferenceCases.all().stream(),
        ReferenceCases.knobsAndInvariants().stream());
  }

  /**
   * On every reference case (presets, knob sets, user invariants) it reproduces the
   * reference exactly where induction can speak: every property that holds is proved, every
   * vacuous one is shown vacuous, every violation shorter than the base case's depth is
   * found with its shortest length; the rest (longer violations) are unknown, with a reason.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("allCases")
  void reproducesTheReference(ReferenceCases.Case c) {
    int maxK = 3;
    CheckResult r = new KInductionEngine(KInductionOptions.upTo(maxK))
        .check(RuleMachineSystem.model(c));
    for (PropertyResult p : r.properties()) {
      String expected = c.verdicts().get(p.property().name());
      String name = c.name() + " " + p.property().name() + ": " + p.detail();
      if (expected.startsWith("violated@")
          && Integer.parseInt(expected.substring("violated@".length())) >= maxK) {
        assertEquals(Verdict.UNKNOWN, p.verdict(), name);
        assertTrue(p.detail().startsWith("not k-inductive for any k <= 3"), name);
      } else {
        assertEquals(expected, ReferenceCases.referenceNotation(p), name);
      }
    }
  }
}
