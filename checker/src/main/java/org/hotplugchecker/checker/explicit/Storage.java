package org.hotplugchecker.checker.explicit;

/**
 * Where one search keeps its visited states: the store, chosen by state width and
 * options, and the parent log if one is kept (in fingerprint mode it stands in for states
 * the store cannot give back).
 *
 * @param store the visited states
 * @param parentLog per state, its first parent and action (fingerprint mode, replays, and
 *     exact searches until it drops itself), or null
 */
record Storage(StateStore store, ParentLog parentLog) {

  /**
   * The storage for a search of {@code plan}: fingerprints with a parent log if asked
   * for; else one-word and two-word states in stores that hold them in their slots (one
   * lookup per successor), unless {@code keepStateOrder} asks for a store that can read
   * states back by index (a replay's, which logs parents); else the general exact store.
   * An exact search that is not a replay logs parents for its first {@code pathLogLimit}
   * states (0: none), so that its paths need no replay while the log lasts.
   */
  static Storage choose(SearchPlan plan, boolean keepStateOrder, MemoryBudget budget,
      int pathLogLimit) {
    int bits = plan.options.fingerprintBits();
    if (bits != 0) {
      return new Storage(new FingerprintStateStore(plan.words, bits, budget),
          new ParentLog(budget));
    }
    if (keepStateOrder) {
      // A replay's paths are read off its log instead of searched for backwards, level by
      // level, by firing every action of every state until the parents turn up (90 ms of
      // a 3x2x2 check with 4 counterexamples, docs/benchmarks.md).
      return new Storage(new OpenAddressingStateStore(plan.words, budget),
          new ParentLog(budget));
    }
    ParentLog paths = pathLogLimit > 0 ? new ParentLog(budget, pathLogLimit) : null;
    if (plan.words == 1) {
      return new Storage(new OneWordStateStore(budget), paths);
    }
    if (plan.words == 2 && TwoWordStateStore.fits(plan.ts.stateBits())) {
      return new Storage(new TwoWordStateStore(plan.ts.stateBits(), budget), paths);
    }
    return new Storage(new OpenAddressingStateStore(plan.words, budget), paths);
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
