package org.hotplugchecker.checker.explicit;

/**
 * Where one search keeps its visited states: the store, chosen by state width and
 * options, and in fingerprint mode the parent log that stands in for states the store
 * cannot give back.
 *
 * @param store the visited states
 * @param parentLog per state, its first parent and action (fingerprint mode and replays),
 *     or null
 */
record Storage(StateStore store, ParentLog parentLog) {

  /**
   * The storage for a search of {@code plan}: fingerprints with a parent log if asked
   * for; else one-word and two-word states in stores that hold them in their slots (one
   * lookup per successor, paths from a replay), unless {@code keepStateOrder} asks for a store that can read states
   * back by index (the replay's); else the general exact store.
   */
  static Storage choose(SearchPlan plan, boolean keepStateOrder, MemoryBudget budget) {
    int bits = plan.options.fingerprintBits();
    if (bits == 0 && plan.words == 1 && !keepStateOrder) {
      return new Storage(new OneWordStateStore(budget), null);
    }
    if (bits == 0 && plan.words == 2 && TwoWordStateStore.fits(plan.ts.stateBits())
        && !keepStateOrder) {
      return new Storage(new TwoWordStateStore(plan.ts.stateBits(), budget), null);
    }
    if (bits == 0) {
      // A replay also logs parents (6 bytes per state of the levels it stores): its paths
      // are then read off the log instead of searched for backwards, level by level, by
      // firing every action of every state until the parents turn up (90 ms of a 3x2x2
      // check with 4 counterexamples, docs/benchmarks.md).
      return new Storage(new OpenAddressingStateStore(plan.words, budget),
          keepStateOrder ? new ParentLog(budget) : null);
    }
    return new Storage(new FingerprintStateStore(plan.words, bits, budget),
        new ParentLog(budget));
  }

  /**
   * Whether the level being expanded must be kept in buffers of its own, because the
   * store does not keep states in index order.
   */
  boolean needsFrontier() {
    return !store.keepsStates();
  }

  /** The store when it is the one-word one (the fast loop calls it directly), or null. */
  OneWordStateStore oneWordStore() {
    return store instanceof OneWordStateStore o ? o : null;
  }
}
