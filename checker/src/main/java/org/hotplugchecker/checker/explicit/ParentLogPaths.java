package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * Paths from a search's {@link ParentLog} (a fingerprint search's or a replay's): the
 * actions are read backwards from the log and replayed forwards from the logged initial
 * state, canonicalising each state when reduced, since a fingerprint store cannot give
 * states back. The log holds each state's first discoverer in the merge's order, which
 * is the parent {@link BackwardPaths} finds.
 */
final class ParentLogPaths implements PathSource {
  private final TransitionSystem ts;
  private final StateSymmetry sym;
  private final ParentLog parentLog;
  private final int words;

  ParentLogPaths(TransitionSystem ts, StateSymmetry sym, ParentLog parentLog) {
    this.ts = ts;
    this.sym = sym;
    this.parentLog = parentLog;
    this.words = ts.stateWords();
  }

  @Override
  public void path(int index, List<long[]> states, List<Integer> steps) {
    StateSymmetry.Canonicalizer canon = sym == null ? null : sym.newCanonicalizer();
    List<Integer> path = new ArrayList<>();
    int i = index;
    while (parentLog.parent(i) >= 0) {
      path.add(parentLog.action(i));
      i = parentLog.parent(i);
    }
    // An initial state's log entry holds its position among the initial states.
    long[] s = ts.initialStates().get(parentLog.action(i)).clone();
    if (canon != null) {
      long[] c = new long[words];
      canon.canonicalize(s, c);
      s = c;
    }
    states.add(s);
    for (int k = path.size() - 1; k >= 0; k--) {
      int a = path.get(k);
      long[] t = new long[words];
      ts.successor(states.get(states.size() - 1), a, t);
      if (canon != null) {
        long[] c = new long[words];
        canon.canonicalize(t, c);
        t = c;
      }
      states.add(t);
      steps.add(a);
    }
  }
}
