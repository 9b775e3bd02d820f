package org.hotplugchecker.checker.sweep;

/**
 * How large the swept topologies may be: 1..{@code maxNodes} possible nodes, and on
 * each node 0..{@code maxCpusPerNode} possible CPUs and 0..{@code maxBlocksPerNode}
 * memory blocks (at least one CPU in total, CPU 0 boot).
 *
 * @param maxNodes largest number of possible nodes, at least 1
 * @param maxCpusPerNode most CPUs whose firmware node is any one node, at least 1
 * @param maxBlocksPerNode most memory blocks whose firmware node is any one node
 */
public record SweepBounds(int maxNodes, int maxCpusPerNode, int maxBlocksPerNode) {
  /** The model's limit on nodes, CPUs and blocks ({@code Topology}). */
  public static final int MODEL_LIMIT = 16;

  /** Validates the bounds; the message names the offending option. */
  public SweepBounds {
    if (maxNodes < 1) {
      throw new IllegalArgumentException("--max-nodes must be at least 1, got " + maxNodes);
    }
    if (maxCpusPerNode < 1) {
      throw new IllegalArgumentException(
          "--max-cpus-per-node must be at least 1, got " + maxCpusPerNode);
    }
    if (maxBlocksPerNode < 0) {
      throw new IllegalArgumentException(
          "--max-blocks-per-node must not be negative, got " + maxBlocksPerNode);
    }
    if (maxNodes > MODEL_LIMIT) {
      throw new IllegalArgumentException(
          "--max-nodes must be at most " + MODEL_LIMIT + ", got " + maxNodes);
    }
    if ((long) maxNodes * maxCpusPerNode > MODEL_LIMIT) {
      throw new IllegalArgumentException("--max-nodes x --max-cpus-per-node must be at most "
          + MODEL_LIMIT + " CPUs, got " + (long) maxNodes * maxCpusPerNode);
    }
    if ((long) maxNodes * maxBlocksPerNode > MODEL_LIMIT) {
      throw new IllegalArgumentException("--max-nodes x --max-blocks-per-node must be at most "
          + MODEL_LIMIT + " blocks, got " + (long) maxNodes * maxBlocksPerNode);
    }
  }

  /** Whether a topology of this shape lies within the bounds. */
  public boolean contains(CanonicalTopology t) {
    if (t.nodes() > maxNodes) {
      return false;
    }
    for (int n = 0; n < t.nodes(); n++) {
      if (t.cpusOn(n) > maxCpusPerNode || t.blocksOn(n) > maxBlocksPerNode) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "nodes<=" + maxNodes + ", cpus/node<=" + maxCpusPerNode + ", blocks/node<="
        + maxBlocksPerNode;
  }
}
