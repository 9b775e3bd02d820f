package org.hotplugchecker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;

class BuildVerdictProperties {
  private static final org.hotplugchecker.checker.EngineConfig ENGINE = BuildVerdictTest.ENGINE;

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.topologies(2, 3, 2);
  }

  /** The build fails exactly when some property is not as expected, and names each one. */
  @Property(tries = 50)
  void failureMessageListsExactlyTheUnexpected(@ForAll("topologies") Topology t) {
    Spec spec = new Spec(Path.of("r.yaml"), "r", "", t, org.hotplugchecker.model.rules.HotplugRules.RULES.properties(),
        java.util.Map.of());
    CheckRun run = CheckRun.check(spec, ts -> ENGINE.run(ts, org.hotplugchecker.checker.Progress.NONE));
    String msg = BuildVerdict.failureMessage(List.of(run), "x");
    assertEquals(run.failures().isEmpty(), msg.isEmpty());
    for (PropertyOutcome o : run.outcomes()) {
      assertEquals(o.failed(), msg.contains("property '" + o.name() + "'"), o.name());
    }
  }
}
