package org.hotplugchecker.checker.explicit.symmetry;

import java.util.Arrays;

/**
 * The node renamings of a group arranged as a trie by the node each sends to position 0,
 * 1, ... (σ⁻¹(0), σ⁻¹(1), ...), so that the renamings giving the smallest colour sequence
 * are found level by level, keeping only the branches at the least colour, instead of
 * comparing every renaming's sequence (120 on six nodes, for every successor).
 *
 * <p>Made once per group; {@link #smallest} keeps its scratch space, so each thread has its
 * own.
 */
final class ColourTrie {
  private final int nodes;
  // Trie node t's children are first[t] .. first[t + 1] - 1 of childNode/childId; a child
  // id at depth `nodes` is a leaf, whose renaming is leaf[id].
  private final int[] first;
  private final int[] childNode;
  private final int[] childId;
  private final int[] leaf;
  private int[] level;
  private int[] next;

  ColourTrie(RenamingGroup group) {
    this.nodes = group.nodes();
    int renamings = group.renamings();
    Integer[] order = new Integer[renamings];
    Arrays.setAll(order, p -> p);
    // Renamings in lexicographic order of their σ⁻¹: each trie node's renamings are then
    // a contiguous run, split by the next position's node.
    Arrays.sort(order, (p, q) -> Arrays.compare(group.sigmaInverse(p), group.sigmaInverse(q)));
    int[][] inv = new int[renamings][];
    for (int k = 0; k < renamings; k++) {
      inv[k] = group.sigmaInverse(order[k]);
    }
    int most = renamings * (nodes + 1) + 1;
    int[] firstOf = new int[most + 1];
    int[] cn = new int[most];
    int[] ci = new int[most];
    int[] leaves = new int[most];
    // Breadth first: runs [from, to) of the sorted renamings, one per trie node.
    int[] runFrom = {0};
    int[] runTo = {renamings};
    int ids = 1;
    int edges = 0;
    int t = 0;
    for (int depth = 0; depth < nodes; depth++) {
      int[] nextFrom = new int[renamings];
      int[] nextTo = new int[renamings];
      int runs = 0;
      for (int r = 0; r < runFrom.length; r++, t++) {
        firstOf[t] = edges;
        for (int k = runFrom[r]; k < runTo[r]; ) {
          int v = inv[k][depth];
          int end = k;
          while (end < runTo[r] && inv[end][depth] == v) {
            end++;
          }
          cn[edges] = v;
          ci[edges++] = ids++;
          if (depth == nodes - 1) {
            leaves[ids - 1] = order[k]; // distinct renamings: one per full path
          }
          nextFrom[runs] = k;
          nextTo[runs++] = end;
          k = end;
        }
      }
      runFrom = Arrays.copyOf(nextFrom, runs);
      runTo = Arrays.copyOf(nextTo, runs);
    }
    firstOf[t] = edges;
    this.first = Arrays.copyOf(firstOf, t + 1);
    this.childNode = Arrays.copyOf(cn, edges);
    this.childId = Arrays.copyOf(ci, edges);
    this.leaf = Arrays.copyOf(leaves, ids);
    this.level = new int[renamings];
    this.next = new int[renamings];
  }

  /** A copy with scratch space of its own, for another thread. */
  ColourTrie(ColourTrie shared) {
    this.nodes = shared.nodes;
    this.first = shared.first;
    this.childNode = shared.childNode;
    this.childId = shared.childId;
    this.leaf = shared.leaf;
    this.level = new int[shared.level.length];
    this.next = new int[shared.next.length];
  }

  /**
   * Writes into {@code out} the renamings whose colour sequence ({@code colour[σ⁻¹(j)]}
   * for j = 0, 1, ...) is the smallest, and returns how many there are.
   */
  int smallest(long[] colour, int[] out) {
    int count = 1;
    level[0] = 0;
    for (int depth = 0; depth < nodes; depth++) {
      long least = Long.MAX_VALUE;
      boolean any = false;
      for (int k = 0; k < count; k++) {
        int t = level[k];
        for (int c = first[t]; c < first[t + 1]; c++) {
          long x = colour[childNode[c]];
          if (!any || x < least) {
            least = x;
            any = true;
          }
        }
      }
      int n = 0;
      for (int k = 0; k < count; k++) {
        int t = level[k];
        for (int c = first[t]; c < first[t + 1]; c++) {
          if (colour[childNode[c]] == least) {
            next[n++] = childId[c];
          }
        }
      }
      int[] swap = level;
      level = next;
      next = swap;
      count = n;
    }
    for (int k = 0; k < count; k++) {
      out[k] = leaf[level[k]];
    }
    return count;
  }
}
