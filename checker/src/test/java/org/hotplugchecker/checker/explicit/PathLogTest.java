package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An exact search logs parents for its first states, and its counterexamples are read off
 * the log. They must be exactly the counterexamples of a search without a log (a replay,
 * or a backward search over a store that keeps states), and a log that the search
 * outgrows must give way to those, for any worker count, with and without symmetry, on
 * one-word, two-word and general states.
 */
class PathLogTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.hotplugchecker.checker.ReferenceCases#all")
  void referenceCases(ReferenceCases.Case c) {
    HotplugModel model = new HotplugModel(c.topology());
    for (int workers : new int[] {1, 2}) {
      agree(model, ExplorerOptions.defaults().withWorkers(workers));
    }
  }

  @Property(tries = 30)
  void randomTopologiesWithAndWithoutSymmetry(
      @ForAll(supplier = SymmetricTopologies.Any.class) Topology t) {
    HotplugModel model = new HotplugModel(t);
    agree(model, ExplorerOptions.defaults().withWorkers(2));
    agree(model, ExplorerOptions.defaults().withWorkers(2).withSymmetry(true));
  }

  @Test
  void twoWordStatesWithViolations() {
    Topology t = Bench.topology(new BenchOptions.Rung(4, 2, 0), Arch.GENERIC,
        KernelVariant.V4_19);
    HotplugModel model = new HotplugModel(t);
    assertEquals(2, model.stateWords());
    CheckResult logged = agree(model, ExplorerOptions.defaults().withWorkers(2));
    assertTrue(logged.properties().stream().anyMatch(p -> p.counterexample().isPresent()),
        "the rung has violations");
  }

  /**
   * Checks {@code model} with a log, without one and with one dropped a third of the way;
   * returns the logged run.
   */
  private static CheckResult agree(HotplugModel model, ExplorerOptions options) {
    CheckResult logged = new ExplicitExplorer().explore(model, options);
    CheckResult unlogged = explorer(0).explore(model, options);
    int third = (int) Math.max(1, logged.states() / 3);
    CheckResult dropped = explorer(third).explore(model, options);
    assertTrue(logged.stats().get("pathLogBytes").longValue() > 0, logged.stats().toString());
    assertFalse(unlogged.stats().containsKey("pathLogBytes"), unlogged.stats().toString());
    if (logged.states() > third) {
      assertEquals(0L, dropped.stats().get("pathLogBytes").longValue(),
          "a log the search outgrew is let go");
    }
    for (CheckResult other : List.of(unlogged, dropped)) {
      assertEquals(logged.states(), other.states());
      assertEquals(logged.transitions(), other.transitions());
      for (int p = 0; p < logged.properties().size(); p++) {
        assertEquals(logged.properties().get(p).verdict(), other.properties().get(p).verdict());
        assertSame(logged.properties().get(p).counterexample(),
            other.properties().get(p).counterexample());
      }
    }
    return logged;
  }

  private static ExplicitExplorer explorer(int pathLogLimit) {
    return new ExplicitExplorer(MemoryBudget::new, LevelSearch.PROGRESS_INTERVAL_NANOS,
        pathLogLimit);
  }

  private static void assertSame(Optional<Counterexample> expected,
      Optional<Counterexample> actual) {
    assertEquals(expected.isPresent(), actual.isPresent());
    if (expected.isEmpty()) {
      return;
    }
    assertEquals(expected.get().actions(), actual.get().actions());
    List<long[]> a = expected.get().states();
    List<long[]> b = actual.get().states();
    assertEquals(a.size(), b.size());
    for (int k = 0; k < a.size(); k++) {
      assertArrayEquals(a.get(k), b.get(k), "state " + k);
    }
  }
}
