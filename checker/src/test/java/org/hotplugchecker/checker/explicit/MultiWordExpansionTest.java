package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;
import org.junit.jupiter.api.Test;

/**
 * The multi-word fast path ({@link MultiWordExpansion}, {@link TwoWordStateStore}) gives
 * the general path's results exactly: states, transitions, verdicts and the same
 * counterexamples, for 1, 2 and 3 workers, on topologies of 4 and 5 nodes whose states
 * take two words.
 */
class MultiWordExpansionTest {

  /**
   * The model behind an interface that is not a {@link HotplugModel}: the search then
   * takes its general path ({@link GeneralExpansion}), which only uses these methods.
   */
  private record Opaque(TransitionSystem m) implements TransitionSystem {
    @Override
    public int stateWords() {
      return m.stateWords();
    }

    @Override
    public int stateBits() {
      return m.stateBits();
    }

    @Override
    public List<long[]> initialStates() {
      return m.initialStates();
    }

    @Override
    public int actionCount() {
      return m.actionCount();
    }

    @Override
    public String actionLabel(int a) {
      return m.actionLabel(a);
    }

    @Override
    public boolean successor(long[] s, int a, long[] out) {
      return m.successor(s, a, out);
    }

    @Override
    public List<PropertySpec> properties() {
      return m.properties();
    }

    @Override
    public boolean invariantHolds(int p, long[] s) {
      return m.invariantHolds(p, s);
    }

    @Override
    public TransitionVerdict checkTransition(int p, long[] from, int a, long[] to) {
      return m.checkTransition(p, from, a, to);
    }
  }

  private static Map<String, String> verdicts(CheckResult r) {
    Map<String, String> m = new LinkedHashMap<>();
    r.properties().forEach(p -> m.put(p.property().name(), ReferenceCases.referenceNotation(p)));
    return m;
  }

  private static List<Optional<List<Integer>>> paths(CheckResult r) {
    return r.properties().stream().map(p -> p.counterexample().map(c -> c.actions())).toList();
  }

  /** Explores {@code model} on both paths and every worker count; all must agree. */
  private static CheckResult agreeOnEveryPath(HotplugModel model) {
    assertTrue(model.stateWords() >= 2, "a multi-word topology");
    assertTrue(model.hasEnabledSetsN(), "the fast path applies");
    CheckResult general = new ExplicitExplorer().explore(new Opaque(model),
        ExplorerOptions.defaults().withWorkers(1));
    assertTrue(general.complete());
    TraceReplayer replayer = new TraceReplayer(model);
    for (int workers = 1; workers <= 3; workers++) {
      CheckResult fast = new ExplicitExplorer().explore(model,
          ExplorerOptions.defaults().withWorkers(workers));
      assertTrue(fast.complete());
      assertEquals(general.states(), fast.states(), "states, " + workers + " workers");
      assertEquals(general.transitions(), fast.transitions(), "transitions");
      assertEquals(verdicts(general), verdicts(fast), "verdicts");
      assertEquals(paths(general), paths(fast), "counterexamples");
      for (int p = 0; p < fast.properties().size(); p++) {
        int prop = p;
        fast.properties().get(p).counterexample().ifPresent(cex ->
            assertEquals(Optional.empty(), replayer.problems(prop, cex)));
      }
    }
    return general;
  }

