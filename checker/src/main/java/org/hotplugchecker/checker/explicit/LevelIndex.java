package org.hotplugchecker.checker.explicit;

/**
 * BFS levels as the indices where they start: states are numbered level by level, so a
 * state's level is found by a binary search over the start indices.
 */
final class LevelIndex {
  private LevelIndex() {}

  /**
   * The level of the state numbered {@code index}: the last of the first {@code levels}
   * entries of {@code levelStarts} (ascending) that is at most {@code index}.
   */
  static int levelOf(int[] levelStarts, int levels, int index) {
    int lo = 0;
    int hi = levels - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (levelStarts[mid] <= index) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
