package org.hotplugchecker.checker.explicit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Exact state storage: states packed back to back in fixed-size pages of {@code long}s
 * (index order), found through an open-addressing table of {@code int} indices with
 * linear probing (as in TLC's {@code OpenAddressing} set, but storing the whole state:
 * no false "seen").
 *
 * <p>Memory per state is {@code 8 * words} bytes of state plus {@code 4 / load} bytes of
 * table. The table is not a power of two: slots come from the hash by multiply-shift, so
 * it can grow by half (at load 0.8, to about 0.53) instead of doubling, keeping the
 * overhead between 5 and 7.5 bytes per state; pages of 4096 states keep the unused tail
 * small. Growth checks heap headroom first.
 *
 * <p>A slot's {@code int} holds {@code index + 1} in its low bits and, in the bits the
 * current capacity leaves free, a tag of the state's hash: a probe whose tag differs is
 * skipped without reading the state's page, so most misses touch only the table.
 *
 * <p>One thread inserts while others may look up: a slot is published with release
 * semantics after its state is written to its page, and read with acquire semantics, so
 * a reader that sees a slot also sees its state. A reader may miss a state being inserted
 * (it then reports it absent, which the explorer tolerates: its merge deduplicates), but
 * never reports a state present that is not.
 */
public final class OpenAddressingStateStore implements StateStore {
  private static final int PAGE_SHIFT = 12;
  private static final int PAGE_STATES = 1 << PAGE_SHIFT;
  private static final int PAGE_MASK = PAGE_STATES - 1;
  private static final int MIN_CAPACITY = 1 << 10;
  private static final int MAX_CAPACITY = StoreFullException.MAX_ARRAY;
  private static final double MAX_LOAD = 0.8;
  private static final long SEED = 0x2545F4914F6CDD1DL;

  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(int[].class);

  /**
   * The probe table with its encoding, swapped as one object on growth. A slot holds
   * {@code (tag << indexBits) | (index + 1)}; 0 is empty, so a fresh table needs no fill.
   */
  private static final class Table {
    final int[] slots;
    final int indexBits;
    final int indexMask;
    final int threshold;

    Table(int capacity) {
      slots = new int[capacity];
      threshold = thresholdOf(capacity);
      indexBits = Math.min(31, 32 - Integer.numberOfLeadingZeros(threshold + 1));
      indexMask = (int) ((1L << indexBits) - 1);
    }

    int tag(long hash) {
      return ((int) hash) >>> indexBits;
    }
  }

  /** How many states a table of {@code capacity} slots holds before it grows. */
  private static int thresholdOf(int capacity) {
    return (int) Math.min(MAX_CAPACITY - 1L, (long) (capacity * MAX_LOAD));
  }

  private final int words;
  private final MemoryBudget budget;
  private final int maxCapacity; // slots of the largest table
  private final int limit; // states: the largest table's growth threshold
  private volatile long[][] pages = new long[8][];
  private volatile Table table;
  private int size;

  /** A store for states of {@code words} longs. */
  public OpenAddressingStateStore(int words) {
    this(words, new MemoryBudget());
  }

  OpenAddressingStateStore(int words, MemoryBudget budget) {
    this(words, budget, MAX_CAPACITY);
  }

  /** A store whose table never grows past {@code maxCapacity} slots (tests use small ones). */
  OpenAddressingStateStore(int words, MemoryBudget budget, int maxCapacity) {
    if (words < 1) {
      throw new IllegalArgumentException("states need at least one word");
    }
    if (maxCapacity < MIN_CAPACITY || maxCapacity > MAX_CAPACITY) {
      throw new IllegalArgumentException("table size out of range: " + maxCapacity);
    }
    this.words = words;
    this.budget = budget;
    this.maxCapacity = maxCapacity;
    this.limit = thresholdOf(maxCapacity);
    this.table = new Table(MIN_CAPACITY);
  }

  @Override
  public long hash(long[] state, int offset) {
    return StateHash.of(state, offset, words, SEED);
  }

