package org.hotplugchecker.checker.explicit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Fingerprint storage (TLC's default mode): only a 64- or 128-bit hash of each state is
 * kept, in an open-addressing table with linear probing. Two distinct states with the
 * same fingerprint make the second look "seen", so the explorer may miss states; the
 * chance of that is estimated by {@link #collisionProbability()} and reported.
 *
 * <p>States themselves are not kept ({@link #keepsStates()} is false): the explorer holds
 * the frontier in its own buffers and rebuilds counterexamples from parent links.
 *
 * <p>As in {@link OpenAddressingStateStore}, one thread may insert while others look up:
 * a slot's first word is published last, with release semantics.
 */
public final class FingerprintStateStore implements StateStore {
  private static final int MIN_CAPACITY = 1 << 10;
  private static final int MAX_CAPACITY = StoreFullException.MAX_ARRAY;
  private static final double MAX_LOAD = 0.75;
  private static final long SEED_A = 0x2545F4914F6CDD1DL;
  private static final long SEED_B = 0x7A3C1F0B5D9E8264L;

  private final int words;
  private final int bits;
  private final int width; // longs per fingerprint: 1 or 2
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

  private final MemoryBudget budget;
  private final int maxCapacity; // slots of the largest table
  private final int limit; // fingerprints: the largest table's growth threshold
  private volatile long[] table; // capacity * width longs
  private int size;

  /** A store of {@code bits}-bit fingerprints (64 or 128) of states of {@code words} longs. */
  public FingerprintStateStore(int words, int bits) {
    this(words, bits, new MemoryBudget());
  }

  FingerprintStateStore(int words, int bits, MemoryBudget budget) {
    this(words, bits, budget, MAX_CAPACITY / (bits / 64));
  }

  /** A store whose table never grows past {@code maxCapacity} slots (tests use small ones). */
  FingerprintStateStore(int words, int bits, MemoryBudget budget, int maxCapacity) {
    if (bits != 64 && bits != 128) {
      throw new IllegalArgumentException("fingerprints are 64 or 128 bits, got " + bits);
    }
    this.words = words;
    this.bits = bits;
    this.width = bits / 64;
    if (maxCapacity < MIN_CAPACITY || maxCapacity > MAX_CAPACITY / width) {
      throw new IllegalArgumentException("table size out of range: " + maxCapacity);
    }
    this.budget = budget;
    this.maxCapacity = maxCapacity;
    this.limit = threshold(maxCapacity);
    this.table = new long[MIN_CAPACITY * width];
  }

  private int threshold(int capacity) {
    return (int) Math.min(MAX_CAPACITY - 1L, (long) (capacity * MAX_LOAD));
  }

  /** The first fingerprint word; never 0, which marks an empty slot. */
  @Override
  public long hash(long[] state, int offset) {
    long h = StateHash.of(state, offset, words, SEED_A);
    return h == 0 ? 1 : h;
  }

  private long second(long[] state, int offset) {
    return StateHash.of(state, offset, words, SEED_B);
  }

  @Override
  public boolean contains(long[] state, int offset, long hash) {
    long b = width == 2 ? second(state, offset) : 0;
    long[] t = table;
    int n = t.length / width;
    int slot = StateHash.reduce(hash, n);
    while (true) {
      long e = (long) SLOT.getAcquire(t, slot * width);
      if (e == 0) {
        return false;
      }
      if (e == hash && (width == 1 || t[slot * 2 + 1] == b)) {
        return true;
      }
      if (++slot == n) {
        slot = 0;
      }
    }
  }

  @Override
  public long touch(long[] hashes, int n) {
    long[] t = table;
    int capacity = t.length / width;
    long sum = 0;
    // Plain reads: the values are never trusted, only the cache lines they bring in
    // matter, and a VarHandle access costs a call chain in C1-compiled code.
    for (int k = 0; k < n; k++) {
      sum += t[StateHash.reduce(hashes[k], capacity) * width];
    }
    return sum;
  }

  @Override
  public int addIfAbsent(long[] state, int offset, long hash) {
    long b = width == 2 ? second(state, offset) : 0;
    long[] t = table;
    int n = t.length / width;
    int slot = StateHash.reduce(hash, n);
    while (true) {
      long e = t[slot * width];
      if (e == 0) {
        break;
      }
      if (e == hash && (width == 1 || t[slot * 2 + 1] == b)) {
        return -1;
      }
      if (++slot == n) {
        slot = 0;
      }
    }
    // Refused before it is inserted, so that a full store holds exactly the fingerprints
    // it counts; only the largest table reaches this threshold, so grow() never meets a
    // table it cannot grow.
    if (size >= limit) {
      throw StoreFullException.atLimit("the fingerprint table", size, limit);
    }
    if (width == 2) {
      t[slot * 2 + 1] = b;
    }
    SLOT.setRelease(t, slot * width, hash);
    int index = size++;
    if (size > threshold(n)) {
      grow();
    }
    return index;
  }

  private void grow() {
    int capacity = table.length / width;
    if (capacity >= maxCapacity) {
      throw new IllegalStateException("the largest fingerprint table is past its threshold");
    }
    int n = (int) Math.min(maxCapacity, capacity + (long) capacity / 2);
    budget.require((long) n * width * Long.BYTES,
        "growing the fingerprint table to " + n + " slots");
    long[] t = new long[n * width];
    long[] old = table;
    for (int i = 0; i < capacity; i++) {
      long a = old[i * width];
      if (a == 0) {
        continue;
      }
      int slot = StateHash.reduce(a, n);
      while (t[slot * width] != 0) {
        if (++slot == n) {
          slot = 0;
        }
      }
      t[slot * width] = a;
      if (width == 2) {
        t[slot * 2 + 1] = old[i * 2 + 1];
      }
    }
    table = t; // publishes the filled table
  }

  /** The fingerprint width in bits. */
  public int bits() {
    return bits;
  }

  /**
   * Estimated probability that some two of the {@link #size()} distinct states explored
   * share a fingerprint (so that one of them, and what only it leads to, may have been
   * missed). Birthday bound with uniform {@code b}-bit fingerprints: {@code p ≈ n(n-1) /
   * 2^(b+1)} — for 64 bits {@code n²/2^65}, TLC's "optimistic" style of estimate.
   */
  public double collisionProbability() {
    return collisionProbability(size, bits);
  }

  /** {@code n(n-1) / 2^(bits+1)}, capped at 1. */
  public static double collisionProbability(long n, int bits) {
    double p = (double) n * (double) (n - 1) / Math.pow(2, bits + 1);
    return Math.min(1.0, Math.max(0.0, p));
  }

  @Override
  public boolean keepsStates() {
    return false;
  }

  @Override
  public void get(int index, long[] out) {
    throw new UnsupportedOperationException("a fingerprint store does not keep states");
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long bytesUsed() {
    return (long) table.length * Long.BYTES;
  }
}
