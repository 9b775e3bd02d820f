package org.hotplugchecker.checker.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.model.topology.Topology;

/** A mismatch report's spec loads back into the very topology that failed. */
class TopologyYamlTest {

  @Property(tries = 200)
  void specLoadsBackToTheSameTopology(@ForAll("topologies") Topology topo)
      throws SpecException {
    String yaml = TopologyYaml.of(topo);
    Topology loaded = new SpecLoader().parse(Path.of("oracle-mismatch.yaml"), yaml).topology();
    assertEquals(topo, loaded, yaml);
  }

  @Provide
  Arbitrary<Topology> topologies() {
    return OracleTopologies.unusualDistances(4, 3, 3);
  }
}
