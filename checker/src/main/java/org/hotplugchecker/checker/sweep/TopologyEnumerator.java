package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists one representative ({@link CanonicalTopology}) of every class of valid machine
 * shapes within {@link SweepBounds}: 1..N nodes; on each node 0..C CPUs and 0..B blocks,
 * each fixed, removable or added later; CPU 0 present at boot; default distances.
 *
 * <p>It builds every shape in representative layout (CPU 0, other boot CPUs sorted, later
 * CPUs in every distinct order, blocks sorted) and keeps those that are the smallest of
 * their class, so each class comes out exactly once without a global set.
 */
public final class TopologyEnumerator {
  private static final int KINDS = CanonicalTopology.Presence.values().length;
  private static final int FIXED = CanonicalTopology.Presence.FIXED.ordinal();
  private static final int REMOVABLE = CanonicalTopology.Presence.REMOVABLE.ordinal();
  private static final int ADDED = CanonicalTopology.Presence.ADDED.ordinal();

  private final SweepBounds bounds;

  public TopologyEnumerator(SweepBounds bounds) {
    this.bounds = bounds;
  }

  /** Every class within the bounds, smallest first ({@link CanonicalTopology#compareTo}). */
  public List<CanonicalTopology> classes() {
    List<CanonicalTopology> out = new ArrayList<>();
    for (int nodes = 1; nodes <= bounds.maxNodes(); nodes++) {
      List<int[][]> cpuCounts = perNodeCounts(nodes, bounds.maxCpusPerNode());
      List<int[][]> blockCounts = perNodeCounts(nodes, bounds.maxBlocksPerNode());
      emit(nodes, cpuCounts, blockCounts, -1, out);
    }
    Collections.sort(out);
    return out;
  }

  /**
   * Every class of one machine shape ({@link ShapeGroup}), smallest first: the classes
   * with {@code nodes} nodes, CPU 0 on {@code cpuHomes[0]} and, on each node, as many CPUs
   * and blocks as {@code cpuHomes} and {@code blockHomes} name it. They are exactly the
   * members that {@link ShapeGroup#of} gives that shape from a whole class list, in the same
   * order, so a worker can rebuild a shape from its key without the sweep's class list.
   */
  public static List<CanonicalTopology> membersOf(int nodes, int[] cpuHomes,
      int[] blockHomes) {
    if (cpuHomes.length == 0) {
      throw new IllegalArgumentException("a machine shape has CPU 0");
    }
    List<CanonicalTopology> out = new ArrayList<>();
    emit(nodes, splits(totals(nodes, cpuHomes)), splits(totals(nodes, blockHomes)),
        cpuHomes[0], out);
    Collections.sort(out);
    return out;
  }

  private static void emit(int nodes, List<int[][]> cpuCounts, List<int[][]> blockCounts,
      int cpu0Home, List<CanonicalTopology> out) {
    for (int[][] cpuCount : cpuCounts) {
      for (int[][] blockCount : blockCounts) {
        int[] blocks = sortedCodes(blockCount, -1, -1);
        emitCpuLayouts(nodes, cpuCount, blocks, cpu0Home, out);
      }
    }
  }

  private static int[] totals(int nodes, int[] homes) {
    int[] t = new int[nodes];
    for (int h : homes) {
      if (h < 0 || h >= nodes) {
        throw new IllegalArgumentException("home node " + h + " outside 0.." + (nodes - 1));
      }
      t[h]++;
    }
    return t;
  }

  /** Every way to split each node's total into fixed, removable and added components. */
  private static List<int[][]> splits(int[] totals) {
    List<List<int[]>> perNode = new ArrayList<>();
    for (int total : totals) {
      List<int[]> choices = new ArrayList<>();
      for (int f = 0; f <= total; f++) {
        for (int r = 0; f + r <= total; r++) {
          int[] c = new int[KINDS];
          c[FIXED] = f;
          c[REMOVABLE] = r;
          c[ADDED] = total - f - r;
          choices.add(c);
        }
      }
      perNode.add(choices);
    }
    List<int[][]> out = new ArrayList<>();
    product(new int[totals.length][], 0, perNode, out);
    return out;
  }

