package org.hotplugchecker.checker.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the explicit engine running {@code HotplugModel} must give exactly the
 * clean-room oracle's states, transitions, verdicts and counterexample lengths, on random
 * topologies (faults, random distances with ties) and on every tiny topology.
 */
class OracleDifferentialTest {

  @Property(tries = 400)
  void engineAgreesWithOracleOnRandomTopologies(@ForAll("small") Topology topo) {
    assertAgrees(topo);
  }

  /**
   * Distances the shared generator never makes: remote nodes nearer than or tied with the
   * local one, zero distances, and asymmetric matrices.
   */
  @Property(tries = 150)
  void engineAgreesWithOracleOnUnusualDistances(@ForAll("unusualDistances") Topology topo) {
    assertAgrees(topo);
  }

  @Provide
  Arbitrary<Topology> small() {
    return TopologyArbitraries.small();
  }

  @Provide
  Arbitrary<Topology> unusualDistances() {
    return TopologyArbitraries.topologies(3, 3, 3).flatMap(t ->
        Arbitraries.integers().between(0, 3).list().ofSize(t.nodes() * t.nodes()).map(v -> {
          int n = t.nodes();
          int[][] d = new int[n][n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              d[i][j] = 10 * v.get(i * n + j);
            }
          }
          return Topology.of(t.arch(), t.kernel(), n, d, t.cpus(), t.memory(), t.faults());
        }));
  }

  /** Every topology with at most 2 nodes, 2 CPUs and 2 blocks, all kernels, arches, faults. */
  @Test
  void engineAgreesWithOracleOnEveryTinyTopology() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Topology topo : tinyTopologies()) {
      Optional<String> m = Differential.mismatch(topo);
      checked++;
      if (m.isPresent() && failures.size() < 5) {
        failures.add(m.get());
      }
    }
    if (!failures.isEmpty()) {
      fail("engine and oracle disagree (first " + failures.size() + " shown):\n\n"
          + String.join("\n\n", failures));
    }
    // 1308 shapes (default distance) + their 2-node variants with tied / inverted
    // distances, each on 6 kernels x 2 arches x {no fault, add_memory_fails}.
    assertEquals((1308 + 2 * 1204) * 24, checked);
  }

  private static void assertAgrees(Topology topo) {
    Differential.mismatch(topo).ifPresent(m -> fail("engine and oracle disagree:\n" + m));
  }

  private static List<Topology> tinyTopologies() {
    List<Component> options = new ArrayList<>();
    List<Topology> out = new ArrayList<>();
    for (int nodes = 1; nodes <= 2; nodes++) {
      List<int[][]> distances = new ArrayList<>();
      distances.add(null);
      if (nodes == 2) {
        distances.add(new int[][] {{10, 10}, {10, 10}}); // ties everywhere: lower index wins
        distances.add(new int[][] {{10, 5}, {5, 10}}); // the remote node is nearer
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
    options.clear();
    return out;
  }

  /** All lists of {@code min..max} valid components; the first CPU is always boot. */
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
