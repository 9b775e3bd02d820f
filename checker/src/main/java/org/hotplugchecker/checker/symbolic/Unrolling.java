package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.hotplugchecker.model.kernel.KernelAction;
import org.hotplugchecker.model.property.HotplugProperty;

/**
 * {@code steps + 1} copies of the state variables linked by {@code steps} copies of the
 * transition relation: state {@code t+1} is the result of action {@code act[t]} on state
 * {@code t}. {@code act[t]} is one integer variable per step whose value is a model
 * action id, channelled to one selector literal per action.
 */
final class Unrolling {
  private final HotplugEncoding enc;
  private final Cnf cnf;
  private final List<SymbolicState> states = new ArrayList<>();
  private final IntVar[] act;
  private final Lit[][] selected;
  private final List<BoolVar> stateVars = new ArrayList<>();
  private final Map<Long, Lit> eventCache = new HashMap<>();

  /** Unrolls {@code enc}'s transition relation {@code steps} times into {@code cnf}. */
  Unrolling(HotplugEncoding enc, Cnf cnf, int steps) {
    this.enc = enc;
    this.cnf = cnf;
    Model m = cnf.model();
    List<KernelAction> actions = enc.model().actions();
    for (int t = 0; t <= steps; t++) {
      SymbolicState s = enc.freshState(cnf, "s" + t);
      for (Lit l : s.literals()) {
        stateVars.add(l.var());
      }
      channelNodeValues(m, s, "s" + t);
      states.add(s);
    }
    act = new IntVar[steps];
    selected = new Lit[steps][actions.size()];
    for (int t = 0; t < steps; t++) {
      act[t] = m.intVar("act" + t, 0, actions.size() - 1);
      BoolVar[] sel = new BoolVar[actions.size()];
      for (int a = 0; a < actions.size(); a++) {
        sel[a] = m.boolVar("sel" + t + "_" + actions.get(a).label());
        selected[t][a] = Lit.of(sel[a]);
      }
      m.boolsIntChanneling(sel, act[t], 0).post();
      postStep(t, actions);
    }
  }

  /** Node-valued variables are one-hot; an integer view of each keeps exactly one set. */
  private void channelNodeValues(Model m, SymbolicState s, String name) {
    for (int c = 0; c < s.cpus(); c++) {
      m.boolsIntChanneling(vars(s.cpuToNode(c)), m.intVar(name + ".nid" + c, -1,
          s.nodes() - 1), -1).post();
      m.boolsIntChanneling(vars(s.cpuLink(c)), m.intVar(name + ".link" + c, -1,
          s.nodes() - 1), -1).post();
    }
  }

  private static BoolVar[] vars(Lit[] lits) {
    BoolVar[] v = new BoolVar[lits.length];
    for (int i = 0; i < lits.length; i++) {
      v[i] = lits[i].var();
    }
    return v;
  }

  /**
   * Step {@code t}: the selected action is enabled in state {@code t}, and state
   * {@code t+1} is what the rule computes. A rule that leaves a variable's literal
   * untouched leaves the variable unchanged, so the frame condition is posted once per
   * variable ("it changes only if an action that assigns it was selected") instead of
   * once per action and variable.
   */
  private void postStep(int t, List<KernelAction> actions) {
    List<Lit> before = states.get(t).literals();
    List<Lit> next = states.get(t + 1).literals();
    List<List<Lit>> assigners = new ArrayList<>();
    for (int i = 0; i < next.size(); i++) {
      assigners.add(new ArrayList<>());
    }
    for (int a = 0; a < actions.size(); a++) {
      Lit sel = selected[t][a];
      SymbolicState work = states.get(t).copy();
      Cnf local = cnf.guarded(sel);
      // The guard stays unguarded so that a disabled action is ruled out by propagation.
      cnf.implies(sel, enc.enabled(actions.get(a), work, cnf));
      enc.fire(actions.get(a), work, local);
      List<Lit> after = work.literals();
      for (int i = 0; i < after.size(); i++) {
        if (!after.get(i).equals(before.get(i))) {
          cnf.iffUnder(sel, next.get(i), after.get(i));
          assigners.get(i).add(sel);
        }
      }
    }
    for (int i = 0; i < next.size(); i++) {
      List<Lit> keep = new ArrayList<>(assigners.get(i));
      keep.add(next.get(i).not());
      keep.add(before.get(i));
      cnf.clause(keep); // no assigner selected and x -> x'
      keep.set(keep.size() - 2, next.get(i));
      keep.set(keep.size() - 1, before.get(i).not());
      cnf.clause(keep); // no assigner selected and !x -> !x'
    }
  }

