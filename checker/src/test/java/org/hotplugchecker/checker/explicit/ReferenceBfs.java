package org.hotplugchecker.checker.explicit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.ts.TransitionSystem;

/** A deliberately naive BFS (hash set of boxed states) used as an oracle in tests. */
final class ReferenceBfs {
  private ReferenceBfs() {}

  /** A state as a hashable key. */
  record Key(long[] words) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(words, k.words);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(words);
    }
  }

  /** Every reachable state of {@code ts}. */
  static List<long[]> reachable(TransitionSystem ts) {
    Set<Key> seen = new HashSet<>();
    List<long[]> order = new ArrayList<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    for (long[] s : ts.initialStates()) {
      if (seen.add(new Key(s.clone()))) {
        order.add(s.clone());
        queue.add(s.clone());
      }
    }
    while (!queue.isEmpty()) {
      long[] s = queue.poll();
      for (int a = 0; a < ts.actionCount(); a++) {
        long[] t = new long[ts.stateWords()];
        if (ts.successor(s, a, t) && seen.add(new Key(t))) {
          order.add(t);
          queue.add(t);
        }
      }
    }
    return order;
  }
}
