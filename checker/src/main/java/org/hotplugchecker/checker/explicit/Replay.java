package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * Counterexamples of a search that kept no path information (one-word exact mode): the
 * same search once more, until its deepest witness's level is stored, with a store that
 * keeps states in index order. The replay is the same deterministic search, so it finds
 * the same witnesses at the same indices in the levels it expands (checked), and the
 * same states at the same indices in the last one, where the witnesses are checked once
 * more on the replay's states; its paths are the first search's.
 */
final class Replay {
  private final SearchPlan plan;
  private final SearchOutcome original;

  /** A replay of the search of {@code plan} that gave {@code original}. */
  Replay(SearchPlan plan, SearchOutcome original) {
    this.plan = plan;
    this.original = original;
  }

  /**
   * Runs the replay within {@code budget}.
   *
   * @return a builder of the original's counterexamples, or null if the replay did not
   *     fit in the heap
   * @throws IllegalStateException if the replay found other witnesses (a bug)
   */
  CounterexampleBuilder run(MemoryBudget budget) {
    Witnesses found = original.witnesses();
    LevelStarts levels = original.levels();
    int deepest = found.deepestLevel(levels);
    SearchPlan again = plan.withOptions(plan.options.withProgress(null).withMaxStates(0));
    SearchOutcome replayed = new LevelSearch(again, budget, true, deepest,
        LevelSearch.PROGRESS_INTERVAL_NANOS, 0).run(System.nanoTime());
    if (replayed.resourceLimit()) {
      return null;
    }
    StateStore states = replayed.trail().states();
    List<Integer> ends = new ArrayList<>();
    for (int p = 0; p < plan.propertyCount(); p++) {
      if (!found.violated(p)) {
        continue;
      }
      int state = replayed.witnesses().state()[p];
      int action = replayed.witnesses().action()[p];
      int expectedState = found.state()[p];
      int expectedAction = found.action()[p];
      if (levels.levelOf(expectedState) == deepest && state < 0
          && violates(states, p, expectedState, expectedAction)) {
        // In the last level, which the replay stores but does not expand.
        state = expectedState;
        action = expectedAction;
      }
      if (state != expectedState || action != expectedAction) {
        throw new IllegalStateException("the replay found another witness of "
            + plan.props.get(p).name() + ": " + state + " for " + expectedState);
      }
      ends.add(state);
    }
    return new CounterexampleBuilder(plan.ts, plan.sym,
        replayed.trail().paths(plan.ts, plan.sym, replayed.levels(), ends));
  }

  /**
   * Whether property {@code p} is violated by stored state {@code index} (an invariant)
   * or by its step under {@code action} (an action property), judged as the expansion
   * judges it: the step itself, and with symmetry its images.
   */
  private boolean violates(StateStore store, int p, int index, int action) {
    if (index >= store.size()) {
      return false;
    }
    TransitionSystem ts = plan.ts;
    long[] s = new long[plan.words];
    store.get(index, s);
    if (plan.isInvariant(p)) {
      return !ts.invariantHolds(p, s);
    }
    long[] t = new long[plan.words];
    if (action < 0 || !ts.successor(s, action, t)) {
      return false;
    }
    TransitionVerdict v = ts.checkTransition(p, s, action, t);
    if (v == TransitionVerdict.NOT_APPLICABLE) {
      return false;
    }
    if (v == TransitionVerdict.VIOLATED) {
      return true;
    }
    if (plan.sym == null || plan.sym.witnessCount() == 1) {
      return false;
    }
    OrbitImages images = new OrbitImages(ts, plan.sym, plan.words);
    images.reset(s);
    return images.violatedByAnImage(p, action, t);
  }
}
