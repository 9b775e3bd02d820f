package org.hotplugchecker.checker.symbolic;

import org.hotplugchecker.model.spec.SpecWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Settings;
import org.chocosolver.solver.constraints.Constraint;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * The encoding is {@code HotplugKernel} and {@code HotplugProperty} rule for rule: from
 * every reachable state of a random small topology, each action is enabled in the
 * encoding iff it is in the explicit model and leads to the same successor, and every
 * property literal agrees with the explicit evaluation.
 */
class HotplugEncodingTest {

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.small();
  }

  @Property(tries = 25)
  void everyStepAndPropertyMatchesTheExplicitModel(@ForAll("topologies") Topology topology) {
    HotplugModel model = new HotplugModel(topology);
    List<long[]> states = reachable(model, 120);
    Assume.that(!states.isEmpty());
    checkEveryReachableState(topology, model, states);
  }

  /**
   * A machine where only the tie rule decides {@code alloc_local}: CPU 1 (home 2) loses
   * its node mapping, is hot-added again and allocates through {@code cpu_to_node(0)} = 0;
   * node 2 has no memory left and nodes 0 and 1 are equally far, so its nearest node is
   * 0 (the lower index) and the allocation is local.
   */
  @Example
  void nearestNodeTiesGoToTheLowerIndex() {
    Topology topology = Topology.of(Arch.GENERIC, KernelVariant.ALT_NUMA_MEM_ID, 3, null,
        List.of(new Component(0, true, false), new Component(2, true, true)),
        List.of(new Component(0, true, false), new Component(1, true, false),
            new Component(2, true, true)), Set.of());
    HotplugModel model = new HotplugModel(topology);
    checkEveryReachableState(topology, model, reachable(model, 1000));
  }

  private static void checkEveryReachableState(Topology topology, HotplugModel model,
      List<long[]> states) {
    HotplugEncoding enc = new HotplugEncoding(model);
    List<String> problems = new ArrayList<>();
    for (long[] state : states) {
      checkState(model, enc, state, problems);
      if (!problems.isEmpty()) {
        throw new AssertionError("encoding differs from the explicit model on\n"
            + SpecWriter.of(topology) + "from state " + model.variables(state) + "\n"
            + String.join("\n", problems));
      }
    }
  }

  private static void checkState(HotplugModel model, HotplugEncoding enc, long[] state,
      List<String> problems) {
    Model m = new Model("one step", Settings.prod().setEnableSAT(true));
    Cnf cnf = new Cnf(m);
    Unrolling u = new Unrolling(enc, cnf, 1);
    enc.fix(cnf, u.state(0), model.view(state.clone()));
    List<HotplugProperty> props = model.hotplugProperties();
    // Every literal exists before the first solve: clauses are only added at the root.
    List<Lit> violated = new ArrayList<>();
    for (HotplugProperty p : props) {
      violated.add(u.violation(p, p == HotplugProperty.ALLOC_LOCAL ? 1 : 0));
    }
    Lit applies = u.allocLocalApplies(1);
    long[] next = new long[model.stateWords()];
    for (int a = 0; a < model.actionCount(); a++) {
      boolean enabled = model.successor(state, a, next);
      Constraint choice = m.arithm(u.actionVars()[0], "=", a);
      choice.post();
      boolean sat = m.getSolver().solve();
      String label = model.actionLabel(a);
      if (sat != enabled) {
        problems.add(label + ": enabled " + enabled + " explicitly, " + sat + " symbolically");
      } else if (sat) {
        long[] symbolic = enc.decode(u.state(1)).words();
        if (!Arrays.equals(symbolic, next)) {
          problems.add(label + ": successor differs: explicit " + model.changes(state, next)
              + ", symbolic " + model.changes(state, symbolic));
        }
        for (int p = 0; p < props.size(); p++) {
          HotplugProperty prop = props.get(p);
          if (prop == HotplugProperty.ALLOC_LOCAL) {
            checkAllocLocal(model, applies, violated.get(p), state, a, next, p, problems);
          } else if (violated.get(p).valueInSolution() == model.invariantHolds(p, state)) {
            problems.add(prop.specName() + ": explicit holds " + model.invariantHolds(p, state));
          }
        }
      }
      m.getSolver().reset();
      m.unpost(choice);
    }
  }

  private static void checkAllocLocal(TransitionSystem ts, Lit appliesLit, Lit violatedLit,
      long[] state, int a, long[] next, int p, List<String> problems) {
    TransitionVerdict verdict = ts.checkTransition(p, state, a, next);
    boolean applies = appliesLit.valueInSolution();
    boolean violated = violatedLit.valueInSolution();
    boolean expectApplies = verdict != TransitionVerdict.NOT_APPLICABLE;
    boolean expectViolated = verdict == TransitionVerdict.VIOLATED;
    if (applies != expectApplies || violated != expectViolated) {
      problems.add(ts.actionLabel(a) + ": alloc_local explicit " + verdict
          + ", symbolic applies " + applies + " violated " + violated);
    }
  }

  /** Up to {@code limit} reachable states, or none if there are more. */
  private static List<long[]> reachable(HotplugModel model, int limit) {
    CheckResult r = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    if (r.states() > limit) {
      return List.of();
    }
    List<long[]> seen = new ArrayList<>();
    List<long[]> frontier = new ArrayList<>(model.initialStates());
    seen.addAll(frontier);
    while (!frontier.isEmpty()) {
      List<long[]> nextFrontier = new ArrayList<>();
      for (long[] s : frontier) {
        for (int a = 0; a < model.actionCount(); a++) {
          long[] n = new long[model.stateWords()];
          if (model.successor(s, a, n) && seen.stream().noneMatch(x -> Arrays.equals(x, n))) {
            seen.add(n);
            nextFrontier.add(n);
          }
        }
      }
      frontier = nextFrontier;
    }
    return seen;
  }
}
