package org.hotplugchecker.checker.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.model.topology.Topology;

/** The spec printed on a disagreement loads back into the topology that disagreed. */
class SpecYamlTest {

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.small();
  }

  @Property(tries = 100)
  void printedSpecLoadsBack(@ForAll("topologies") Topology topology) throws SpecException {
    String yaml = SpecYaml.of(topology);
    Topology loaded = new SpecLoader().parse(Path.of("symbolic-mismatch.yaml"), yaml).topology();
    assertEquals(topology, loaded, yaml);
  }
}
