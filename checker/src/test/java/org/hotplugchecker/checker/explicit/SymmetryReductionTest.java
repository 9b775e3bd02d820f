package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.checker.explicit.symmetry.HotplugSymmetry;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;
import org.junit.jupiter.api.Test;

/** Symmetry reduction finds what the full search finds, on random topologies. */
class SymmetryReductionTest {

  private static Map<String, String> verdicts(CheckResult r) {
    Map<String, String> m = new LinkedHashMap<>();
    r.properties().forEach(p -> m.put(p.property().name(), ReferenceCases.referenceNotation(p)));
    return m;
  }

  private static void assertConcreteCounterexamples(HotplugModel model, CheckResult r) {
    TraceReplayer replayer = new TraceReplayer(model);
    for (int p = 0; p < r.properties().size(); p++) {
      int prop = p;
      r.properties().get(p).counterexample().ifPresent(cex -> assertEquals(Optional.empty(),
          replayer.problems(prop, cex), "counterexample of " + r.properties().get(prop)));
    }
  }

  @Property(tries = 150)
  void reducedRunHasTheFullRunsVerdictsAndConcreteCounterexamples(
      @ForAll(supplier = SymmetricTopologies.Any.class) Topology t) {
    HotplugModel model = new HotplugModel(t);
    CheckResult full = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    CheckResult reduced = new ExplicitExplorer().explore(model,
        ExplorerOptions.defaults().withSymmetry(true));
    assertTrue(reduced.complete());
    assertEquals(verdicts(full), verdicts(reduced), t.toString());
    assertTrue(reduced.states() <= full.states());
    assertEquals(1, reduced.stats().get("symmetry").intValue());
    assertEquals(reduced.states(), reduced.stats().get("orbits").longValue());
    assertEquals(full.depth(), reduced.depth(), "orbits keep BFS depth");
    assertConcreteCounterexamples(model, reduced);
  }

  @Property(tries = 80)
  void orbitsAreExactlyTheCanonicalFormsOfTheReachableStates(
      @ForAll(supplier = SymmetricTopologies.Any.class) Topology t) {
    assertOrbitContract(t);
  }

  @Test
  void roundRobinCpusOfX86AreNotInterchangeable() {
    // numa_init_array puts CPU 1 on node 0 and CPU 2 on node 1 at boot, although both
    // have the same firmware attributes; swapping them would not fix the boot state.
    Component cpu = new Component(0, false, true);
    Topology t = Topology.of(Arch.X86, KernelVariant.V4_19, 2, null,
        List.of(new Component(0, true, false), cpu, cpu),
        List.of(new Component(1, true, true)), Set.of());
    assertOrbitContract(t);
    CheckResult full = new ExplicitExplorer().explore(new HotplugModel(t),
        ExplorerOptions.defaults());
    CheckResult reduced = new ExplicitExplorer().explore(new HotplugModel(t),
        ExplorerOptions.defaults().withSymmetry(true));
    assertEquals(verdicts(full), verdicts(reduced));
  }

  @Test
  void allocLocalTiesAreCheckedOnEveryRenaming() {
    // CPU 0 sits on node 1, which has no memory; nodes 0 and 2 look alike. Once CPU 1
    // (home 0) is hot-removed with node 0's memory, alt-numa-mem-id clears its node, and
    // after re-adding both, its allocations go to numa_mem_id() = node 1, whose nearest
    // memory is a tie between nodes 0 and 2 broken towards node 0. That is local for CPU 1
    // but not for its mirror image CPU 2 (home 2): the tie rule is not symmetric, so the
    // reduced search must look at every renaming of the representative it stores.
    Topology t = Topology.of(Arch.GENERIC, KernelVariant.ALT_NUMA_MEM_ID, 3, null,
        List.of(new Component(1, true, false), new Component(0, true, true),
            new Component(2, true, true)),
        List.of(new Component(0, true, true), new Component(2, true, true)), Set.of());
    HotplugModel model = new HotplugModel(t);
    assertEquals(2, new HotplugSymmetry(model).witnessCount());
    assertOrbitContract(t);
    CheckResult full = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    CheckResult reduced = new ExplicitExplorer().explore(model,
        ExplorerOptions.defaults().withSymmetry(true));
    assertEquals(Verdict.VIOLATED, full.property("alloc_local").orElseThrow().verdict());
    assertEquals(verdicts(full), verdicts(reduced));
    assertTrue(reduced.states() < full.states());
    assertConcreteCounterexamples(model, reduced);
  }

