package org.hotplugchecker.checker.explicit;

/**
 * The set of visited states. States get consecutive indices in insertion order, so a BFS
 * level is an index range.
 *
 * <p>Lookups may run concurrently with each other, but not with inserts: the explorer
 * alternates a parallel expansion phase (lookups only) with a merge phase (inserts only).
 * Callers compute {@link #hash} once and pass it to both.
 */
public interface StateStore {
  /** The store's hash of {@code state} (at {@code offset}); any fixed function of the words. */
  long hash(long[] state, int offset);

  /**
   * Inserts {@code state} unless present.
   *
   * @param hash {@link #hash} of the state
   * @return the new index (≥ 0) if inserted, or a negative number if already present
   *     ({@code -(existing index) - 1} when {@link #keepsStates()})
   * @throws MemoryLimitException if the store would need more heap than is left
   */
  int addIfAbsent(long[] state, int offset, long hash);

  /** Inserts {@code state} unless present; see {@link #addIfAbsent(long[], int, long)}. */
  default int addIfAbsent(long[] state, int offset) {
    return addIfAbsent(state, offset, hash(state, offset));
  }

  /** Whether {@code state} (at {@code offset}, with {@link #hash} {@code hash}) is stored. */
  boolean contains(long[] state, int offset, long hash);

  /** Whether {@code state} (at {@code offset} in the array) is stored. */
  default boolean contains(long[] state, int offset) {
    return contains(state, offset, hash(state, offset));
  }

  /**
   * Reads the table slots (and, where cheap, the stored states) that lookups of these
   * hashes will probe first, so that a batch of lookups overlaps its cache misses.
   * Changes nothing; the returned value is meaningless but must be consumed.
   */
  default long touch(long[] hashes, int n) {
    return 0;
  }

  /** Whether {@link #get} works: exact stores keep states, fingerprint stores do not. */
  boolean keepsStates();

  /**
   * Copies the state with {@code index} into {@code out}.
   *
   * @throws UnsupportedOperationException if the store does not keep states
   */
  void get(int index, long[] out);

  /** Number of stored states. */
  int size();

  /** Bytes used by the store, table overhead included. */
  long bytesUsed();
}
