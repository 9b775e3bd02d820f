package org.hotplugchecker.checker.explicit;

import java.util.Arrays;

/**
 * BFS levels as the indices where they start: states are numbered level by level, so a
 * level is an index range and a state's level is found by a binary search. Written by the
 * level driver only; read after the search by whoever rebuilds paths.
 */
final class LevelStarts {
  private int[] starts = new int[64];
  private int count;

  /** Records that the next level starts at state {@code index}. */
  void add(int index) {
    if (count == starts.length) {
      starts = Arrays.copyOf(starts, count * 2);
    }
    starts[count++] = index;
  }

  /** Number of levels recorded. */
  int count() {
    return count;
  }

  /** The first state index of {@code level}. */
  int start(int level) {
    return starts[level];
  }

  /** The level of the state numbered {@code index}: the last level starting at or before it. */
  int levelOf(int index) {
    int lo = 0;
    int hi = count - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
