package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * Rebuilds BFS paths without stored parent pointers. The parent of a state at level
 * {@code l + 1} is the first (index, action) pair of level {@code l}, in index then action
 * order, whose (canonical) successor is that state: exactly the candidate the explorer's
 * merge inserted first. One backward sweep serves every requested path, and each level
 * is scanned only until all of its targets have their parents.
 */
final class BackwardPaths implements PathSource {
  private final TransitionSystem ts;
  private final StateStore store;
  private final StateSymmetry sym;
  private final LevelStarts levels;
  private final List<Integer> ends;
  private final int words;
  private final Map<Integer, int[]> parentOf = new HashMap<>();
  private boolean resolved;

  /**
   * Paths over {@code store} (which keeps states in index order) to the states {@code
   * ends}, found together on the first request.
   */
  BackwardPaths(TransitionSystem ts, StateStore store, StateSymmetry sym, LevelStarts levels,
      List<Integer> ends) {
    this.ts = ts;
    this.store = store;
    this.sym = sym;
    this.levels = levels;
    this.ends = List.copyOf(ends);
    this.words = ts.stateWords();
  }

  /** Finds the parents along the paths to all {@link #ends} (state indices). */
  private void resolve() {
    int deepest = 0;
    for (int e : ends) {
      deepest = Math.max(deepest, levelOf(e));
    }
    List<Integer> targets = new ArrayList<>();
    StateSymmetry.Canonicalizer canon = sym == null ? null : sym.newCanonicalizer();
    long[] s = new long[words];
    long[] t = new long[words];
    long[] c = canon == null ? t : new long[words];
    for (int l = deepest; l >= 1; l--) {
      for (int e : ends) {
        if (levelOf(e) == l && !targets.contains(e)) {
          targets.add(e);
        }
      }
      List<long[]> targetStates = new ArrayList<>();
      for (int e : targets) {
        long[] x = new long[words];
        store.get(e, x);
        targetStates.add(x);
      }
      int left = targets.size();
      List<Integer> parents = new ArrayList<>();
      for (int i = levels.start(l - 1); i < levels.start(l) && left > 0; i++) {
        store.get(i, s);
        for (int a = 0; a < ts.actionCount() && left > 0; a++) {
          if (!ts.successor(s, a, t)) {
            continue;
          }
          if (canon != null) {
            canon.canonicalize(t, c);
          }
          for (int k = 0; k < targets.size(); k++) {
            int target = targets.get(k);
            if (!parentOf.containsKey(target) && Arrays.equals(c, targetStates.get(k))) {
              parentOf.put(target, new int[] {i, a});
              if (!parents.contains(i)) {
                parents.add(i);
              }
              left--;
            }
          }
        }
      }
      if (left > 0) {
        throw new IllegalStateException("a level-" + l + " state has no predecessor");
      }
      targets = parents;
    }
  }

  /** The stored states and actions from an initial state to {@code end}, one of the ends. */
  @Override
  public void path(int end, List<long[]> states, List<Integer> steps) {
    if (!resolved) {
      resolve();
      resolved = true;
    }
    if (!ends.contains(end)) {
      throw new IllegalArgumentException("state " + end + " is not one of the ends " + ends);
    }
    List<Integer> indices = new ArrayList<>();
    List<Integer> actions = new ArrayList<>();
    for (int i = end; parentOf.containsKey(i); i = parentOf.get(i)[0]) {
      indices.add(i);
      actions.add(parentOf.get(i)[1]);
    }
    int first = indices.isEmpty() ? end : parentOf.get(indices.get(indices.size() - 1))[0];
    long[] s0 = new long[words];
    store.get(first, s0);
    states.add(s0);
    for (int k = indices.size() - 1; k >= 0; k--) {
      long[] x = new long[words];
      store.get(indices.get(k), x);
      states.add(x);
      steps.add(actions.get(k));
    }
  }

  private int levelOf(int index) {
    return levels.levelOf(index);
  }
}
