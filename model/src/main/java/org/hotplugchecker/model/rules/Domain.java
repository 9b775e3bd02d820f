package org.hotplugchecker.model.rules;

/** An index set of the topology: what a state variable is indexed by, or a variable ranges over. */
public enum Domain {
  /** The possible nodes {@code 0..N-1}. */
  NODES("nodes"),
  /** The possible CPUs {@code 0..C-1}. */
  CPUS("cpus"),
  /** The memory blocks {@code 0..M-1}. */
  BLOCKS("blocks");

  private final String keyword;

  Domain(String keyword) {
    this.keyword = keyword;
  }

  /** The word the invariant language uses for it ({@code forall c in cpus: ...}). */
  public String keyword() {
    return keyword;
  }

  @Override
  public String toString() {
    return keyword;
  }
}
