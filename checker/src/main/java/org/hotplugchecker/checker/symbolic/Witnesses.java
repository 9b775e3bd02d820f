package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.symbolic.StateElements;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;
import org.hotplugchecker.model.rules.symbolic.SymbolicProperty;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * Turns a solver's path into a counterexample that has been checked twice before anyone
 * sees it: the states the solver chose must be what the reference interpreter computes
 * along the path, and the path, replayed on the explicit transition system from its
 * initial state, must violate the property. Either failing is a bug of the symbolic
 * engine and throws {@code IllegalStateException("internal error: ...")}; it is never
 * reported as a verdict.
 */
final class Witnesses {
  private final TransitionSystem ts;
  private final SymbolicMachine sym;
  private final TraceReplayer replayer;

  Witnesses(TransitionSystem ts, SymbolicMachine sym) {
    this.ts = ts;
    this.sym = sym;
    this.replayer = new TraceReplayer(ts);
  }

  /**
   * The counterexample of property {@code p} along {@code actions}, whose frames the
   * solver gave as {@code frames} (element values, boot first, one more than actions). An
   * action property's violating step is appended: the lowest-numbered instance of its
   * action that fails from the last frame.
   */
  Counterexample counterexample(int p, List<Integer> actions, List<int[]> frames) {
    RuleMachine m = sym.machine();
    StateElements el = sym.elements();
    long[] s = m.bootState();
    check(Arrays.equals(el.values(s), frames.get(0)), p, actions, "frame 0 is not boot");
    for (int t = 0; t < actions.size(); t++) {
      int a = actions.get(t);
      check(m.enabled(a, s), p, actions, "step " + (t + 1) + " is not enabled");
      m.fire(a, s, null);
      check(Arrays.equals(el.values(s), frames.get(t + 1)), p, actions,
          "frame " + (t + 1) + " is not what the step computes");
    }
    List<Integer> path = new ArrayList<>(actions);
    SymbolicProperty prop = sym.properties().get(p);
    if (!prop.isInvariant()) {
      int last = -1;
      for (SymbolicProperty.Step step : prop.steps()) {
        if (m.enabled(step.action(), s)
            && m.judge(p, s, step.action()) == TransitionVerdict.VIOLATED) {
          last = step.action();
          break;
        }
      }
      check(last >= 0, p, actions, "no step of the last frame violates it");
      path.add(last);
    }
    List<long[]> states = new ArrayList<>();
    List<long[]> initial = ts.initialStates();
    states.add(initial.get(0));
    for (int a : path) {
      long[] next = new long[ts.stateWords()];
      check(ts.successor(states.get(states.size() - 1), a, next), p, path,
          "the explicit model does not enable " + ts.actionLabel(a));
      states.add(next);
    }
    Counterexample cex = new Counterexample(List.copyOf(states), List.copyOf(path));
    Optional<String> problem = replayer.problems(p, cex);
    check(problem.isEmpty(), p, path, problem.orElse(""));
    return cex;
  }

  private void check(boolean ok, int p, List<Integer> actions, String what) {
    if (!ok) {
      throw new IllegalStateException("internal error: symbolic counterexample of "
          + sym.properties().get(p).rule().name() + " (length " + actions.size()
          + ") does not replay: " + what + "; actions "
          + actions.stream().map(ts::actionLabel).toList());
    }
  }
}
