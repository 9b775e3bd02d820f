package org.hotplugchecker.checker.explicit;

import java.util.Arrays;

/**
 * Exact state storage: states packed back to back in a growing {@code long[]}, found
 * through an open-addressing table of {@code int} indices with linear probing (as in
 * TLC's {@code OpenAddressing} FP set, but storing the whole state: no false "seen").
 */
public final class OpenAddressingStateStore implements StateStore {
  private static final int EMPTY = -1;
  private static final int MAX_CAPACITY = 1 << 30;

  private final int words;
  private long[] states;
  private int[] table;
  private int mask;
  private int size;

  /** A store for states of {@code words} longs. */
  public OpenAddressingStateStore(int words) {
    this.words = words;
    this.states = new long[1024 * words];
    this.table = new int[2048];
    Arrays.fill(table, EMPTY);
    this.mask = table.length - 1;
  }

  private static int hash(long[] s, int offset, int words) {
    long h = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < words; i++) {
      h ^= s[offset + i];
      h *= 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return (int) (h ^ (h >>> 32));
  }

  private boolean sameAs(int index, long[] s, int offset) {
    int base = index * words;
    for (int i = 0; i < words; i++) {
      if (states[base + i] != s[offset + i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean contains(long[] state, int offset) {
    int slot = hash(state, offset, words) & mask;
    while (true) {
      int idx = table[slot];
      if (idx == EMPTY) {
        return false;
      }
      if (sameAs(idx, state, offset)) {
        return true;
      }
      slot = (slot + 1) & mask;
    }
  }

  @Override
  public int addIfAbsent(long[] state, int offset) {
    int slot = hash(state, offset, words) & mask;
    while (true) {
      int idx = table[slot];
      if (idx == EMPTY) {
        break;
      }
      if (sameAs(idx, state, offset)) {
        return -idx - 1;
      }
      slot = (slot + 1) & mask;
    }
    if ((long) (size + 1) * words > states.length) {
      long grown = Math.max((long) states.length * 2, (long) (size + 1) * words);
      if (grown > Integer.MAX_VALUE - 8) {
        throw new StoreFullException("state store is full at " + size + " states");
      }
      states = Arrays.copyOf(states, (int) grown);
    }
    int index = size++;
    System.arraycopy(state, offset, states, index * words, words);
    table[slot] = index;
    if (size * 2L > table.length) {
      rehash();
    }
    return index;
  }

  private void rehash() {
    if (table.length >= MAX_CAPACITY) {
      throw new StoreFullException("state table is full at " + size + " states");
    }
    int[] old = table;
    table = new int[old.length * 2];
    Arrays.fill(table, EMPTY);
    mask = table.length - 1;
    for (int idx : old) {
      if (idx != EMPTY) {
        int slot = hash(states, idx * words, words) & mask;
        while (table[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        table[slot] = idx;
      }
    }
  }

  @Override
  public void get(int index, long[] out) {
    System.arraycopy(states, index * words, out, 0, words);
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public long bytesUsed() {
    return (long) states.length * Long.BYTES + (long) table.length * Integer.BYTES;
  }
}
