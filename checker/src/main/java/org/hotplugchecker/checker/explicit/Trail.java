package org.hotplugchecker.checker.explicit;

import java.util.List;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * What a search keeps, after it is over, for rebuilding its witnesses' paths: its parent
 * log when it kept a complete one ({@link ParentLogPaths}), else its store
 * when that can give states back by index (paths are then found backwards, {@link
 * BackwardPaths}), or nothing (the one-word and two-word stores, which are let go: paths
 * come from a {@link Replay}).
 */
final class Trail {
  private final StateStore states;
  private final ParentLog parentLog;

  private Trail(StateStore states, ParentLog parentLog) {
    this.states = states;
    this.parentLog = parentLog;
  }

  /** The trail of a search that used {@code storage}: only what can serve for paths. */
  static Trail of(Storage storage) {
    StateStore store = storage.store();
    ParentLog log = storage.parentLog();
    return new Trail(store.keepsStates() ? store : null,
        log != null && log.complete() ? log : null);
  }

  /** Whether paths must come from a replay: nothing was kept. */
  boolean needsReplay() {
    return states == null && parentLog == null;
  }

  /** The stored states, readable by index, or null. */
  StateStore states() {
    return states;
  }

  /**
   * The paths to the states {@code ends} (all of them are asked for together, so that
   * one backward sweep serves them), or null if {@link #needsReplay()}.
   */
  PathSource paths(TransitionSystem ts, StateSymmetry sym, LevelStarts levels,
      List<Integer> ends) {
    if (parentLog != null) {
      return new ParentLogPaths(ts, sym, parentLog);
    }
    return states == null ? null : new BackwardPaths(ts, states, sym, levels, ends);
  }
}