  @Test
  void tooManyNodeRenamingsFallBackToCpuAndBlockSymmetryOnly() {
    // 11 look-alike nodes would give 11! renamings; the group keeps nodes fixed instead
    // (a subgroup is always sound) and still swaps nothing it should not.
    Topology t = Bench.topology(new BenchOptions.Rung(12, 1, 1), Arch.X86, KernelVariant.V5_0);
    HotplugSymmetry sym = new HotplugSymmetry(new HotplugModel(t));
    assertEquals(1, sym.witnessCount());
    assertEquals(1, sym.order());
    Topology small = Bench.topology(new BenchOptions.Rung(4, 1, 1), Arch.X86,
        KernelVariant.V5_0);
    assertEquals(6, new HotplugSymmetry(new HotplugModel(small)).witnessCount());
  }

  private static void assertOrbitContract(Topology t) {
    HotplugModel model = new HotplugModel(t);
    HotplugSymmetry sym = new HotplugSymmetry(model);
    StateSymmetry.Canonicalizer canon = sym.newCanonicalizer();
    List<long[]> all = ReferenceBfs.reachable(model);
    Set<ReferenceBfs.Key> reachable = new HashSet<>();
    all.forEach(s -> reachable.add(new ReferenceBfs.Key(s)));
    Set<ReferenceBfs.Key> forms = new HashSet<>();
    int w = model.stateWords();
    for (long[] s : all) {
      long[] c = new long[w];
      canon.canonicalize(s, c);
      assertTrue(reachable.contains(new ReferenceBfs.Key(c)), "representative is reachable");
      forms.add(new ReferenceBfs.Key(c));
      for (int e = 0; e < sym.witnessCount(); e++) {
        long[] g = new long[w];
        sym.apply(e, s, g);
        assertTrue(reachable.contains(new ReferenceBfs.Key(g)), "reachable set is closed");
        long[] cg = new long[w];
        canon.canonicalize(g, cg);
        assertArrayEquals(c, cg, "canonical form is the same across the orbit");
        for (int p = 0; p < model.properties().size(); p++) {
          if (model.properties().get(p).kind() == PropertySpec.Kind.INVARIANT) {
            assertEquals(model.invariantHolds(p, s), model.invariantHolds(p, g));
          }
        }
        for (int a = 0; a < model.actionCount(); a++) {
          long[] next = new long[w];
          long[] gNext = new long[w];
          boolean on = model.successor(s, a, next);
          assertEquals(on, model.successor(g, sym.applyToAction(e, a), gNext));
          if (on) {
            long[] image = new long[w];
            sym.apply(e, next, image);
            assertArrayEquals(image, gNext, "renaming commutes with " + model.actionLabel(a));
          }
        }
      }
    }
    CheckResult reduced = new ExplicitExplorer().explore(model,
        ExplorerOptions.defaults().withSymmetry(true));
    assertEquals(forms.size(), reduced.states());
    assertEquals(all.size(), new ExplicitExplorer().explore(model, ExplorerOptions.defaults())
        .states());
  }

  @Property(tries = 40)
  void reducedCounterexamplesDoNotDependOnWorkers(
      @ForAll(supplier = SymmetricTopologies.Any.class) Topology t) {
    HotplugModel model = new HotplugModel(t);
    ExplorerOptions o = ExplorerOptions.defaults().withSymmetry(true);
    CheckResult one = new ExplicitExplorer().explore(model, o);
    // Chunks of 3 states: even the small levels of these machines are split among workers.
    CheckResult two = new ExplicitExplorer().explore(model, o.withWorkers(2)
        .withChunkStates(3));
    assertEquals(one.states(), two.states());
    assertEquals(one.transitions(), two.transitions());
    for (int p = 0; p < one.properties().size(); p++) {
      var a = one.properties().get(p).counterexample();
      var b = two.properties().get(p).counterexample();
      assertEquals(a.isPresent(), b.isPresent());
      if (a.isPresent()) {
        assertEquals(a.get().actions(), b.get().actions());
      }
    }
  }

  @Test
  void benchTopologyShrinksAndKeepsVerdicts() {
    Topology t = Bench.topology(new BenchOptions.Rung(3, 2, 1), Arch.X86, KernelVariant.V4_19);
    HotplugModel model = new HotplugModel(t);
    CheckResult full = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    CheckResult reduced = new ExplicitExplorer().explore(model,
        ExplorerOptions.defaults().withSymmetry(true).withWorkers(2));
    assertEquals(verdicts(full), verdicts(reduced));
    // Nodes 1 and 2 look alike and each holds two interchangeable CPUs: a real reduction.
    assertTrue(reduced.states() * 4 < full.states(), reduced.states() + " vs " + full.states());
    assertConcreteCounterexamples(model, reduced);
  }
}
