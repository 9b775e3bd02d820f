package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.explicit.symmetry.HotplugSymmetry;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.lang.InvariantArbitraries;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * Symmetry reduction with user invariants: random topologies, random invariants (from the
 * model's generator, and pinning ones written from templates with random literals, so that
 * a reduction remains). Whatever the analysis derives, the reduced run must give the full
 * run's verdicts, counterexamples that replay on the model and are as short, and exactly as
 * many orbits as the full state space has distinct canonical forms.
 */
class SymmetryInvariantsTest {
  private static final String[] PINNING = {
      "cpu.online[%d] -> node.online[cpu.nid[%d]]",
      "forall c in cpus: cpu.nid[c] == %d -> node.online[%d]",
      "forall c in cpus: cpu.present[c] -> cpu.nid[c] != %d || !mem.online[%d]",
      "node.online[%d] || !mem.present[%d]",
      "forall c in cpus: cpu.online[c] -> cpu.home[c] < %d || cpu.link[c] == %d",
      "exists b in blocks: mem.online[b] && (b == %d || mem.home[b] >= %d)",
  };

  @Provide
  Arbitrary<Expr> invariants() {
    Arbitrary<Expr> generated = InvariantArbitraries.invariants(HotplugRules.RULES, 2)
        .map(InvariantArbitraries.Generated::expr);
    Arbitrary<Expr> pinning = Combinators.combine(Arbitraries.of(PINNING),
        Arbitraries.integers().between(-1, 3), Arbitraries.integers().between(-1, 3))
        .as((template, a, b) -> parse(String.format(template, a, b)));
    return Arbitraries.frequencyOf(Tuple.of(1, generated), Tuple.of(1, pinning));
  }

  private static Expr parse(String source) {
    try {
      return InvariantParser.parse(HotplugRules.RULES, source);
    } catch (InvariantException e) {
      throw new IllegalStateException(source, e);
    }
  }

  private static HotplugModel model(Topology t, Expr invariant) {
    List<PropertyRule> props = new ArrayList<>(HotplugRules.RULES.properties());
    props.add(new PropertyRule.Invariant("user", "", invariant, invariant.toString()));
    return HotplugModel.checking(t, props);
  }

  @Property(tries = 120)
  void reducedRunsAgreeWithFullRunsOnUserInvariants(
      @ForAll(supplier = SymmetricTopologies.Any.class) Topology t,
      @ForAll("invariants") Expr invariant) {
    HotplugModel model = model(t, invariant);
    Statistics.label("symmetry").collect(
        new HotplugSymmetry(model).constraints().disabledBy().isPresent() ? "off" : "on");
    CheckResult full = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    CheckResult reduced = new ExplicitExplorer().explore(model,
        ExplorerOptions.defaults().withSymmetry(true));
    assertTrue(reduced.complete());
    TraceReplayer replayer = new TraceReplayer(model);
    for (int p = 0; p < full.properties().size(); p++) {
      PropertyResult f = full.properties().get(p);
      PropertyResult r = reduced.properties().get(p);
      assertEquals(f.verdict(), r.verdict(), f.property().name() + " on " + t);
      assertEquals(f.counterexample().map(c -> c.length()),
          r.counterexample().map(c -> c.length()), "shortest counterexample length");
      int prop = p;
      r.counterexample().ifPresent(cex -> assertEquals(Optional.empty(),
          replayer.problems(prop, cex), "reduced counterexample of " + f.property().name()));
    }
    assertEquals(canonicalForms(model), reduced.states(), "orbits = distinct canonical forms");
  }

  /** The number of distinct canonical forms of every reachable state (the oracle BFS). */
  private static long canonicalForms(HotplugModel model) {
    HotplugSymmetry sym = new HotplugSymmetry(model);
    var canon = sym.newCanonicalizer();
    Set<ReferenceBfs.Key> forms = new HashSet<>();
    for (long[] s : ReferenceBfs.reachable(model)) {
      long[] c = new long[model.stateWords()];
      canon.canonicalize(s, c);
      forms.add(new ReferenceBfs.Key(c));
    }
    return forms.size();
  }

  @Test
  void aPinningInvariantStillLeavesAReduction() {
    Topology t = org.hotplugchecker.checker.bench.Bench.topology(
        new org.hotplugchecker.checker.bench.BenchOptions.Rung(3, 2, 1),
        org.hotplugchecker.model.topology.Arch.X86,
        org.hotplugchecker.model.topology.KernelVariant.V4_19);
    HotplugModel pinned = model(t, parse("node.online[2] || !cpu.online[5]"));
    HotplugSymmetry sym = new HotplugSymmetry(pinned);
    assertTrue(sym.constraints().disabledBy().isEmpty());
    // Node 2 (and CPU 5 on it) stay; CPUs 2 and 3 on node 1 still swap.
    assertEquals(1, sym.nodeRenamings());
    assertTrue(sym.order() > 1, sym.describe());
    CheckResult full = new ExplicitExplorer().explore(pinned, ExplorerOptions.defaults());
    CheckResult reduced = new ExplicitExplorer().explore(pinned,
        ExplorerOptions.defaults().withSymmetry(true));
    assertTrue(reduced.states() < full.states());
    assertEquals(canonicalForms(pinned), reduced.states());
  }

  @Test
  void anUnclassifiedInvariantTurnsTheReductionOff() {
    Topology t = org.hotplugchecker.checker.bench.Bench.topology(
        new org.hotplugchecker.checker.bench.BenchOptions.Rung(3, 2, 1),
        org.hotplugchecker.model.topology.Arch.X86,
        org.hotplugchecker.model.topology.KernelVariant.V4_19);
    HotplugModel model = model(t,
        parse("forall c in cpus: forall d in cpus: c < d -> cpu.nid[c] <= cpu.nid[d]"));
    HotplugSymmetry sym = new HotplugSymmetry(model);
    assertTrue(sym.constraints().disabledBy().isPresent());
    assertEquals(1, sym.order());
    CheckResult full = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    CheckResult reduced = new ExplicitExplorer().explore(model,
        ExplorerOptions.defaults().withSymmetry(true));
    assertEquals(full.states(), reduced.states());
    assertEquals(full.property("user").orElseThrow().verdict(),
        reduced.property("user").orElseThrow().verdict());
  }
}
