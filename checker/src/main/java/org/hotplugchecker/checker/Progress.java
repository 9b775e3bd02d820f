package org.hotplugchecker.checker;

/** Receives progress of a long run; called from the engine's coordinating thread. */
@FunctionalInterface
public interface Progress {
  /**
   * Called after each completed BFS level (or bound).
   *
   * @param states states found so far
   * @param depth level just completed
   * @param elapsedMillis time since the run started
   */
  void levelDone(long states, int depth, long elapsedMillis);

  /**
   * Called while a long BFS level is being expanded, at most about once a second and
   * never for its end (that is {@link #levelDone}). Ignored unless overridden.
   *
   * @param states states found so far (with stop-at-first, the states stored before the
   *     level: its successors are stored only at its end)
   * @param level the level being expanded (one more than the last level done)
   * @param expanded states of that level expanded so far, less than {@code levelSize}
   * @param levelSize states in that level
   * @param elapsedMillis time since the run started
   */
  default void levelProgress(long states, int level, long expanded, long levelSize,
      long elapsedMillis) {}

  /**
   * Called by the symbolic engines after each depth (or phase) they finish. By default it
   * is reported as a level of {@code -1} states.
   *
   * @param phase what was done, e.g. {@code bmc} or {@code induction}
   * @param depth the depth (or induction k) just completed
   * @param solverCalls SAT solver calls so far
   * @param elapsedMillis time since the run started
   */
  default void symbolicDone(String phase, int depth, long solverCalls, long elapsedMillis) {
    levelDone(-1, depth, elapsedMillis);
  }

  /** Ignores all progress. */
  Progress NONE = (states, depth, elapsedMillis) -> {};
}
