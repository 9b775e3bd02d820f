package org.hotplugchecker.checker.explicit;

import java.util.Arrays;

/**
 * For each state index, the index of the state it was first reached from and the action
 * taken (for an initial state: parent -1 and its position among the initial states).
 * Six bytes per state in pages. Kept where states cannot be read back (fingerprints), by
 * replays, and by exact searches up to {@link #PATHS_LIMIT} states: their counterexamples'
 * paths are then read off the log, without a replay or a backward search. A log with a
 * limit drops itself, pages and all, when the search grows past it or the heap cannot
 * hold another page, and the paths come from a replay as before.
 */
final class ParentLog {
  /**
   * States an exact search logs parents for: 8 Mi states, so at most 48 MiB, a bounded
   * price for skipping the replay, which explores the state space again up to the
   * deepest witness.
   */
  static final int PATHS_LIMIT = 1 << 23;

  private static final int PAGE_SHIFT = 16;
  private static final int PAGE = 1 << PAGE_SHIFT;
  private static final int MASK = PAGE - 1;

  private final MemoryBudget budget;
  private final int limit; // Integer.MAX_VALUE: never dropped
  private int[][] parents = new int[8][]; // null once the log dropped itself
  private short[][] actions = new short[8][];
  private int size;

  /** A log that keeps every state (fingerprints, replays). */
  ParentLog(MemoryBudget budget) {
    this(budget, Integer.MAX_VALUE);
  }

  /** A log that drops itself beyond {@code limit} states or when the heap runs short. */
  ParentLog(MemoryBudget budget, int limit) {
    this.budget = budget;
    this.limit = limit;
  }

  void add(int parent, int action) {
    if (parents == null) {
      return;
    }
    if (size == limit) {
      drop();
      return;
    }
    int page = size >>> PAGE_SHIFT;
    if ((size & MASK) == 0) {
      try {
        budget.require((long) PAGE * (Integer.BYTES + Short.BYTES), "a parent-log page");
      } catch (MemoryLimitException e) {
        if (!limited()) {
          throw e;
        }
        drop(); // the search needs the heap more than its paths need the log
        return;
      }
      if (page == parents.length) {
        parents = Arrays.copyOf(parents, page * 2);
        actions = Arrays.copyOf(actions, page * 2);
      }
      parents[page] = new int[PAGE];
      actions[page] = new short[PAGE];
    }
    parents[page][size & MASK] = parent;
    actions[page][size & MASK] = (short) action;
    size++;
  }

  private void drop() {
    parents = null;
    actions = null;
  }

  /** Whether the log holds every state added (it was not dropped). */
  boolean complete() {
    return parents != null;
  }

  /** Whether this log may drop itself: it serves paths only, not the search. */
  boolean limited() {
    return limit != Integer.MAX_VALUE;
  }

  int parent(int index) {
    return parents[index >>> PAGE_SHIFT][index & MASK];
  }

  int action(int index) {
    return actions[index >>> PAGE_SHIFT][index & MASK];
  }

  long bytesUsed() {
    if (parents == null) {
      return 0;
    }
    long pages = (size + (long) MASK) >>> PAGE_SHIFT;
    return pages * PAGE * (Integer.BYTES + Short.BYTES);
  }
}
