package org.hotplugchecker.checker.explicit;

/**
 * The set of visited states with their BFS indices. States are assigned consecutive
 * indices in insertion order, so a BFS level is an index range.
 *
 * <p>Lookups may run concurrently with each other, but not with inserts: the explorer
 * alternates a parallel expansion phase (lookups only) with a sequential merge phase.
 */
public interface StateStore {
  /**
   * Inserts {@code state} unless present.
   *
   * @return the new index (≥ 0) if inserted, or {@code -(existing index) - 1}
   */
  int addIfAbsent(long[] state, int offset);

  /** Whether {@code state} (at {@code offset} in the array) is stored. */
  boolean contains(long[] state, int offset);

  /** Copies the state with {@code index} into {@code out}. */
  void get(int index, long[] out);

  /** Number of stored states. */
  int size();

  /** Bytes used by the store, table overhead included. */
  long bytesUsed();
}
