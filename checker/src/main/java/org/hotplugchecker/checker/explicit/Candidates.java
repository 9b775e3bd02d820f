package org.hotplugchecker.checker.explicit;

import java.util.Arrays;
import org.hotplugchecker.model.HotplugModel;

/** What one chunk of a level produced: new-looking successors, deduplicated in the chunk. */
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
  // Open addressing over candidate positions + 1, by the low hash bits, with each slot's
  // hash beside it: a probe compares hashes in the table itself instead of following the
  // position to the candidate's hash, a cache miss once a chunk has many candidates.
  private int[] local = new int[512];
  private long[] localHash = new long[512];
  // Whether equal hashes mean equal states (the one-word store's keys are a bijection);
  // then the chunk's keys are deduplicated in keySet, an open-addressing set of keys,
  // and keySlots lists the slots written.
  private final boolean hashIdentifies;
  private long[] keySet = new long[1024];
  private int[] keySlots = new int[512];
  private int keyCount;
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
    if (hashIdentifies) {
      for (int i = 0; i < keyCount; i++) {
        keySet[keySlots[i]] = 0; // what was written, not the whole table
      }
      keyCount = 0;
    } else {
      Arrays.fill(local, 0);
    }
    sink = 0;
  }

  long sink; // keeps the store's cache-warming reads alive

  void add(long[] state, int offset, long hash, int parent, int action) {
    if (hashIdentifies) {
      if (firstInChunk(hash)) {
        append(state, offset, hash, parent, action);
      }
      return;
    }
    int mask = local.length - 1;
    int slot = (int) hash & mask;
    for (int k; (k = local[slot]) != 0; slot = (slot + 1) & mask) {
      if (localHash[slot] == hash && sameState(k - 1, state, offset)) {
        return; // a first occurrence in this chunk wins, as the merge order wants
      }
    }
    append(state, offset, hash, parent, action);
    local[slot] = count;
    localHash[slot] = hash;
    if (count * 2 > local.length) {
      rehashLocal();
    }
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

  /**
   * With keys that identify states: whether {@code key} is new to this chunk (then it
   * is remembered). Key 0 marks an empty slot, so it always counts as new; the merge
   * drops the repeats.
   */
  private boolean firstInChunk(long key) {
    if (key == 0) {
      return true;
    }
    int mask = keySet.length - 1;
    int slot = (int) key & mask;
    for (long e; (e = keySet[slot]) != 0; slot = (slot + 1) & mask) {
      if (e == key) {
        return false; // a first occurrence in this chunk wins, as the merge order wants
      }
    }
    keySet[slot] = key;
    if (keyCount == keySlots.length) {
      keySlots = Arrays.copyOf(keySlots, keyCount * 2);
    }
    keySlots[keyCount++] = slot;
    if (keyCount * 2 > keySet.length) {
      growKeySet();
    }
    return true;
  }

  private void growKeySet() {
    long[] t = new long[keySet.length * 2];
    int mask = t.length - 1;
    for (int i = 0; i < keyCount; i++) {
      long key = keySet[keySlots[i]];
      int slot = (int) key & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = key;
      keySlots[i] = slot;
    }
    keySet = t;
  }

  private void rehashLocal() {
    int[] t = new int[local.length * 2];
    long[] h = new long[t.length];
    int mask = t.length - 1;
    for (int k = 0; k < count; k++) {
      int slot = (int) hashes[k] & mask;
      while (t[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      t[slot] = k + 1;
      h[slot] = hashes[k];
    }
    local = t;
    localHash = h;
  }
}
