package org.hotplugchecker.checker.explicit;

import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.bits.Bits;


/**
 * The expansion of one-word states without symmetry, the common case and the hot loop:
 * the state is a {@code long}, all invariants are checked at once ({@link
 * HotplugModel#invariantViolations1}), the enabled actions come as a bit set ({@link
 * HotplugModel#enabledSet1}) in id order like the general loop, and the one-word store is
 * called directly. The model and the store are held by their classes, not interfaces, so
 * that these calls stay monomorphic.
 */
final class OneWordExpansion extends ChunkExpansion {
  private final HotplugModel model;
  private final StateStore store;
  // The store when it is the one-word one, called directly; null in a replay or with
  // fingerprints, where the general store interface is used.
  private final OneWordStateStore keys;
  private final Frontier frontier;
  private final int[] invariantIds;
  private final int[][] judgedBy;

  OneWordExpansion(SearchPlan plan, Storage storage, Frontier frontier) {
    super(plan, storage);
    this.model = plan.oneWord;
    this.store = storage.store();
    this.keys = storage.oneWordStore();
    this.frontier = frontier;
    this.invariantIds = plan.invariantIds;
    this.judgedBy = plan.judgedBy;
  }

  /** Whether this expansion can serve {@code plan}. */
  static boolean applies(SearchPlan plan) {
    return plan.oneWord != null && plan.sym == null && plan.oneWord.hasEnabledSets1()
        && plan.propertyCount() <= 64;
  }

  @Override
  Candidates expand(Level level, int from, int to, boolean direct, LevelWork work,
      int chunk) {
    Candidates r = candidates();
    boolean[] done = level.settled();
    long pending = unsettled(invariantIds, done); // still to check in this chunk
    long[] buffered = level.states();
    int levelStart = level.start();
    long[] state = r.state;
    long[] batch = r.batch;
    long[] batchHash = r.batchHash;
    int[] batchAction = r.batchAction;
    long[] successors = r.successors;
    OneWordStateStore keys = this.keys;
    for (int i = from; i < to; i++) {
      if ((i & 63) == 0 && work != null && work.abandoned(chunk)) {
        break; // a worker's chunk that the merging thread has done meanwhile
      }
      long s;
      if (buffered != null) {
        s = buffered[i - levelStart];
      } else {
        store.get(i, state);
        s = state[0];
      }
      long bad = pending == 0 ? 0 : model.invariantViolations1(s, pending);
      if (bad != 0) {
        pending &= ~bad; // the first violating index in the chunk is the lowest
        r.invariantsViolatedAt(bad, i);
      }
      long enabled = model.enabledSet1(s);
      r.transitions += Long.bitCount(enabled);
      model.fireAll1(s, enabled, successors);
      int n = 0;
      int fired = 0;
      for (long e = enabled; e != 0; e &= e - 1) {
        int a = Bits.lowest(e);
        long t = successors[fired++];
        for (int p : judgedBy[a]) {
          if (!done[p]) {
            judge(r, p, i, s, a);
          }
        }
        if (t == s) {
          continue; // a self-loop: counted, but nothing to look up
        }
        batch[n] = t;
        long h = keys != null ? OneWordStateStore.key(t) : store.hash(batch, n);
        if (r.known(batch, n, h)) {
          continue; // stored, or a candidate already: nothing to look up
        }
        batchHash[n] = h;
        batchAction[n++] = a;
      }
      // Look the state's successors up together: touching their slots first lets the
      // processor fetch the cache lines in parallel instead of one miss at a time.
      r.sink += keys != null ? keys.touch(batchHash, n) : store.touch(batchHash, n);
      if (direct && keys != null) {
        for (int k = 0; k < n; k++) {
          if (keys.addKey(batchHash[k]) >= 0) {
            frontier.appendNew(batch, k, i, batchAction[k]);
          }
          r.stored(batch, k, batchHash[k]);
        }
        continue;
      }
      if (direct) {
        frontier.insert(batch, batchHash, batchAction, n, i);
        r.allStored(batch, batchHash, n);
        continue;
      }
      for (int k = 0; k < n; k++) {
        if (keys != null ? keys.containsKey(batchHash[k])
            : store.contains(batch, k, batchHash[k])) {
          r.stored(batch, k, batchHash[k]);
        } else {
          r.add(batch, k, batchHash[k], i, batchAction[k]);
        }
      }
    }
    return r;
  }

  /** Judges action property {@code p} on the step of {@code s} under {@code a}. */
  private void judge(Candidates r, int p, int i, long s, int a) {
    r.judged(p, model.checkTransition1(p, s, a), i, a);
  }
}
