package org.hotplugchecker.checker.explicit;

import java.util.Arrays;
import java.util.List;

/**
 * The one way new states enter a search's store, in merge order, and, when the store
 * cannot give states back by index, the buffers holding the level being expanded and
 * the next one. It lives as long as the level loop; the store outlives it.
 *
 * <p>Only the merging thread inserts; workers read {@link #current()} of the level being
 * expanded, which is not written until the level is over.
 */
final class Frontier {
  // The size of the next level's buffer, written on every new state by the merging
  // thread: it sits in the middle of its own array, so that it shares no cache line with
  // the fields the workers read for every state (which would bounce between the cores).
  private static final int PAD = 16;
  private final int[] nextSizeCell = new int[2 * PAD + 1];
  private final StateStore store;
  private final ParentLog parentLog;
  private final MemoryBudget budget;
  private final int words;
  private final boolean buffered;
  private long[] current = new long[0];
  private long[] next = new long[0];
  // How many candidates the merge touches ahead of inserting them, and their hashes.
  private static final int AHEAD = 16;
  private final long[] ahead = new long[AHEAD];
  private long sink; // keeps the touches alive (a field store is never dropped)

  Frontier(Storage storage, int words, MemoryBudget budget) {
    this.store = storage.store();
    this.parentLog = storage.parentLog();
    this.budget = budget;
    this.words = words;
    this.buffered = storage.needsFrontier();
  }

  /**
   * Stores the initial states (canonical ones when reduced), which become the level
   * being expanded.
   */
  void addInitialStates(List<long[]> inits, StateSymmetry sym) {
    StateSymmetry.Canonicalizer canon = sym == null ? null : sym.newCanonicalizer();
    long[] buf = new long[inits.size() * words];
    int n = 0;
    for (int k = 0; k < inits.size(); k++) {
      long[] s = inits.get(k);
      if (canon != null) {
        long[] c = new long[words];
        canon.canonicalize(s, c);
        s = c;
      }
      if (store.addIfAbsent(s, 0) >= 0) {
        if (parentLog != null) {
          parentLog.add(-1, k);
        }
        System.arraycopy(s, 0, buf, n++ * words, words);
      }
    }
    if (buffered) {
      current = Arrays.copyOf(buf, n * words);
    }
  }

  /**
   * The states of the level being expanded, in index order from the level's first
   * state, or null when they are read from the store. Read by index, never by length.
   */
  long[] current() {
    return buffered ? current : null;
  }

  /** Inserts one state's successors, in order, logging parents when there is a log. */
  void insert(long[] batch, long[] batchHash, int[] batchAction, int n, int parent) {
    for (int k = 0; k < n; k++) {
      add(batch, k * words, batchHash[k], parent, batchAction[k]);
    }
  }

  /**
   * Inserts one chunk's candidates, in order, logging parents when there is a log. The
   * store's slots for the next {@link #AHEAD} candidates are touched before they are
   * inserted, so that their cache misses overlap instead of coming one at a time: this
   * loop runs on the merging thread alone, which the workers wait for.
   */
  void merge(Candidates r) {
    for (int from = 0; from < r.count; from += AHEAD) {
      int to = Math.min(r.count, from + AHEAD);
      System.arraycopy(r.hashes, from, ahead, 0, to - from);
      sink += store.touch(ahead, to - from);
      for (int k = from; k < to; k++) {
        add(r.states, k * words, r.hashes[k], r.parents[k], r.actions[k]);
      }
    }
  }

  /**
   * Stores one state; if new, its parent is logged (when there is a log: fingerprints, a
   * replay) and it joins the next level's buffer (when the store does not keep states).
   */
  private void add(long[] states, int offset, long hash, int parent, int action) {
    int index = store.addIfAbsent(states, offset, hash);
    if (index < 0) {
      return;
    }
    if (parentLog != null) {
      parentLog.add(parent, action);
    }
    if (buffered) {
      append(states, offset);
    }
  }

  /**
   * Appends a state just inserted into the store to the next level, logging its parent
   * when there is a log (for a caller that inserted it itself: the one-word loop).
   */
  void appendNew(long[] src, int offset, int parent, int action) {
    if (parentLog != null) {
      parentLog.add(parent, action);
    }
    append(src, offset);
  }

  private void append(long[] src, int offset) {
    int nextSize = nextSizeCell[PAD];
    if ((nextSize + 1L) * words > next.length) {
      long grown = Math.max(1024L * words, next.length * 2L);
      if (grown > StoreFullException.MAX_ARRAY) {
        grown = StoreFullException.MAX_ARRAY;
        if ((nextSize + 1L) * words > grown) {
          throw StoreFullException.atLimit("the frontier buffer of one BFS level", nextSize,
              grown / words);
        }
      }
      budget.require(grown * Long.BYTES, "the next BFS level's frontier");
      next = Arrays.copyOf(next, (int) grown);
    }
    if (words == 1) {
      next[nextSize] = src[offset];
    } else {
      System.arraycopy(src, offset, next, nextSize * words, words);
    }
    nextSizeCell[PAD] = nextSize + 1;
  }

  /**
   * Ends a level's merge: the merged level becomes the one to expand, and the old
   * buffer takes the next level (both keep their size).
   */
  void advance() {
    if (buffered) {
      long[] old = current;
      current = next;
      next = old;
      nextSizeCell[PAD] = 0;
    }
  }
}
