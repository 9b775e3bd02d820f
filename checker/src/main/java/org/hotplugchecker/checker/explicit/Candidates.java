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
  // A direct-mapped filter of the successors this buffer has seen lately, by their low
  // hash bits: each slot names either a state known to be stored (position STORED, its
  // words kept in the slot unless hashes identify states) or a candidate of this chunk (its
  // position). A successor the filter knows needs no store lookup and is no candidate:
  // siblings share successors, so the filter answers "known" to 77 M of its 230 M
  // questions on 4x2x2 x86 v5.0 (successors, then candidates), 3.8 M of 8.8 M on 3x2x2
  // generic v4.19. Its 4,096 slots (96 KB for two-word states) stay in the core's first-
  // and second-level caches. A stored state stays stored, so those slots hold for good; a
  // candidate's slot holds only while it names a candidate of the current chunk (slots are
  // never cleared). A repeat the filter misses (another successor took the slot in between)
  // is looked up as before, and a candidate repeat goes on to the merge, whose store drops
  // it after its first occurrence, since candidates are merged in order: the filter changes
  // no result, only how much the lookups and the merge do.
  private static final int FILTER = 4096;
  private static final int STORED = -1;
  private final long[] filterHash = new long[FILTER];
  private final int[] filterPos = new int[FILTER];
  // The words of the stored states the filter names, unless hashes identify states.
  private final long[] filterState;
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
    filterState = new long[hashIdentifies ? 0 : FILTER * words];
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

  /**
   * Whether the successor at {@code state[offset]} with {@code hash} is known to be stored
   * or to be a candidate of this chunk already: then it needs neither a lookup nor {@link
   * #add}. False says nothing.
   */
  boolean known(long[] state, int offset, long hash) {
    int slot = filterSlot(hash);
    if (filterHash[slot] != hash) {
      return false;
    }
    int k = filterPos[slot];
    if (k == STORED) {
      return hashIdentifies || sameWords(filterState, slot * words, state, offset);
    }
    // a first occurrence in this chunk wins, as the merge order wants
    return k < count && hashes[k] == hash
        && (hashIdentifies || sameWords(states, k * words, state, offset));
  }

  /** Notes that the state at {@code state[offset]} with {@code hash} is in the store. */
  void stored(long[] state, int offset, long hash) {
    int slot = filterSlot(hash);
    filterHash[slot] = hash;
    filterPos[slot] = STORED;
    if (!hashIdentifies) {
      System.arraycopy(state, offset, filterState, slot * words, words);
    }
  }

  /**
   * Appends a successor not found in the store, unless the filter knows it ({@link
   * #known}): the lookup's result, or the filter's, is what makes it a candidate.
   */
  void add(long[] state, int offset, long hash, int parent, int action) {
    if (known(state, offset, hash)) {
      return;
    }
    int slot = filterSlot(hash);
    filterHash[slot] = hash;
    filterPos[slot] = count;
    append(state, offset, hash, parent, action);
  }

  /** Notes that the {@code n} states of {@code batch}, with {@code hashes}, are stored. */
  void allStored(long[] batch, long[] hashes, int n) {
    for (int k = 0; k < n; k++) {
      stored(batch, k * words, hashes[k]);
    }
  }

  /** The filter slot of {@code hash}: its low bits (the stores index by the high ones). */
  private static int filterSlot(long hash) {
    return (int) hash & (FILTER - 1);
  }

  /** Whether {@code a[at...]} and {@code b[offset...]} hold the same state. */
  private boolean sameWords(long[] a, int at, long[] b, int offset) {
    // A loop, not Arrays.equals: states are a few words, shorter than its call costs.
    for (int w = 0; w < words; w++) {
      if (a[at + w] != b[offset + w]) {
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
