package org.hotplugchecker.checker.explicit;

/**
 * One BFS level being expanded, as every thread expanding it sees it; nothing in it is
 * written while the level is expanded.
 *
 * @param number the level's depth (0 for the initial states)
 * @param start index of its first state
 * @param end index after its last state
 * @param states its states in index order from {@code start} when the store cannot give
 *     them back ({@link Frontier#current()}), else null
 * @param settled per property, whether it needs no more checking (it has a witness)
 */
record Level(int number, int start, int end, long[] states, boolean[] settled) {
  /** Number of states in the level. */
  int size() {
    return end - start;
  }
}