  /** Posts that state {@code t} agrees with {@code values} wherever {@code fixed} is set. */
  void fix(int t, boolean[] fixed, List<Boolean> values) {
    List<Lit> lits = states.get(t).literals();
    for (int i = 0; i < lits.size(); i++) {
      if (fixed[i]) {
        cnf.assertTrue(values.get(i) ? lits.get(i) : lits.get(i).not());
      }
    }
  }

  int steps() {
    return act.length;
  }

  SymbolicState state(int t) {
    return states.get(t);
  }

  IntVar[] actionVars() {
    return act.clone();
  }

  /** The variables of state {@code t}. */
  List<BoolVar> stateVars(int t) {
    int per = stateVars.size() / states.size();
    return stateVars.subList(t * per, (t + 1) * per);
  }

  /**
   * Restricts a path that must be simple up to state {@code steps - 1} to canonical
   * orders: no {@code alloc_for_cpu} before the last step (there it is a self-loop, which
   * breaks simplicity, or an oops, after which nothing is enabled), and two adjacent
   * independent actions at steps {@code t, t+1 <= lastSwappable} in increasing id order.
   */
  void canonicalOrder(Independence independence, int lastSwappable) {
    List<KernelAction> actions = enc.model().actions();
    for (int t = 0; t < steps(); t++) {
      for (int a = 0; a < actions.size(); a++) {
        if (t < steps() - 1 && HotplugEncoding.isAlloc(actions.get(a))) {
          cnf.assertTrue(selected[t][a].not());
        }
        if (t + 1 > lastSwappable) {
          continue;
        }
        for (int b = 0; b < a; b++) {
          if (independence.independent(a, b)) {
            cnf.clause(selected[t][a].not(), selected[t + 1][b].not());
          }
        }
      }
    }
  }

  /** Posts that states {@code from..to} (inclusive) are pairwise distinct. */
  void distinct(int from, int to) {
    for (int i = from; i <= to; i++) {
      for (int j = i + 1; j <= to; j++) {
        List<Lit> a = states.get(i).literals();
        List<Lit> b = states.get(j).literals();
        List<Lit> differ = new ArrayList<>();
        for (int v = 0; v < a.size(); v++) {
          Lit d = cnf.fresh("d" + i + "_" + j + "_" + v);
          // d -> a[v] != b[v]; one direction suffices for "some variable differs"
          cnf.clause(d.not(), a.get(v), b.get(v));
          cnf.clause(d.not(), a.get(v).not(), b.get(v).not());
          differ.add(d);
        }
        cnf.clause(differ);
      }
    }
  }

  /**
   * Property {@code p} is violated at position {@code k}: for an invariant, state
   * {@code k} violates it; for {@code alloc_local}, the transition from state {@code k-1}
   * (so never at {@code k = 0}).
   */
  Lit violation(HotplugProperty p, int k) {
    return eventCache.computeIfAbsent(((long) p.ordinal() << 32) | k, key -> p
        == HotplugProperty.ALLOC_LOCAL ? allocEvent(k, true) : enc.violated(p, states.get(k), cnf));
  }

  /** {@code alloc_local} applies to the transition into state {@code k}. */
  Lit allocLocalApplies(int k) {
    return eventCache.computeIfAbsent(((long) -1 << 32) | k, key -> allocEvent(k, false));
  }

  private Lit allocEvent(int k, boolean violation) {
    if (k == 0) {
      return Lit.FALSE;
    }
    List<KernelAction> actions = enc.model().actions();
    SymbolicState before = states.get(k - 1);
    List<Lit> events = new ArrayList<>();
    for (int a = 0; a < actions.size(); a++) {
      if (HotplugEncoding.isAlloc(actions.get(a))) {
        int c = actions.get(a).index();
        Lit sel = selected[k - 1][a];
        Cnf local = cnf.guarded(sel);
        events.add(cnf.and(sel, violation
            ? enc.allocLocalViolated(before, c, local)
            : enc.allocLocalApplies(before, c, local)));
      }
    }
    return cnf.or(events);
  }
}
