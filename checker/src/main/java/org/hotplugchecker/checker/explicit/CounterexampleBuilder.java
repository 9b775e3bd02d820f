package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * Turns a witness into a counterexample: the stored path to the witness state, plus the
 * violating step for an action property, made concrete by {@link SymmetricPaths} when
 * the search explored orbit representatives.
 */
final class CounterexampleBuilder {
  private final TransitionSystem ts;
  private final StateSymmetry sym;
  private final PathSource paths;

  CounterexampleBuilder(TransitionSystem ts, StateSymmetry sym, PathSource paths) {
    this.ts = ts;
    this.sym = sym;
    this.paths = paths;
  }

  /**
   * The counterexample of property {@code p} whose witness is state {@code state} and,
   * for an action property, its step under {@code action} (else -1).
   */
  Counterexample build(int p, int state, int action) {
    List<long[]> states = new ArrayList<>();
    List<Integer> steps = new ArrayList<>();
    paths.path(state, states, steps);
    if (sym != null) {
      return new SymmetricPaths(ts, sym).concretize(p, states, steps, action >= 0);
    }
    if (action >= 0) {
      long[] last = states.get(states.size() - 1);
      long[] next = new long[ts.stateWords()];
      ts.successor(last, action, next);
      states.add(next);
      steps.add(action);
    }
    return new Counterexample(List.copyOf(states), List.copyOf(steps));
  }
}
