package org.hotplugchecker.checker.explicit.symmetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Enumerates the node renamings σ of a group by backtracking: node {@code n} may only go
 * to a node {@code m} with the same signature (a necessary condition: it describes what
 * lives on the node relative to it, which a renaming keeps), never moves if it is fixed,
 * and must keep the plain-valued node-pair attributes (distances) with the nodes placed
 * so far; each complete σ is then checked exactly by {@code leaf}. Renamings come in
 * increasing lexicographic order, so the identity is first.
 */
final class NodeRenamings {
  /** At most this many node renamings are enumerated (7!); beyond, nodes stay fixed. */
  static final int MAX_NODE_PERMS = 5040;

  /**
   * The renamings found.
   *
   * @param perms σ as {@code perm[n] = σ(n)}, the identity first
   * @param capped whether there were more than {@link #MAX_NODE_PERMS}, so that only the
   *     identity is kept (a subgroup is always sound)
   */
  record Result(List<int[]> perms, boolean capped) {}

  private final int nodes;
  private final boolean[] fixed;
  private final String[] signature;
  private final List<int[][]> pairs;
  private final Predicate<int[]> leaf;
  private final List<int[]> found = new ArrayList<>();

  private NodeRenamings(int nodes, boolean[] fixed, String[] signature, List<int[][]> pairs,
      Predicate<int[]> leaf) {
    this.nodes = nodes;
    this.fixed = fixed;
    this.signature = signature;
    this.pairs = pairs;
    this.leaf = leaf;
  }

  /**
   * The renamings of {@code nodes} nodes that fix the {@code fixed} ones, keep
   * {@code signature} and every matrix of {@code plainPairs}, and satisfy {@code leaf}.
   */
  static Result find(int nodes, boolean[] fixed, String[] signature, List<int[][]> plainPairs,
      Predicate<int[]> leaf) {
    NodeRenamings search = new NodeRenamings(nodes, fixed, signature, plainPairs, leaf);
    boolean complete = search.extend(0, new int[nodes], new boolean[nodes]);
    if (!complete) {
      int[] id = new int[nodes];
      for (int n = 0; n < nodes; n++) {
        id[n] = n;
      }
      return new Result(List.of(id), true);
    }
    return new Result(List.copyOf(search.found), false);
  }

  private boolean extend(int n, int[] perm, boolean[] used) {
    if (n == nodes) {
      if (leaf.test(perm)) {
        found.add(perm.clone());
      }
      return found.size() <= MAX_NODE_PERMS;
    }
    for (int m = 0; m < nodes; m++) {
      if (used[m] || (fixed[n] || fixed[m]) && m != n || !signature[m].equals(signature[n])
          || !keepsPairs(n, m, perm)) {
        continue;
      }
      perm[n] = m;
      used[m] = true;
      boolean more = extend(n + 1, perm, used);
      used[m] = false;
      if (!more) {
        return false;
      }
    }
    return true;
  }

  /** Whether σ(n) = m keeps every pair matrix on the nodes placed so far (and n itself). */
  private boolean keepsPairs(int n, int m, int[] perm) {
    for (int[][] d : pairs) {
      if (d[m][m] != d[n][n]) {
        return false;
      }
      for (int j = 0; j < n; j++) {
        if (d[perm[j]][m] != d[j][n] || d[m][perm[j]] != d[n][j]) {
          return false;
        }
      }
    }
    return true;
  }
}
