package org.hotplugchecker.checker.symbolic;

import org.hotplugchecker.model.spec.SpecWriter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.lang.InvariantArbitraries;
import org.hotplugchecker.model.rules.symbolic.SampleInvariants;
import org.hotplugchecker.model.topology.Topology;

/**
 * The symbolic engines against the explicit explorer on random small topologies (1-3
 * nodes, 1-3 CPUs, 0-3 blocks, both arches, any knob set, with and without the fault),
 * checking either the hotplug model's built-in properties or, through the reference
 * interpreter, the built-ins plus hand-written user invariants ({@link SampleInvariants}).
 * BMC runs to the explicit diameter, so topologies whose diameter exceeds
 * {@link #MAX_DIAMETER} are skipped there; topologies without a single state change
 * (diameter 0), which the generator produces often and which test nothing, everywhere.
 */
class SymbolicDifferentialTest {
  static final int MAX_DIAMETER = 16;

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.smallWithKnobs();
  }

  /** The explicit system and its symbolic model: built-ins only, or with user invariants. */
  private static SymbolicModel model(Topology t, boolean userInvariants) {
    if (!userInvariants) {
      return SymbolicModel.of(new HotplugModel(t));
    }
    RuleMachineSystem ts = RuleMachineSystem.of(t, SampleInvariants.all());
    return SymbolicModel.of(ts, ts.machine());
  }

  /**
   * BMC up to the explicit diameter (+1, the longest a shortest {@code alloc_local}
   * counterexample can be): the same violated properties with the same shortest lengths,
   * nothing the explicit engine proves is refuted, and BMC's own proofs (recurrence
   * diameter) agree with the explicit verdicts.
   */
  @Property(tries = 300)
  void bmcAgreesWithExplicit(@ForAll("topologies") Topology topology,
      @ForAll boolean userInvariants) {
    SymbolicModel model = model(topology, userInvariants);
    CheckResult explicit = new ExplicitExplorer().explore(model.ts(), ExplorerOptions.defaults());
    Assume.that(explicit.depth() >= 1 && explicit.depth() <= MAX_DIAMETER);
    Statistics.label("explicit diameter").collect(explicit.depth());
    CheckResult bmc = new BmcEngine(new BmcOptions(explicit.depth() + 1, true, 5_000))
        .check(model);
    assertAgree(topology, "bmc", bmcProblems(model, explicit, bmc));
  }

  @Provide
  Arbitrary<org.hotplugchecker.model.rules.lang.InvariantArbitraries.Generated> invariants() {
    return org.hotplugchecker.model.rules.lang.InvariantArbitraries.invariants();
  }

  /**
   * Random well-typed user invariants, as a spec would bring them: BMC finds exactly the
   * explicit engine's violations with its shortest lengths, and k-induction never
   * contradicts it.
   */
  @Property(tries = 100)
  void randomUserInvariantsAgreeWithExplicit(@ForAll("topologies") Topology topology,
      @ForAll("invariants") org.hotplugchecker.model.rules.lang.InvariantArbitraries.Generated a,
      @ForAll("invariants") org.hotplugchecker.model.rules.lang.InvariantArbitraries.Generated b) {
    java.util.List<org.hotplugchecker.model.rules.PropertyRule> props = new ArrayList<>(
        org.hotplugchecker.model.rules.HotplugRules.RULES.properties());
    props.add(new org.hotplugchecker.model.rules.PropertyRule.Invariant("user_a", a.source(),
        a.expr(), a.source()));
    props.add(new org.hotplugchecker.model.rules.PropertyRule.Invariant("user_b", b.source(),
        b.expr(), b.source()));
    SymbolicModel model = SymbolicModel.of(HotplugModel.checking(topology, props));
    CheckResult explicit = new ExplicitExplorer().explore(model.ts(), ExplorerOptions.defaults());
    Assume.that(explicit.depth() >= 1 && explicit.depth() <= MAX_DIAMETER);
    CheckResult bmc = new BmcEngine(new BmcOptions(explicit.depth() + 1, true, 5_000))
        .check(model);
    List<String> problems = bmcProblems(model, explicit, bmc);
    CheckResult kind = new KInductionEngine(new KInductionOptions(2, 20_000)).check(model);
    for (int p = 0; p < explicit.properties().size(); p++) {
      PropertyResult e = explicit.properties().get(p);
      PropertyResult k = kind.properties().get(p);
      if (k.verdict() != Verdict.UNKNOWN && (k.verdict() != e.verdict()
          || (k.verdict() == Verdict.VIOLATED && k.length() != e.length()))) {
        problems.add(e.property().name() + ": explicit " + describe(e) + ", kind " + describe(k));
      }
    }
    assertAgree(topology, "bmc/kind on " + a.source() + " / " + b.source(), problems);
  }

  /**
   * The same on the Choco backend, on fewer and shallower topologies (it learns no
   * clauses, so it is the slower one): the solver seam gives the same answers either way.
   */
  @Property(tries = 60)
  void bmcOnChocoAgreesWithExplicit(@ForAll("topologies") Topology topology) {
    SymbolicModel model = model(topology, false);
    CheckResult explicit = new ExplicitExplorer().explore(model.ts(), ExplorerOptions.defaults());
    Assume.that(explicit.depth() >= 1 && explicit.depth() <= 5);
    CheckResult bmc = new BmcEngine(new BmcOptions(explicit.depth() + 1, true, 5_000)
        .withBackend(org.hotplugchecker.checker.symbolic.sat.SolverBackend.CHOCO)).check(model);
    assertAgree(topology, "bmc (choco)", bmcProblems(model, explicit, bmc));
  }

  private static List<String> bmcProblems(SymbolicModel model, CheckResult explicit,
      CheckResult bmc) {
    List<String> problems = new ArrayList<>();
    for (int p = 0; p < explicit.properties().size(); p++) {
      PropertyResult e = explicit.properties().get(p);
      PropertyResult s = bmc.properties().get(p);
      String name = e.property().name();
      if (e.verdict() == Verdict.VIOLATED) {
        if (s.verdict() != Verdict.VIOLATED || s.length() != e.length()) {
          problems.add(name + ": explicit violated@" + e.length() + ", bmc " + describe(s));
        }
      } else if (s.verdict() != Verdict.UNKNOWN && s.verdict() != e.verdict()) {
        problems.add(name + ": explicit " + e.verdict() + ", bmc " + describe(s));
      }
      int index = p;
      s.counterexample().flatMap(cex -> new TraceReplayer(model.ts()).problems(index, cex))
          .ifPresent(why -> problems.add(name + ": bmc counterexample does not replay: " + why));
    }
    return problems;
  }

  /**
   * k-induction never contradicts the explicit engine: what it proves holds, what it
   * refutes is violated with the same shortest length.
   */
  @Property(tries = 200)
  void kInductionIsSound(@ForAll("topologies") Topology topology,
      @ForAll boolean userInvariants) {
    assertKInductionSound(topology, userInvariants);
  }

  /**
   * The same with random invariants of the invariant language on machines with hotplug to
   * do. The built-in and sample invariants are 3-inductive on every machine tried, so the
   * case k-induction must answer unknown (true in every reachable state, not inductive)
   * comes only from invariants like these.
   */
  @Property(tries = 40)
  void kInductionIsSoundWithRandomInvariantsOnBusyMachines(@ForAll("busy") Topology topology,
      @ForAll("randomInvariants") List<InvariantArbitraries.Generated> invariants) {
    List<PropertyRule.Invariant> extra = new ArrayList<>();
    for (int i = 0; i < invariants.size(); i++) {
      InvariantArbitraries.Generated g = invariants.get(i);
      extra.add(new PropertyRule.Invariant("random_" + i, g.source(), g.expr(), g.source()));
    }
    RuleMachineSystem ts = RuleMachineSystem.of(topology, extra);
    assertKInductionSound(topology, SymbolicModel.of(ts, ts.machine()));
  }

  @Provide
  Arbitrary<Topology> busy() {
    return TopologyArbitraries.busy();
  }

  @Provide
  Arbitrary<List<InvariantArbitraries.Generated>> randomInvariants() {
    return InvariantArbitraries.invariants().list().ofMinSize(1).ofMaxSize(3);
  }

  private static void assertKInductionSound(Topology topology, boolean userInvariants) {
    assertKInductionSound(topology, model(topology, userInvariants));
  }

  private static void assertKInductionSound(Topology topology, SymbolicModel model) {
    CheckResult explicit = new ExplicitExplorer().explore(model.ts(), ExplorerOptions.defaults());
    Assume.that(explicit.depth() >= 1);
    CheckResult kind = new KInductionEngine(new KInductionOptions(3, 20_000)).check(model);
    long holds = explicit.properties().stream().filter(r -> r.verdict() == Verdict.HOLDS)
        .count();
    long proved = kind.properties().stream().filter(r -> r.verdict() == Verdict.HOLDS).count();
    Statistics.label("holding properties proved").collect(proved == holds ? "all" : "some");
    Statistics.label("unknowns").collect(kind.properties().stream()
        .anyMatch(r -> r.verdict() == Verdict.UNKNOWN) ? "some" : "none");
    List<String> problems = new ArrayList<>();
    for (int p = 0; p < explicit.properties().size(); p++) {
      PropertyResult e = explicit.properties().get(p);
      PropertyResult s = kind.properties().get(p);
      if (!kInductionAgrees(e, s)) {
        problems.add(e.property().name() + ": explicit " + describe(e) + ", kind "
            + describe(s));
      }
    }
    assertAgree(topology, "kind", problems);
  }

  /**
   * Whether k-induction's result {@code k} is sound against the explicit engine's {@code e}:
   * what it proves holds, what it refutes is violated at the same shortest length, vacuity
   * only where the explicit engine says vacuous; unknown is always allowed.
   */
  static boolean kInductionAgrees(PropertyResult e, PropertyResult k) {
    return switch (k.verdict()) {
      case HOLDS -> e.verdict() == Verdict.HOLDS;
      case VIOLATED -> e.verdict() == Verdict.VIOLATED && e.length() == k.length();
      case VACUOUS -> e.verdict() == Verdict.VACUOUS;
      case UNKNOWN -> true;
    };
  }

  static String describe(PropertyResult r) {
    return (r.verdict() == Verdict.VIOLATED ? "violated@" + r.length() : r.verdict().specName())
        + (r.detail().isEmpty() ? "" : " (" + r.detail() + ")");
  }

  private static void assertAgree(Topology t, String engine, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new AssertionError("explicit and " + engine + " disagree on\n" + SpecWriter.of(t)
          + String.join("\n", problems));
    }
  }
}
