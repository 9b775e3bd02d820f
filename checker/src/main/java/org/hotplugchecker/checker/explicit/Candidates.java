package org.hotplugchecker.checker.explicit;

import java.util.Arrays;
import org.hotplugchecker.model.HotplugModel;

/**
 * What one chunk of a level produced: new-looking successors, in order, their repeats in the
 * chunk mostly dropped (the merge drops the rest).
 */
final class Candidates {
  final int words;
  long transitions;
  final int[] invariantWitness;
  final int[] actionWitnessState;
  final int[] actionWitnessAction;
  final boolean[] exercised;
  long[] states;
  long[] hashes = new long[256];
  int[] parents = new int[256];
  short[] actions = new short[256];
  int count;
  // A direct-mapped filter of the chunk's candidates by their low hash bits: a successor
  // found in it is a repeat, and dropped. A repeat it misses (another candidate took the
  // slot in between) goes on to the merge, whose store drops it after its first occurrence,
  // since candidates are merged in order: the filter changes no result, only how much the
  // merge does. Nearly all repeats come close together, siblings sharing successors: on
  // 4x2x2 x86 v5.0, 4,096 slots find 45.3 M of the 49.4 M repeats among 67.2 M candidates,
  // in 48 KB that stay in the core's first- and second-level caches, where an exact set
  // of a chunk's candidates, grown to hundreds of kilobytes, missed on most. Slots are never
  // cleared: one left by an earlier chunk counts only if it names a candidate of this one.
  private static final int FILTER = 4096;
  private final long[] filterHash = new long[FILTER];
  private final int[] filterPos = new int[FILTER];
  // Whether equal hashes mean equal states (the one-word store's keys are a bijection).
  private final boolean hashIdentifies;
  // Scratch space of the fast chunk loops: one state and its successors.
  final long[] state;
  final long[] next;
  final long[] batch;
  final long[] batchHash;
  final int[] batchAction;
  final long[] successors;
  // Scratch space of the multi-word chunk loop: one state's enabled set.
  final long[] enabledSet;

  Candidates(int properties, int words, int actions, boolean hashIdentifies) {
    this.words = words;
    this.hashIdentifies = hashIdentifies;
    invariantWitness = new int[properties];
    actionWitnessState = new int[properties];
    actionWitnessAction = new int[properties];
    exercised = new boolean[properties];
    Arrays.fill(invariantWitness, -1);
    Arrays.fill(actionWitnessState, -1);
    states = new long[256 * words];
    state = new long[words];
    next = new long[words];
    batch = new long[actions * words];
    batchHash = new long[actions];
    batchAction = new int[actions];
    successors = new long[actions];
    enabledSet = new long[Math.max(1, (actions + 63) >>> 6)];
  }

  /**
   * Records state {@code i} as the witness of each invariant whose bit is set in {@code
   * violated}. The fast loops clear those bits from what they still check, so the first
   * (lowest) violating index of the chunk is the one kept.
   */
  void invariantsViolatedAt(long violated, int i) {
    for (long bad = violated; bad != 0; bad &= bad - 1) {
      invariantWitness[Long.numberOfTrailingZeros(bad)] = i;
    }
  }

  /**
   * Records the fast paths' verdict {@code v} ({@link HotplugModel#NOT_APPLICABLE},
   * {@code VIOLATED} or {@code HOLDS}) of action property {@code p} on the step of state
   * {@code i} under action {@code a}: the first violating step of the chunk is its witness.
   */
  void judged(int p, int v, int i, int a) {
    if (v == HotplugModel.NOT_APPLICABLE) {
      return;
    }
    exercised[p] = true;
    if (v == HotplugModel.VIOLATED && actionWitnessState[p] < 0) {
      actionWitnessState[p] = i;
      actionWitnessAction[p] = a;
    }
  }

  /** Empties this buffer for another chunk, keeping its arrays. */
  void clear() {
    transitions = 0;
    Arrays.fill(invariantWitness, -1);
    Arrays.fill(actionWitnessState, -1);
    Arrays.fill(actionWitnessAction, 0);
    Arrays.fill(exercised, false);
    count = 0;
    sink = 0;
  }

  long sink; // keeps the store's cache-warming reads alive

  void add(long[] state, int offset, long hash, int parent, int action) {
    int slot = (int) hash & (FILTER - 1);
    if (filterHash[slot] == hash) {
      int k = filterPos[slot];
      if (k < count && hashes[k] == hash && (hashIdentifies || sameState(k, state, offset))) {
        return; // a first occurrence in this chunk wins, as the merge order wants
      }
    }
    filterHash[slot] = hash;
    filterPos[slot] = count;
    append(state, offset, hash, parent, action);
  }

  /** Whether candidate {@code k} is the state at {@code state[offset]}. */
  private boolean sameState(int k, long[] state, int offset) {
    // A loop, not Arrays.equals: states are a few words, shorter than its call costs.
    int at = k * words;
    for (int w = 0; w < words; w++) {
      if (states[at + w] != state[offset + w]) {
        return false;
      }
    }
    return true;
  }

  private void append(long[] state, int offset, long hash, int parent, int action) {
    if (count == parents.length) {
      int n = count * 2;
      parents = Arrays.copyOf(parents, n);
      actions = Arrays.copyOf(actions, n);
      hashes = Arrays.copyOf(hashes, n);
      states = Arrays.copyOf(states, n * words);
    }
    System.arraycopy(state, offset, states, count * words, words);
    hashes[count] = hash;
    parents[count] = parent;
    actions[count] = (short) action;
    count++;
  }
}
