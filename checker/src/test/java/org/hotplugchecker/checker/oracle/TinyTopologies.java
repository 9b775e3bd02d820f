package org.hotplugchecker.checker.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * Every valid topology with at most 2 nodes, 2 CPUs and 2 blocks, on every kernel and arch,
 * with and without {@code add_memory_fails}; two-node shapes once per given distance matrix.
 */
final class TinyTopologies {
  /**
   * Two-node distance matrices to enumerate. With ACPI SLIT's rules (10 on the diagonal,
   * 11..255 elsewhere) a node is always its own nearest, so these differ only in the
   * numbers; they check that nothing depends on symmetry or on the remote value.
   */
  enum TwoNodeDistance {
    /** The default matrix (10 local, 20 remote). */
    DEFAULT,
    /** Asymmetric: node 0 sees node 1 at 11, node 1 sees node 0 at 255. */
    ASYMMETRIC,
    /** Both remote distances at the largest value SLIT allows. */
    FAR;

    /** A fresh matrix, {@code null} for the default. */
    int[][] matrix() {
      return switch (this) {
        case DEFAULT -> null;
        case ASYMMETRIC -> new int[][] {{10, 11}, {255, 10}};
        case FAR -> new int[][] {{10, 255}, {255, 10}};
      };
    }
  }

  private TinyTopologies() {}

  /**
   * How many topologies {@link #all} returns for {@code matrices} two-node distance
   * matrices: 104 one-node shapes plus 1204 two-node shapes per matrix, times 6 kernels x
   * 2 arches x 2 fault settings.
   */
  static int count(int matrices) {
    return (104 + 1204 * matrices) * 24;
  }

  /** One-node shapes with the default distance, two-node shapes with each given matrix. */
  static List<Topology> all(TwoNodeDistance... twoNodeDistances) {
    List<Topology> out = new ArrayList<>();
    for (int nodes = 1; nodes <= 2; nodes++) {
      List<int[][]> distances = new ArrayList<>();
      if (nodes == 1) {
        distances.add(TwoNodeDistance.DEFAULT.matrix());
      } else {
        for (TwoNodeDistance d : twoNodeDistances) {
          distances.add(d.matrix());
        }
      }
      List<List<Component>> cpuLists = componentLists(nodes, 1, 2, true);
      List<List<Component>> blockLists = componentLists(nodes, 0, 2, false);
      for (int[][] d : distances) {
        for (List<Component> cpus : cpuLists) {
          for (List<Component> blocks : blockLists) {
            for (Arch arch : Arch.values()) {
              for (KernelVariant kernel : KernelVariant.values()) {
                for (boolean fault : new boolean[] {false, true}) {
                  out.add(Topology.of(arch, kernel, nodes, d, cpus, blocks,
                      fault ? Set.of(Fault.ADD_MEMORY_FAILS) : Set.of()));
                }
              }
            }
          }
        }
      }
    }
    return out;
  }

  /** All lists of {@code min..max} valid components; with {@code firstBoot} the first is boot. */
  private static List<List<Component>> componentLists(int nodes, int min, int max,
      boolean firstBoot) {
    List<List<Component>> out = new ArrayList<>();
    for (int size = min; size <= max; size++) {
      extend(new ArrayList<>(), size, nodes, firstBoot, out);
    }
    return out;
  }

  private static void extend(List<Component> prefix, int size, int nodes, boolean firstBoot,
      List<List<Component>> out) {
    if (prefix.size() == size) {
      out.add(List.copyOf(prefix));
      return;
    }
    for (int home = 0; home < nodes; home++) {
      for (Component c : List.of(new Component(home, true, false),
          new Component(home, true, true), new Component(home, false, true))) {
        if (firstBoot && prefix.isEmpty() && !c.boot()) {
          continue;
        }
        prefix.add(c);
        extend(prefix, size, nodes, firstBoot, out);
        prefix.remove(prefix.size() - 1);
      }
    }
  }
}
