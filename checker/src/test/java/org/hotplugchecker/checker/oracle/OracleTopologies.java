package org.hotplugchecker.checker.oracle;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Topology;

/** Topology generators the shared {@link TopologyArbitraries} does not cover. */
final class OracleTopologies {
  private OracleTopologies() {}

  /**
   * Small topologies whose distance matrix is arbitrary within what {@link Topology} accepts
   * (ACPI SLIT: 10 on the diagonal, 11..255 elsewhere): off-diagonal entries in
   * {11, 12, 20, 255}, each drawn on its own, so ties between remote nodes are frequent and
   * the matrix is usually asymmetric (the allocator measures from the target).
   */
  static Arbitrary<Topology> unusualDistances(int maxNodes, int maxCpus, int maxBlocks) {
    return TopologyArbitraries.topologies(maxNodes, maxCpus, maxBlocks).flatMap(t ->
        Arbitraries.of(11, 12, 20, 255).list().ofSize(t.nodes() * t.nodes()).map(v -> {
          int n = t.nodes();
          int[][] d = new int[n][n];
          for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
              d[i][j] = i == j ? Topology.LOCAL_DISTANCE : v.get(i * n + j);
            }
          }
          return Topology.of(t.arch(), t.kernel(), n, d, t.cpus(), t.memory(), t.faults());
        }));
  }
}
