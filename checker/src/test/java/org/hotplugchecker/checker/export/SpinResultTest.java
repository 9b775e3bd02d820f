package org.hotplugchecker.checker.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading pan's report: counts, violated properties, and a search cut short. */
class SpinResultTest {
  private static final String REPORT = """
      pan:1: assertion violated ok_cpu_node_has_pgdat (at depth 8)
      pan:2: assertion violated ok_no_oops (at depth 9)

      (Spin Version 6.5.2 -- 6 December 2019)

      Full statespace search for:
      \tassertion violations\t+

      State-vector 20 byte, depth reached 20, errors: 2
             35 states, stored
            113 states, matched
            148 transitions (= stored+matched)
      """;

  @Test
  void readsCountsAndViolations() {
    SpinResult r = SpinResult.parse(REPORT);
    assertEquals(35, r.stored());
    assertEquals(113, r.matched());
    assertEquals(20, r.depth());
    assertEquals(2, r.errors());
    assertEquals(Map.of("ok_cpu_node_has_pgdat", 8L, "ok_no_oops", 9L), r.violated());
    assertTrue(r.violates("no_oops"));
    assertFalse(r.violates("alloc_local"));
    assertTrue(r.complete());
  }

  @Test
  void aSearchCutShortIsIncomplete() {
    SpinResult r = SpinResult.parse("error: max search depth too small\n" + REPORT);
    assertFalse(r.complete());
    assertEquals("error: max search depth too small", r.problem().orElseThrow());
  }

  /** pan -i (SPIN 6.5.2, s1 x86 v4.19, no_oops alone): the last bound, less one, is 5. */
  @Test
  void readsTheShortestFailureOfAnIterativeSearch() {
    String iterative = """
        pan:1: assertion violated ok_no_oops (at depth 11)
        pan: reducing search depth to 12
        pan: reducing search depth to 10
        pan: reducing search depth to 8
        pan: reducing search depth to 6
        """ + REPORT;
    assertEquals(java.util.OptionalLong.of(5), SpinResult.iterativeShortest(iterative));
    assertEquals(java.util.OptionalLong.empty(), SpinResult.iterativeShortest(REPORT));
    assertEquals(java.util.OptionalLong.of(0),
        SpinResult.iterativeShortest("pan: reducing search depth to 1\n"), "the boot state");
  }

  @Test
  void aReportWithoutCountsIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> SpinResult.parse("spin: syntax error"));
  }
}
