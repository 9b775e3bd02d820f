package org.hotplugchecker.checker.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.checker.oracle.TinyTopologies.TwoNodeDistance;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Step-level differential test: in every reachable state the model's enabled actions,
 * successors, invariants and {@code alloc_local} transition verdicts equal the oracle's.
 */
class OracleStepDifferentialTest {

  @Property(tries = 500)
  void modelStepsAgreeWithOracleOnRandomTopologies(@ForAll("small") Topology topo) {
    StepDifferential.mismatch(topo).ifPresent(m -> fail("model and oracle disagree:\n" + m));
  }

  @Property(tries = 500)
  void modelStepsAgreeWithOracleOnUnusualDistances(
      @ForAll("unusualDistances") Topology topo) {
    StepDifferential.mismatch(topo).ifPresent(m -> fail("model and oracle disagree:\n" + m));
  }

  @Provide
  Arbitrary<Topology> small() {
    return TopologyArbitraries.topologies(4, 3, 3);
  }

  @Provide
  Arbitrary<Topology> unusualDistances() {
    return OracleTopologies.unusualDistances(4, 3, 3);
  }

  /**
   * Opt-in ({@code -Doracle.exhaustive=true}): about a minute on 2 cores, too slow for every
   * build; the count-level {@link OracleDifferentialTest} covers the same topologies always.
   */
  @Test
  @EnabledIfSystemProperty(named = "oracle.exhaustive", matches = "true")
  void modelStepsAgreeWithOracleOnEveryTinyTopology() {
    List<String> failures = new ArrayList<>();
    int checked = 0;
    for (Topology topo : TinyTopologies.all(TwoNodeDistance.DEFAULT,
        TwoNodeDistance.ASYMMETRIC, TwoNodeDistance.FAR)) {
      Optional<String> m = StepDifferential.mismatch(topo);
      checked++;
      if (m.isPresent() && failures.size() < 5) {
        failures.add(m.get());
      }
    }
    if (!failures.isEmpty()) {
      fail("model and oracle disagree (first " + failures.size() + " shown):\n\n"
          + String.join("\n\n", failures));
    }
    assertEquals(TinyTopologies.count(3), checked);
  }

  /**
   * Opt-in ({@code -Doracle.exhaustive=true}), about half a minute: larger machines (up to 5
   * nodes, 4 CPUs, 4 blocks) checked both step by step and on the explicit engine's numbers.
   */
  @Test
  @EnabledIfSystemProperty(named = "oracle.exhaustive", matches = "true")
  void modelAndEngineAgreeWithOracleOnLargerTopologies() {
    Stream.concat(TopologyArbitraries.topologies(5, 4, 4).sampleStream().limit(300),
        OracleTopologies.unusualDistances(5, 4, 4).sampleStream().limit(300)).forEach(topo -> {
          StepDifferential.mismatch(topo).ifPresent(m -> fail("model and oracle disagree:\n" + m));
          Differential.mismatch(topo).ifPresent(m -> fail("engine and oracle disagree:\n" + m));
        });
  }
}