  /** Every way to pick, per node, how many components of each presence (sum <= max). */
  private static List<int[][]> perNodeCounts(int nodes, int max) {
    List<int[]> perNode = new ArrayList<>();
    for (int f = 0; f <= max; f++) {
      for (int r = 0; f + r <= max; r++) {
        for (int a = 0; f + r + a <= max; a++) {
          int[] c = new int[KINDS];
          c[FIXED] = f;
          c[REMOVABLE] = r;
          c[ADDED] = a;
          perNode.add(c);
        }
      }
    }
    List<int[][]> out = new ArrayList<>();
    product(new int[nodes][], 0, Collections.nCopies(nodes, perNode), out);
    return out;
  }

  private static void product(int[][] partial, int node, List<List<int[]>> choices,
      List<int[][]> out) {
    if (node == partial.length) {
      out.add(partial.clone());
      return;
    }
    for (int[] c : choices.get(node)) {
      partial[node] = c;
      product(partial, node + 1, choices, out);
    }
  }

  /** Codes of all components in (home, presence) order, leaving out one (home, kind). */
  private static int[] sortedCodes(int[][] counts, int skipHome, int skipKind) {
    List<Integer> codes = new ArrayList<>();
    for (int home = 0; home < counts.length; home++) {
      for (int kind = 0; kind < KINDS; kind++) {
        int n = counts[home][kind] - (home == skipHome && kind == skipKind ? 1 : 0);
        for (int i = 0; i < n; i++) {
          codes.add(home * KINDS + kind);
        }
      }
    }
    return codes.stream().mapToInt(Integer::intValue).toArray();
  }

  /** CPU layouts with CPU 0 on {@code cpu0Home} (any node if negative). */
  private static void emitCpuLayouts(int nodes, int[][] cpuCount, int[] blocks, int cpu0Home,
      List<CanonicalTopology> out) {
    int[] late = new int[nodes];
    int lateTotal = 0;
    for (int n = 0; n < nodes; n++) {
      late[n] = cpuCount[n][ADDED];
      lateTotal += late[n];
    }
    for (int home = 0; home < nodes; home++) {
      if (cpu0Home >= 0 && home != cpu0Home) {
        continue;
      }
      for (int kind : new int[] {FIXED, REMOVABLE}) {
        if (cpuCount[home][kind] == 0) {
          continue;
        }
        int[][] bootOnly = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
          bootOnly[n] = cpuCount[n].clone();
          bootOnly[n][ADDED] = 0;
        }
        int[] otherBoot = sortedCodes(bootOnly, home, kind);
        int[] cpus = new int[1 + otherBoot.length + lateTotal];
        cpus[0] = home * KINDS + kind;
        System.arraycopy(otherBoot, 0, cpus, 1, otherBoot.length);
        lateOrders(nodes, cpus, 1 + otherBoot.length, late.clone(), blocks, out);
      }
    }
  }

  /** Fills CPUs {@code at..} with every distinct order of the remaining late homes. */
  private static void lateOrders(int nodes, int[] cpus, int at, int[] remaining, int[] blocks,
      List<CanonicalTopology> out) {
    if (at == cpus.length) {
      if (CanonicalTopology.isCanonical(nodes, cpus, blocks)) {
        out.add(CanonicalTopology.ofRepresentative(nodes, cpus, blocks));
      }
      return;
    }
    for (int home = 0; home < nodes; home++) {
      if (remaining[home] == 0) {
        continue;
      }
      remaining[home]--;
      cpus[at] = home * KINDS + ADDED;
      lateOrders(nodes, cpus, at + 1, remaining, blocks, out);
      remaining[home]++;
    }
  }
}