  private boolean sameAs(int index, long[] s, int offset) {
    long[] page = pages[index >>> PAGE_SHIFT];
    int base = (index & PAGE_MASK) * words;
    for (int i = 0; i < words; i++) {
      if (page[base + i] != s[offset + i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean contains(long[] state, int offset, long hash) {
    Table tb = table;
    int[] t = tb.slots;
    int n = t.length;
    int bits = tb.indexBits;
    int mask = tb.indexMask;
    int tag = ((int) hash) >>> bits;
    int slot = StateHash.reduce(hash, n);
    while (true) {
      int e = (int) SLOT.getAcquire(t, slot);
      if (e == 0) {
        return false;
      }
      if ((e >>> bits) == tag && sameAs((e & mask) - 1, state, offset)) {
        return true;
      }
      if (++slot == n) {
        slot = 0;
      }
    }
  }

  @Override
  public long touch(long[] hashes, int n) {
    Table tb = table;
    int[] t = tb.slots;
    long sum = 0;
    for (int k = 0; k < n; k++) {
      int e = (int) SLOT.getAcquire(t, StateHash.reduce(hashes[k], t.length));
      if (e != 0 && (e >>> tb.indexBits) == tb.tag(hashes[k])) {
        int index = (e & tb.indexMask) - 1;
        // pages is read after the slot, so it holds the slot's page (see the class doc).
        sum += pages[index >>> PAGE_SHIFT][(index & PAGE_MASK) * words];
      } else {
        sum += e;
      }
    }
    return sum;
  }

  @Override
  public int addIfAbsent(long[] state, int offset, long hash) {
    Table tb = table;
    int[] t = tb.slots;
    int n = t.length;
    int tag = tb.tag(hash);
    int slot = StateHash.reduce(hash, n);
    while (true) {
      int e = t[slot];
      if (e == 0) {
        break;
      }
      if ((e >>> tb.indexBits) == tag && sameAs((e & tb.indexMask) - 1, state, offset)) {
        return -(e & tb.indexMask);
      }
      if (++slot == n) {
        slot = 0;
      }
    }
    // Refused before it is inserted, so that a full store holds exactly the states it
    // counts; only the largest table reaches this threshold, so grow() never meets a
    // table it cannot grow.
    if (size >= limit) {
      throw StoreFullException.atLimit("the state store", size, limit);
    }
    int index = size;
    int page = index >>> PAGE_SHIFT;
    if ((index & PAGE_MASK) == 0) {
      addPage(page);
    }
    System.arraycopy(state, offset, pages[page], (index & PAGE_MASK) * words, words);
    SLOT.setRelease(t, slot, (tag << tb.indexBits) | (index + 1));
    size++;
    if (size > tb.threshold) {
      grow();
    }
    return index;
  }

  private void addPage(int page) {
    budget.require((long) PAGE_STATES * words * Long.BYTES, "a state page");
    long[][] p = pages;
    if (page == p.length) {
      p = Arrays.copyOf(p, p.length * 2);
    }
    p[page] = new long[PAGE_STATES * words];
    pages = p;
  }

  private void grow() {
    int old = table.slots.length;
    if (old >= maxCapacity) {
      throw new IllegalStateException("the largest state table is past its threshold");
    }
    int n = (int) Math.min(maxCapacity, old + (long) old / 2);
    budget.require((long) n * Integer.BYTES, "growing the state table to " + n + " slots");
    Table tb = new Table(n);
    int[] t = tb.slots;
    long[][] p = pages;
    for (int index = 0; index < size; index++) {
      long h = StateHash.of(p[index >>> PAGE_SHIFT], (index & PAGE_MASK) * words, words, SEED);
      int slot = StateHash.reduce(h, n);
      while (t[slot] != 0) {
        if (++slot == n) {
          slot = 0;
        }
      }
      t[slot] = (tb.tag(h) << tb.indexBits) | (index + 1);
    }
    table = tb; // publishes the filled table
  }

  @Override
  public boolean keepsStates() {
    return true;
  }

  @Override
  public void get(int index, long[] out) {
    System.arraycopy(pages[index >>> PAGE_SHIFT], (index & PAGE_MASK) * words, out, 0, words);
  }

  /** Copies the state with {@code index} into {@code out} at {@code offset}. */
  public void get(int index, long[] out, int offset) {
    System.arraycopy(pages[index >>> PAGE_SHIFT], (index & PAGE_MASK) * words, out, offset,
        words);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long bytesUsed() {
    long pageBytes = 0;
    for (long[] p : pages) {
      if (p != null) {
        pageBytes += (long) p.length * Long.BYTES;
      }
    }
    return pageBytes + (long) table.slots.length * Integer.BYTES;
  }
}
