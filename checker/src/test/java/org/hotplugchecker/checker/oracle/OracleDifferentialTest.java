package org.hotplugchecker.checker.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.checker.oracle.TinyTopologies.TwoNodeDistance;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * Differential test: the explicit engine running {@code HotplugModel} must give exactly the
 * clean-room oracle's states, transitions, verdicts and counterexample lengths, and
 * counterexamples the oracle replays, on random topologies (faults, random distances with
 * ties), on machines with hotplug to do, and on every tiny topology.
 */
class OracleDifferentialTest {

  @Property(tries = 400)
  void engineAgreesWithOracleOnRandomTopologies(@ForAll("small") Topology topo) {
    assertAgrees(topo);
  }

  /**
   * Distances the shared generator never makes: asymmetric matrices, ties between remote
   * nodes, and the extremes 11 and 255.
   */
  @Property(tries = 300)
  void engineAgreesWithOracleOnUnusualDistances(@ForAll("unusualDistances") Topology topo) {
    assertAgrees(topo);
  }

  /** Machines with CPU and memory hotplug to do (most small ones have a single CPU). */
  @Property(tries = 200)
  void engineAgreesWithOracleOnBusyMachines(@ForAll("busy") Topology topo) {
    assertAgrees(topo);
  }

  @Provide
  Arbitrary<Topology> busy() {
    return TopologyArbitraries.busy();
  }

  @Provide
  Arbitrary<Topology> small() {
    return TopologyArbitraries.small();
  }

  @Provide
  Arbitrary<Topology> unusualDistances() {
    return OracleTopologies.unusualDistances(3, 3, 3);
  }

  /**
   * Every topology with at most 2 nodes, 2 CPUs and 2 blocks, all kernels, arches, faults,
   * with the default and an asymmetric distance matrix (the step-level test adds one more).
   */
  @Test
  void engineAgreesWithOracleOnEveryTinyTopology() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Topology topo : TinyTopologies.all(TwoNodeDistance.DEFAULT,
        TwoNodeDistance.ASYMMETRIC)) {
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
    assertEquals(TinyTopologies.count(2), checked);
  }

  private static void assertAgrees(Topology topo) {
    Differential.mismatch(topo).ifPresent(m -> fail("engine and oracle disagree:\n" + m));
  }
}
