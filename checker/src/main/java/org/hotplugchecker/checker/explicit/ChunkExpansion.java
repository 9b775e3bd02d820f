package org.hotplugchecker.checker.explicit;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * How the states of one chunk of a level are expanded: their invariants checked, their
 * successors computed and their steps judged, and the successors not yet stored handed
 * back as {@link Candidates} (or, for the chunk next in merge order, inserted straight
 * away). One subclass per kind of state the search can specialise for; the level driver
 * and the scheduler see only this class. A new fast path is one more subclass and one more
 * case in {@link #forPlan}.
 *
 * <p>Every subclass must give the results of {@link GeneralExpansion} exactly: the same
 * transitions counted, the same lowest witness per property, and the same candidates in
 * (parent index, action) order, so that counts, verdicts and counterexamples do not
 * depend on which expansion ran. Instances are shared by the threads expanding a level.
 */
abstract class ChunkExpansion {
  // Merged chunks' buffers, for later chunks (taken and returned by any thread).
  private final ConcurrentLinkedQueue<Candidates> spares = new ConcurrentLinkedQueue<>();
  private final int properties;
  private final int words;
  private final int actions;
  private final boolean keysIdentifyStates;

  ChunkExpansion(SearchPlan plan, Storage storage) {
    this.properties = plan.propertyCount();
    this.words = plan.words;
    this.actions = plan.actions;
    this.keysIdentifyStates = storage.oneWordStore() != null;
  }

  /** The expansion for {@code plan}: the most specialised one that applies. */
  static ChunkExpansion forPlan(SearchPlan plan, Storage storage, Frontier frontier) {
    if (OneWordExpansion.applies(plan)) {
      return new OneWordExpansion(plan, storage, frontier);
    }
    if (MultiWordExpansion.applies(plan)) {
      return new MultiWordExpansion(plan, storage, frontier);
    }
    return new GeneralExpansion(plan, storage, frontier);
  }

  /**
   * Expands states {@code [from, to)} of {@code level}. If {@code direct} (only on the
   * merging thread, when every earlier chunk is merged) the new successors go straight
   * into the store through the frontier, in the merge's order, and the result holds none.
   * A worker's chunk ({@code work} not null) is given up early once the merging thread
   * has done it itself ({@link LevelWork#abandoned}).
   */
  abstract Candidates expand(Level level, int from, int to, boolean direct, LevelWork work,
      int chunk);

  /** The invariants of {@code ids} not yet settled in {@code done}, a bit per property. */
  static long unsettled(int[] ids, boolean[] done) {
    long pending = 0;
    for (int p : ids) {
      if (!done[p]) {
        pending |= 1L << p;
      }
    }
    return pending;
  }

  /** A chunk result buffer, cleared: a spare one if any (they keep their size), else new. */
  final Candidates candidates() {
    Candidates r = spares.poll();
    return r != null ? r : new Candidates(properties, words, actions, keysIdentifyStates);
  }

  /** Takes back a merged (or unwanted) chunk's buffer for a later chunk. */
  final void recycle(Candidates r) {
    r.clear();
    spares.add(r);
  }
}
