package org.hotplugchecker.checker.explicit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Exact storage of two-word states (65 to 127 bits: 4 and 5 nodes with 2 CPUs and 2 blocks
 * each) in a single open-addressing table whose slots hold the states themselves, packed
 * into three {@code int}s when they have at most 95 bits, else four. A lookup reads one
 * slot per probe, and a hit needs no second memory access to confirm it: most successors
 * are states already stored, so a lookup costs one cache miss instead of the two of a
 * table of indices into pages ({@link OpenAddressingStateStore}).
 *
 * <p>The slot's last {@code int} carries the state's top bits and a presence bit above
 * them, so a state is never confused with an empty slot. Memory is {@code 4 * ints / load}
 * bytes per state: with three {@code int}s the table grows by half at load 0.8, staying
 * between 15 and 22.5 bytes per state; with four it grows by a quarter at load 0.85,
 * between 18.8 and 23.5 bytes per state. Nothing else is kept per state.
 *
 * <p>States are not kept in index order ({@link #keepsStates()} is false), as in {@link
 * OneWordStateStore}: the explorer holds each BFS level in its own buffers, and a replay
 * keeps the levels it needs ({@link Frontier}).
 *
 * <p>One thread inserts while others may look up: a slot's other {@code int}s are written
 * before its presence {@code int}, which is published with release semantics and read with
 * acquire semantics, and a grown table is published whole. A reader may miss a state being
 * inserted (the explorer's merge deduplicates), but never reports a state present that is
 * not.
 */
public final class TwoWordStateStore implements StateStore {
  private static final int MIN_CAPACITY = 1 << 10;
  private static final long SEED_0 = 0x2545F4914F6CDD1DL;
  private static final long SEED_1 = 0x6A09E667F3BCC909L;
  private static final int PRESENT = 0x80000000;
  private static final int LINE_INTS = 16; // a 64-byte cache line

  private static final VarHandle INT = MethodHandles.arrayElementVarHandle(int[].class);

  private final MemoryBudget budget;
  private final int ints; // per slot: 3 or 4
  private final boolean wide; // four ints per slot
  private final double maxLoad;
  private final double growth;
  private final int maxCapacity; // slots, so that ints * slots fits an array
  private final int limit; // states: the largest table's growth threshold
  private volatile int[] table;
  // The inserting thread's counters, written on every insert, sit in the middle of their
  // own array, off the cache line of {@code table}, which every lookup reads.
  private static final int PAD = 16;
  private static final int SIZE = PAD;
  private static final int THRESHOLD = PAD + 1;
  private final int[] counters = new int[2 * PAD + 2];

  /** A store for two-word states of at most {@code bits} bits (65 to 127). */
  public TwoWordStateStore(int bits) {
    this(bits, new MemoryBudget());
  }

  TwoWordStateStore(int bits, MemoryBudget budget) {
    this(bits, budget, StoreFullException.MAX_ARRAY / intsPerSlot(bits));
  }

  /** A store whose table never grows past {@code maxCapacity} slots (tests use small ones). */
  TwoWordStateStore(int bits, MemoryBudget budget, int maxCapacity) {
    if (!fits(bits)) {
      throw new IllegalArgumentException("two-word states have 65 to 127 bits, got " + bits);
    }
    this.budget = budget;
    this.ints = intsPerSlot(bits);
    this.wide = ints == 4;
    this.maxLoad = wide ? 0.85 : 0.8;
    this.growth = wide ? 1.25 : 1.5;
    if (maxCapacity < MIN_CAPACITY || maxCapacity > StoreFullException.MAX_ARRAY / ints) {
      throw new IllegalArgumentException("table size out of range: " + maxCapacity);
    }
    this.maxCapacity = maxCapacity;
    this.limit = threshold(maxCapacity);
    this.table = new int[MIN_CAPACITY * ints];
    counters[THRESHOLD] = threshold(MIN_CAPACITY);
  }

  /** The {@code int}s of a slot for states of {@code bits} bits: 3 up to 95 bits, else 4. */
  private static int intsPerSlot(int bits) {
    return bits > 95 ? 4 : 3;
  }

  /** Whether states of {@code bits} bits are two-word states this store can hold. */
  static boolean fits(int bits) {
    return bits > 64 && bits <= 127;
  }

  private int threshold(int capacity) {
    return (int) Math.min(maxCapacity - 1L, (long) (capacity * maxLoad));
  }

  @Override
  public long hash(long[] state, int offset) {
    return hashOf(state[offset], state[offset + 1]);
  }

  /** Two independent mixes, added: no serial dependency between the words. */
  private static long hashOf(long s0, long s1) {
    return StateHash.mix(s0 ^ SEED_0) + Long.rotateLeft(StateHash.mix(s1 ^ SEED_1), 29);
  }

  /** The slot's presence {@code int} for a state whose second word is {@code s1}. */
  private int marker(long s1) {
    return (wide ? (int) (s1 >>> 32) : (int) s1) | PRESENT;
  }

  /** Whether the occupied slot at {@code base} (presence int already matched) holds it. */
  private boolean sameRest(int[] t, int base, long s0, long s1) {
    return t[base] == (int) s0 && t[base + 1] == (int) (s0 >>> 32)
        && (!wide || t[base + 2] == (int) s1);
  }

  @Override
  public boolean contains(long[] state, int offset, long hash) {
    long s0 = state[offset];
    long s1 = state[offset + 1];
    int[] t = table;
    if (wide) {
      return containsWide(t, s0, s1, hash);
    }
    int n = slotsOf(t.length);
    int mark = (int) s1 | PRESENT;
    int lo = (int) s0;
    int hi = (int) (s0 >>> 32);
    int base = StateHash.reduce(hash, n) * 3;
    int end = n * 3;
    while (true) {
      // A plain read and an acquire fence: getAcquire's ordering (the slot's other ints
      // are read after its presence int), without the call chain a VarHandle access costs
      // in C1-compiled code, the launcher's JIT for check. An int read is atomic.
      int e = t[base + 2];
      VarHandle.acquireFence();
      // One test for a match instead of one per int: where a probe ends is what the
      // processor mispredicts.
      if (((e ^ mark) | (t[base] ^ lo) | (t[base + 1] ^ hi)) == 0) {
        return true;
      }
      if (e == 0) {
        return false;
      }
      base += 3;
      if (base == end) {
        base = 0;
      }
    }
  }

  /** {@link #contains} with four {@code int}s per slot. */
  private static boolean containsWide(int[] t, long s0, long s1, long hash) {
    int n = t.length >>> 2;
    int mark = (int) (s1 >>> 32) | PRESENT;
    int w0 = (int) s0;
    int w1 = (int) (s0 >>> 32);
    int w2 = (int) s1;
    int base = StateHash.reduce(hash, n) << 2;
    int end = n << 2;
    while (true) {
      int e = t[base + 3];
      VarHandle.acquireFence();
      if (((e ^ mark) | (t[base] ^ w0) | (t[base + 1] ^ w1) | (t[base + 2] ^ w2)) == 0) {
        return true;
      }
      if (e == 0) {
        return false;
      }
      base += 4;
      if (base == end) {
        base = 0;
      }
    }
  }

  /**
   * The slots of a table of {@code length} ints: a division by 3 or 4 without the
   * {@code idiv} a division by a field costs in C1-compiled code.
   */
  private int slotsOf(int length) {
    return wide ? length >>> 2 : thirdOf(length);
  }

  /** {@code length / 3} for {@code length >= 0}, by a multiplication. */
  static int thirdOf(int length) {
    return (int) ((length * 0xAAAAAAABL) >>> 33);
  }

  @Override
  public long touch(long[] hashes, int n) {
    int[] t = table;
    int capacity = slotsOf(t.length);
    long sum = 0;
    // Plain reads: the values are never trusted, only the cache lines they bring in
    // matter, and a VarHandle access costs a call chain in C1-compiled code. The next
    // line too: a lookup of a state not stored probes to the end of its slot's cluster,
    // often into that line (at load 0.8 by 13 slots on average), and a hit's probes
    // cross into it too; fetching it here makes those misses overlap with the others.
    int last = t.length - 1;
    for (int k = 0; k < n; k++) {
      int base = StateHash.reduce(hashes[k], capacity) * ints;
      sum += t[base] + t[Math.min(base + LINE_INTS, last)];
    }
    return sum;
  }

  @Override
  public int addIfAbsent(long[] state, int offset, long hash) {
    long s0 = state[offset];
    long s1 = state[offset + 1];
    if ((s1 >>> (wide ? 63 : 31)) != 0) {
      // The presence bit would be lost: not a state of the layout this store was made for.
      throw new IllegalArgumentException("state has more bits than the store holds");
    }
    int mark = marker(s1);
    int[] t = table;
    int n = slotsOf(t.length);
    int last = ints - 1;
    int slot = StateHash.reduce(hash, n);
    int base;
    while (true) {
      base = slot * ints;
      int e = t[base + last];
      if (e == 0) {
        break;
      }
      if (e == mark && sameRest(t, base, s0, s1)) {
        return -1;
      }
      if (++slot == n) {
        slot = 0;
      }
    }
    // Refused before it is inserted, so that a full store holds exactly the states it
    // counts; only the largest table reaches this threshold, so grow() never meets a
    // table it cannot grow.
    if (counters[SIZE] >= limit) {
      throw StoreFullException.atLimit("the state store", counters[SIZE], limit);
    }
    t[base] = (int) s0;
    t[base + 1] = (int) (s0 >>> 32);
    if (wide) {
      t[base + 2] = (int) s1;
    }
    INT.setRelease(t, base + last, mark);
    int index = counters[SIZE]++;
    if (index >= counters[THRESHOLD]) {
      grow();
    }
    return index;
  }

  private void grow() {
    int[] old = table;
    int oldSlots = slotsOf(old.length);
    if (oldSlots >= maxCapacity) {
      throw new IllegalStateException("the largest state table is past its threshold");
    }
    int n = (int) Math.min(maxCapacity, (long) (oldSlots * growth) + 1);
    budget.require((long) n * ints * Integer.BYTES,
        "growing the state table to " + n + " slots");
    int[] t = new int[n * ints];
    int last = ints - 1;
    for (int b = 0; b < old.length; b += ints) {
      int e = old[b + last];
      if (e == 0) {
        continue;
      }
      long s0 = (old[b] & 0xFFFFFFFFL) | ((long) old[b + 1] << 32);
      long s1 = wide ? (old[b + 2] & 0xFFFFFFFFL) | ((long) (e & ~PRESENT) << 32)
          : e & ~PRESENT & 0xFFFFFFFFL;
      int slot = StateHash.reduce(hashOf(s0, s1), n);
      while (t[slot * ints + last] != 0) {
        if (++slot == n) {
          slot = 0;
        }
      }
      System.arraycopy(old, b, t, slot * ints, ints);
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
    throw new UnsupportedOperationException("a two-word store does not keep index order");
  }

  @Override
  public int size() {
    return counters[SIZE];
  }

  @Override
  public long bytesUsed() {
    return (long) table.length * Integer.BYTES;
  }
}
