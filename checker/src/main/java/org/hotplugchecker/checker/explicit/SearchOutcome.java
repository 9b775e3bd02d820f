package org.hotplugchecker.checker.explicit;

import java.util.Map;

/**
 * What a finished (or stopped) search leaves behind: its counts, how it ended, what it
 * found per property, and its {@link Trail} for rebuilding counterexamples. It holds no
 * working memory of the search, so whatever the trail does not keep can be collected.
 *
 * @param states states (orbits when reduced) stored
 * @param transitions enabled action instances summed over the expanded states
 * @param depth deepest level whose states were all checked (0 if none)
 * @param stopReason why the search stopped early, or null when it is complete
 * @param resourceLimit whether a memory or state limit stopped it
 * @param stats statistics for reports
 * @param witnesses per property, its shortest violation's witness and whether exercised
 * @param levels where each stored level starts
 * @param trail what is kept to rebuild the witnesses' paths
 */
record SearchOutcome(int states, long transitions, int depth, String stopReason,
    boolean resourceLimit, Map<String, Number> stats, Witnesses witnesses,
    LevelStarts levels, Trail trail) {

  /** Whether every reachable state was checked. */
  boolean complete() {
    return stopReason == null;
  }
}
