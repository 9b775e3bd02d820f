package org.hotplugchecker.checker.explicit;

import java.util.Arrays;

/**
 * For each state index, the index of the state it was first reached from and the action
 * taken (for an initial state: parent -1 and its position among the initial states).
 * Six bytes per state in pages; kept where states cannot be read back (fingerprints) and
 * by replays, whose paths it gives without a backward search.
 */
final class ParentLog {
  private static final int PAGE_SHIFT = 16;
  private static final int PAGE = 1 << PAGE_SHIFT;
  private static final int MASK = PAGE - 1;

  private final MemoryBudget budget;
  private int[][] parents = new int[8][];
  private short[][] actions = new short[8][];
  private int size;

  ParentLog(MemoryBudget budget) {
    this.budget = budget;
  }

  void add(int parent, int action) {
    int page = size >>> PAGE_SHIFT;
    if ((size & MASK) == 0) {
      budget.require((long) PAGE * (Integer.BYTES + Short.BYTES), "a parent-log page");
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

  int parent(int index) {
    return parents[index >>> PAGE_SHIFT][index & MASK];
  }

  int action(int index) {
    return actions[index >>> PAGE_SHIFT][index & MASK];
  }

  long bytesUsed() {
    long pages = (size + (long) MASK) >>> PAGE_SHIFT;
    return pages * PAGE * (Integer.BYTES + Short.BYTES);
  }
}
