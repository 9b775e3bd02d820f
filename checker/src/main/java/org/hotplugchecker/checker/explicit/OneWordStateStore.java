package org.hotplugchecker.checker.explicit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Exact storage of one-word states in a single open-addressing table of {@code long}s:
 * a slot holds the state itself, scrambled by a bijection ({@link #hash}), so a lookup
 * reads one slot per probe and a hit needs no second memory access to confirm it — a
 * lookup that finds an already stored state, which is what most successors are, costs one
 * cache miss instead of two.
 *
 * <p>Because the scrambling is a bijection of the 64-bit word, equal keys mean equal
 * states: this is exact storage, not fingerprinting. Key 0 marks an empty slot; the one
 * state whose key is 0 is remembered by a flag instead.
 *
 * <p>States are not kept in index order ({@link #keepsStates()} is false): the explorer
 * holds each BFS level in its own buffers and rebuilds counterexamples by exploring again
 * with a store that does keep them. Memory is {@code 8 / load} bytes per state; the table
 * grows by half at load 0.8, so it stays between 10 and 15 bytes per state.
 *
 * <p>One thread inserts while others may look up: a key is published with release
 * semantics and read with acquire semantics, and a grown table is published whole. A
 * reader may miss a state being inserted (the explorer's merge deduplicates), but never
 * reports a state present that is not.
 */
public final class OneWordStateStore implements StateStore {
  private static final int MIN_CAPACITY = 1 << 10;
  private static final int MAX_CAPACITY = StoreFullException.MAX_ARRAY;
  private static final double MAX_LOAD = 0.8;
  private static final long SEED = 0x2545F4914F6CDD1DL;

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private final MemoryBudget budget;
  private final int maxCapacity; // slots of the largest table
  private final int limit; // states: the largest table's growth threshold
  private volatile long[] table = new long[MIN_CAPACITY];
  private volatile boolean zeroKeyStored;
  // The inserting thread's counters, written on every insert, sit in the middle of their
  // own array: sharing a cache line with {@code table}, which looking-up threads read on
  // every lookup, would make that line bounce between the cores.
  private static final int PAD = 16;
  private static final int SIZE = PAD;
  private static final int THRESHOLD = PAD + 1;
  private final int[] counters = new int[2 * PAD + 2];

  /** An empty store. */
  public OneWordStateStore() {
    this(new MemoryBudget());
  }

  OneWordStateStore(MemoryBudget budget) {
    this(budget, MAX_CAPACITY);
  }

  /** A store whose table never grows past {@code maxCapacity} slots (tests use small ones). */
  OneWordStateStore(MemoryBudget budget, int maxCapacity) {
    if (maxCapacity < MIN_CAPACITY || maxCapacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("table size out of range: " + maxCapacity);
    }
    this.budget = budget;
    this.maxCapacity = maxCapacity;
    this.limit = threshold(maxCapacity);
    counters[THRESHOLD] = threshold(MIN_CAPACITY);
  }

  private int threshold(int capacity) {
    return (int) Math.min(maxCapacity - 1L, (long) (capacity * MAX_LOAD));
  }

  /**
   * The key of one-word {@code state[offset]}: a bijection of the word (xor with a seed,
   * then the murmur3 finaliser, every step invertible), so it identifies the state.
   */
  @Override
  public long hash(long[] state, int offset) {
    return key(state[offset]);
  }

  /** {@link #hash} of the one-word state {@code s}. */
  public static long key(long s) {
    return StateHash.mix(s ^ SEED);
  }

  @Override
  public boolean contains(long[] state, int offset, long hash) {
    return containsKey(hash);
  }

  /** Whether the state with key {@code key} is stored. */
  public boolean containsKey(long key) {
    if (key == 0) {
      return zeroKeyStored;
    }
    long[] t = table;
    int n = t.length;
    int slot = StateHash.reduce(key, n);
    while (true) {
      // A plain read and an acquire fence: getAcquire's ordering without the call chain a
      // VarHandle access costs in C1-compiled code, the launcher's JIT for check. Even a
      // torn read could not report another key present: half of this key and half of 0
      // equal this key only when that half of it is 0, and then it is being inserted.
      long e = t[slot];
      VarHandle.acquireFence();
      if (e == key) {
        return true;
      }
      if (e == 0) {
        return false;
      }
      if (++slot == n) {
        slot = 0;
      }
    }
  }

  @Override
  public long touch(long[] hashes, int n) {
    long[] t = table;
    long sum = 0;
    // Plain reads: the values are never trusted, only the cache lines they bring in
    // matter, and a VarHandle access costs a call chain in C1-compiled code.
    for (int k = 0; k < n; k++) {
      sum += t[StateHash.reduce(hashes[k], t.length)];
    }
    return sum;
  }

  @Override
  public int addIfAbsent(long[] state, int offset, long hash) {
    return addKey(hash);
  }

  /**
   * Inserts the state with key {@code key} unless present.
   *
   * @return the new index (≥ 0) if inserted, else -1
   */
  public int addKey(long key) {
    if (key == 0) {
      if (zeroKeyStored) {
        return -1;
      }
      checkRoom();
      zeroKeyStored = true;
      return counters[SIZE]++;
    }
    long[] t = table;
    int n = t.length;
    int slot = StateHash.reduce(key, n);
    while (true) {
      long e = t[slot];
      if (e == key) {
        return -1;
      }
      if (e == 0) {
        break;
      }
      if (++slot == n) {
        slot = 0;
      }
    }
    checkRoom();
    SLOT.setRelease(t, slot, key);
    int index = counters[SIZE]++;
    if (index >= counters[THRESHOLD]) {
      grow();
    }
    return index;
  }

  /**
   * Refuses a state beyond {@link #limit} before it is inserted, so that a full store holds
   * exactly the states it counts and says how many it can hold. The largest table's
   * threshold is reached only by that table, so {@link #grow} never meets a table it
   * cannot grow.
   */
  private void checkRoom() {
    if (counters[SIZE] >= limit) {
      throw StoreFullException.atLimit("the state store", counters[SIZE], limit);
    }
  }

  private void grow() {
    long[] old = table;
    if (old.length >= maxCapacity) {
      throw new IllegalStateException("the largest state table is past its threshold");
    }
    int n = (int) Math.min(maxCapacity, old.length + (long) old.length / 2);
    budget.require((long) n * Long.BYTES, "growing the state table to " + n + " slots");
    long[] t = new long[n];
    // The slot of a key grows with the key, so walking the old table in order writes the
    // new one almost in order, and no key is hashed again.
    for (long key : old) {
      if (key != 0) {
        int slot = StateHash.reduce(key, n);
        while (t[slot] != 0) {
          if (++slot == n) {
            slot = 0;
          }
        }
        t[slot] = key;
      }
    }
    counters[THRESHOLD] = threshold(n);
    table = t; // publishes the filled table
  }

  @Override
  public boolean keepsStates() {
    return false;
  }

  @Override
  public void get(int index, long[] out) {
    throw new UnsupportedOperationException("a one-word store does not keep index order");
  }

  @Override
  public int size() {
    return counters[SIZE];
  }

  @Override
  public long bytesUsed() {
    return (long) table.length * Long.BYTES;
  }
}
