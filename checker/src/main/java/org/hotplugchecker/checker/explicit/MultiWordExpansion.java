package org.hotplugchecker.checker.explicit;

import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.bits.Bits;

/**
 * The expansion of states of two or more words without symmetry (4 nodes and up): {@link
 * OneWordExpansion}'s loop for {@code long[]} states. All invariants are checked at once
 * ({@link HotplugModel#invariantViolationsN}), the enabled actions come as a bit set of as
 * many longs as needed ({@link HotplugModel#enabledSetN}: 4x2x2 has 66 actions) in id
 * order like the general loop, and each successor is fired in place into a scratch state
 * ({@link HotplugModel#fireN}): no arrays are allocated or copied per state beyond the
 * successor itself. The model is held by its class, not an interface, so that these calls
 * stay monomorphic.
 */
final class MultiWordExpansion extends ChunkExpansion {
  private final HotplugModel model;
  private final StateStore store;
  private final Frontier frontier;
  private final int words;
  private final int[] invariantIds;
  private final int[][] judgedBy;

  MultiWordExpansion(SearchPlan plan, Storage storage, Frontier frontier) {
    super(plan, storage);
    this.model = (HotplugModel) plan.ts;
    this.store = storage.store();
    this.frontier = frontier;
    this.words = plan.words;
    this.invariantIds = plan.invariantIds;
    this.judgedBy = plan.judgedBy;
  }

  /** Whether this expansion can serve {@code plan}. */
  static boolean applies(SearchPlan plan) {
    return plan.ts instanceof HotplugModel m && plan.words >= 2 && plan.sym == null
        && m.hasEnabledSetsN() && plan.propertyCount() <= 64;
  }

  @Override
  Candidates expand(Level level, int from, int to, boolean direct, LevelWork work,
      int chunk) {
    Candidates r = candidates();
    boolean[] done = level.settled();
    long pending = unsettled(invariantIds, done); // still to check in this chunk
    int words = this.words;
    long[] buffered = level.states();
    int levelStart = level.start();
    long[] state = r.state;
    long[] next = r.next;
    long[] enabled = r.enabledSet;
    long[] batch = r.batch;
    long[] batchHash = r.batchHash;
    int[] batchAction = r.batchAction;
    for (int i = from; i < to; i++) {
      if ((i & 63) == 0 && work != null && work.abandoned(chunk)) {
        break; // a worker's chunk that the merging thread has done meanwhile
      }
      if (buffered != null) {
        System.arraycopy(buffered, (i - levelStart) * words, state, 0, words);
      } else {
        store.get(i, state);
      }
      long bad = pending == 0 ? 0 : model.invariantViolationsN(state, pending);
      if (bad != 0) {
        pending &= ~bad; // the first violating index in the chunk is the lowest
        r.invariantsViolatedAt(bad, i);
      }
      model.enabledSetN(state, enabled);
      int n = 0;
      for (int w = 0; w < enabled.length; w++) {
        long e = enabled[w];
        r.transitions += Long.bitCount(e);
        for (; e != 0; e &= e - 1) {
          int a = (w << 6) + Bits.lowest(e);
          for (int p : judgedBy[a]) {
            if (!done[p]) {
              judge(r, p, i, state, a);
            }
          }
          for (int k = 0; k < words; k++) {
            next[k] = state[k];
          }
          model.fireN(next, a);
          int at = n * words;
          boolean same = true;
          for (int k = 0; k < words; k++) {
            long x = next[k];
            same &= x == state[k];
            batch[at + k] = x;
          }
          if (same) {
            continue; // a self-loop: counted, but nothing to look up
          }
          long h = store.hash(batch, at);
          if (r.known(batch, at, h)) {
            continue; // stored, or a candidate already: nothing to look up
          }
          batchHash[n] = h;
          batchAction[n++] = a;
        }
      }
      // Look the state's successors up together: touching their slots first lets the
      // processor fetch the cache lines in parallel instead of one miss at a time.
      r.sink += store.touch(batchHash, n);
      if (direct) {
        frontier.insert(batch, batchHash, batchAction, n, i);
        r.allStored(batch, batchHash, n);
        continue;
      }
      for (int k = 0; k < n; k++) {
        if (store.contains(batch, k * words, batchHash[k])) {
          r.stored(batch, k * words, batchHash[k]);
        } else {
          r.add(batch, k * words, batchHash[k], i, batchAction[k]);
        }
      }
    }
    return r;
  }

  /** Judges action property {@code p} on the step of {@code s} under {@code a}. */
  private void judge(Candidates r, int p, int i, long[] s, int a) {
    r.judged(p, model.checkTransitionN(p, s, a), i, a);
  }
}
