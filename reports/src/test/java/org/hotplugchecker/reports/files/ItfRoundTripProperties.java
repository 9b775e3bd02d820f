package org.hotplugchecker.reports.files;

import java.io.IOException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.reports.CheckRun;

class ItfRoundTripProperties {
  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.topologies(2, 3, 2);
  }

  @Property(tries = 60)
  void everyCounterexampleRoundTrips(@ForAll("topologies") Topology t) throws IOException {
    CheckRun run = Runs.run("random", t);
    for (Trace trace : run.traces().values()) {
      ItfRoundTripTest.assertRoundTrip(run, trace);
    }
  }
}
