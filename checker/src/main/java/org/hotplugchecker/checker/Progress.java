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

  /** Ignores all progress. */
  Progress NONE = (states, depth, elapsedMillis) -> {};
}
