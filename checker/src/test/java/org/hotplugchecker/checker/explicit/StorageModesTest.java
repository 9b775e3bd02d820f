package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fingerprint storage and memory limits, against exact storage. */
class StorageModesTest {

  static Stream<ReferenceCases.Case> cases() {
    return ReferenceCases.all().stream();
  }

  private static Map<String, String> verdicts(CheckResult r) {
    Map<String, String> m = new LinkedHashMap<>();
    r.properties().forEach(p -> m.put(p.property().name(), ReferenceCases.referenceNotation(p)));
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fingerprintsReproduceTheReferenceAndTheExactCounterexamples(ReferenceCases.Case c) {
    HotplugModel model = new HotplugModel(c.topology());
    CheckResult exact = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    for (int bits : new int[] {64, 128}) {
      CheckResult fp = new ExplicitExplorer().explore(model,
          ExplorerOptions.defaults().withFingerprintBits(bits).withWorkers(2));
      assertEquals(c.states(), fp.states());
      assertEquals(c.transitions(), fp.transitions());
      assertEquals(c.verdicts(), verdicts(fp));
      assertTrue(fp.stats().get("fingerprintCollisionProbability").doubleValue() < 1e-10);
      for (int p = 0; p < fp.properties().size(); p++) {
        assertEquals(exact.properties().get(p).counterexample().map(x -> x.actions()),
            fp.properties().get(p).counterexample().map(x -> x.actions()),
            "the parent log finds the same first discoverers as the backward search");
      }
    }
  }

  @Property(tries = 40)
  void fingerprintsWithSymmetryMatchExactWithSymmetry(
      @ForAll(supplier = SymmetricTopologies.Any.class) Topology t) {
    HotplugModel model = new HotplugModel(t);
    ExplorerOptions sym = ExplorerOptions.defaults().withSymmetry(true);
    CheckResult exact = new ExplicitExplorer().explore(model, sym);
    CheckResult fp = new ExplicitExplorer().explore(model, sym.withFingerprintBits(64));
    assertEquals(exact.states(), fp.states());
    assertEquals(verdicts(exact), verdicts(fp));
    TraceReplayer replayer = new TraceReplayer(model);
    for (int p = 0; p < fp.properties().size(); p++) {
      int prop = p;
      fp.properties().get(p).counterexample().ifPresent(cex ->
          assertEquals(Optional.empty(), replayer.problems(prop, cex)));
    }
  }

  /** A budget that refuses every allocation after the first {@code allowed}. */
  private static final class CountdownBudget extends MemoryBudget {
    private int allowed;

    CountdownBudget(int allowed) {
      super(0);
      this.allowed = allowed;
    }

    @Override
    void require(long bytes, String what) {
      if (allowed-- <= 0) {
        throw new MemoryLimitException("memory limit: " + what + " (test budget)");
      }
    }
  }

  /**
   * Exact one-word runs without a parent log rebuild counterexamples by exploring again,
   * keeping states; when that does not fit, the verdicts stand and the violations come
   * without a path.
   */
  @Test
  void aCounterexampleWhoseReplayDoesNotFitIsLeftOutNotInvented() {
    ReferenceCases.Case c = ReferenceCases.all().stream()
        .filter(x -> x.verdicts().values().stream().anyMatch(v -> v.startsWith("violated")))
        .findFirst().orElseThrow();
    HotplugModel model = new HotplugModel(c.topology());
    int[] runs = {0};
    CheckResult r = new ExplicitExplorer(
        () -> runs[0]++ == 0 ? new MemoryBudget(0) : new CountdownBudget(0),
        LevelSearch.PROGRESS_INTERVAL_NANOS, 0) // no parent log: paths need a replay
        .explore(model, ExplorerOptions.defaults().withWorkers(2));
    assertEquals(2, runs[0], "the search and one replay");
    assertTrue(r.complete());
    assertEquals(c.states(), r.states());
    for (var p : r.properties()) {
      boolean violated = c.verdicts().get(p.property().name()).startsWith("violated");
      assertEquals(violated, p.verdict() == Verdict.VIOLATED, p.toString());
      assertTrue(p.counterexample().isEmpty(), p.toString());
      assertEquals(violated, p.detail().contains("ran out of memory"), p.detail());
    }
  }

  @Test
  void runningOutOfHeapStopsCleanlyWithWhatWasFound() {
    Topology t = Bench.topology(new BenchOptions.Rung(3, 2, 1), Arch.X86, KernelVariant.V5_0);
    HotplugModel model = new HotplugModel(t);
    for (int fpBits : new int[] {0, 64}) {
      CheckResult r = new ExplicitExplorer(() -> new CountdownBudget(4)).explore(model,
          ExplorerOptions.defaults().withWorkers(2).withFingerprintBits(fpBits));
      assertFalse(r.complete());
      assertTrue(r.resourceLimitHit());
      assertTrue(r.stopReason().orElseThrow().startsWith("memory limit"), r.stopReason().get());
      assertTrue(r.states() > 100, "kept the states found so far: " + r.states());
      assertTrue(r.depth() > 0);
      r.properties().forEach(p -> assertTrue(p.verdict() == Verdict.UNKNOWN
          || p.verdict() == Verdict.VIOLATED, p.toString()));
    }
  }
}
