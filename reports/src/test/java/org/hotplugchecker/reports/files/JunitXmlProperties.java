package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.reports.CheckRun;
import org.w3c.dom.Document;

class JunitXmlProperties {
  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.topologies(2, 3, 2);
  }

  @Property(tries = 40)
  void everyRunGivesAValidReportWithOneFailurePerUnexpectedProperty(
      @ForAll("topologies") Topology t) throws Exception {
    CheckRun run = Runs.run("random", t);
    String xml = JunitXml.render(List.of(run));
    JunitXmlTest.validate(xml);
    Document doc = JunitXmlTest.parse(xml);
    assertEquals(run.outcomes().size(), doc.getElementsByTagName("testcase").getLength());
    assertEquals(run.failures().size(), doc.getElementsByTagName("failure").getLength());
  }
}