  @Provide
  Arbitrary<Topology> multiWord() {
    Arbitrary<Component> cpu = Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.of(true, false), Arbitraries.integers().between(0, 9))
        .as((home, boot, roll) -> new Component(home, boot || roll >= 2, roll < 2));
    return Combinators.combine(
        Arbitraries.of(Arch.values()),
        Arbitraries.of(KernelVariant.values()),
        Arbitraries.integers().between(4, 5),
        cpu.list().ofMinSize(5).ofMaxSize(10),
        cpu.list().ofMinSize(2).ofMaxSize(8),
        Arbitraries.of(true, false))
        .as((arch, kernel, nodes, cpus, blocks, fault) -> {
          // Homes within the node count; CPU 0 boots and stays, as on real machines.
          List<Component> c = fit(cpus, nodes);
          c.set(0, new Component(c.get(0).home(), true, false));
          return Topology.of(arch, kernel, nodes, null, c, fit(blocks, nodes),
              fault ? Set.of(Fault.ADD_MEMORY_FAILS) : Set.of());
        })
        .filter(t -> HotplugModel.bootState(t).length >= 2)
        // Few hot-pluggable parts, so that a try explores thousands of states, not millions.
        .filter(t -> t.cpus().stream().filter(Component::hotplug).count()
            + t.memory().stream().filter(Component::hotplug).count() <= 4);
  }

  private static List<Component> fit(List<Component> parts, int nodes) {
    List<Component> out = new ArrayList<>();
    for (Component p : parts) {
      out.add(new Component(p.home() % nodes, p.boot(), p.hotplug()));
    }
    return out;
  }

  @Property(tries = 40)
  void fastPathMatchesTheGeneralPathAndANaiveSearch(@ForAll("multiWord") Topology t) {
    HotplugModel model = new HotplugModel(t);
    CheckResult r = agreeOnEveryPath(model);
    assertEquals(ReferenceBfs.reachable(model).size(), r.states());
  }

  @Test
  void benchRungOfFourNodesWithViolationsAgreesOnEveryPath() {
    // 4x2x0 generic v4.19: two-word states (77 bits), 38 actions, and v4.19's violations.
    Topology t = Bench.topology(new BenchOptions.Rung(4, 2, 0), Arch.GENERIC,
        KernelVariant.V4_19);
    CheckResult r = agreeOnEveryPath(new HotplugModel(t));
    assertTrue(r.properties().stream().anyMatch(p -> p.counterexample().isPresent()),
        "some property is violated, so counterexamples are compared");
  }

  @Test
  void enabledSetsAndFiringOfMoreThanSixtyFourActionsAreTheInterpretersOnes() {
    // 4x2x2 x86 v5.0 (the bench rung): 66 actions, so the enabled set has two words; its
    // 10 M states are too many here, so the first 20,000 reached are compared.
    Topology t = Bench.topology(new BenchOptions.Rung(4, 2, 2), Arch.X86, KernelVariant.V5_0);
    HotplugModel model = new HotplugModel(t);
    assertEquals(66, model.actionCount());
    assertEquals(2, model.enabledSetWords());
    java.util.ArrayDeque<long[]> queue = new java.util.ArrayDeque<>(model.initialStates());
    Set<ReferenceBfs.Key> seen = new java.util.HashSet<>();
    long[] set = new long[2];
    long[] out = new long[model.stateWords()];
    RuleMachine machine = model.machine();
    int highActionsEnabled = 0;
    while (!queue.isEmpty() && seen.size() < 20_000) {
      long[] s = queue.poll();
      model.enabledSetN(s, set);
      for (int a = 0; a < model.actionCount(); a++) {
        // The oracle is the rule table's interpreter, not the masks or the generated code.
        boolean enabled = machine.enabled(a, s);
        assertEquals(enabled, (set[a >>> 6] & (1L << a)) != 0, "action " + a);
        if (enabled) {
          highActionsEnabled += a >= 64 ? 1 : 0;
          System.arraycopy(s, 0, out, 0, out.length);
          machine.fire(a, out, new ArrayList<>());
          long[] fired = s.clone();
          model.fireN(fired, a);
          assertEquals(java.util.Arrays.toString(out), java.util.Arrays.toString(fired));
          if (seen.add(new ReferenceBfs.Key(out.clone()))) {
            queue.add(out.clone());
          }
        }
      }
    }
    assertTrue(highActionsEnabled > 0, "actions 64 and 65 were enabled somewhere");
  }
}
