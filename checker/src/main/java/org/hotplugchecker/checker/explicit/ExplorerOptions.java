package org.hotplugchecker.checker.explicit;

import org.hotplugchecker.checker.Progress;

/**
 * Settings of the explicit explorer.
 *
 * @param workers threads expanding each BFS level (results do not depend on it)
 * @param stopAtFirst stop after the level where the first violation is found
 * @param maxStates stop (incomplete) once this many states are stored; 0 for no limit
 * @param progress receives per-level progress
 */
public record ExplorerOptions(int workers, boolean stopAtFirst, long maxStates,
    Progress progress) {

  /** One worker, full exploration, no progress. */
  public static ExplorerOptions defaults() {
    return new ExplorerOptions(1, false, 0, Progress.NONE);
  }

  /** These options with {@code n} workers. */
  public ExplorerOptions withWorkers(int n) {
    return new ExplorerOptions(n, stopAtFirst, maxStates, progress);
  }

  /** These options with stop-at-first set. */
  public ExplorerOptions withStopAtFirst(boolean stop) {
    return new ExplorerOptions(workers, stop, maxStates, progress);
  }

  /** These options with a progress listener. */
  public ExplorerOptions withProgress(Progress p) {
    return new ExplorerOptions(workers, stopAtFirst, maxStates, p);
  }

  /** These options with a state limit. */
  public ExplorerOptions withMaxStates(long limit) {
    return new ExplorerOptions(workers, stopAtFirst, limit, progress);
  }
}
