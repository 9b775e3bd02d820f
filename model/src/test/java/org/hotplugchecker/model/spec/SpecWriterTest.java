package org.hotplugchecker.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Topology;

class SpecWriterTest {
  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.small();
  }

  @Property(tries = 200)
  void writtenSpecLoadsBackToTheSameTopology(@ForAll("topologies") Topology t)
      throws SpecException {
    Spec back = new SpecLoader().parse(Path.of("written.yaml"), SpecWriter.of("w", t));
    assertEquals(t, back.topology());
    assertEquals("w", back.name());
  }
}
