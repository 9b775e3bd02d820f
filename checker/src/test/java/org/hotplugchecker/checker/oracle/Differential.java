package org.hotplugchecker.checker.oracle;

import org.hotplugchecker.model.spec.SpecWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Topology;

/** Runs the oracle and the explicit engine on one topology and describes any difference. */
final class Differential {
  private Differential() {}

  /** Empty when both agree; otherwise what differs, followed by the topology as a spec. */
  static Optional<String> mismatch(Topology topo) {
    OracleExplorer.Result oracle = OracleExplorer.explore(topo);
    CheckResult engine = new ExplicitExplorer().explore(new HotplugModel(topo),
        ExplorerOptions.defaults());
    Map<String, String> engineVerdicts = new LinkedHashMap<>();
    engine.properties().forEach(p ->
        engineVerdicts.put(p.property().name(), ReferenceCases.referenceNotation(p)));
    List<String> diffs = new ArrayList<>();
    if (!engine.complete()) {
      diffs.add("engine did not complete: " + engine.stopReason().orElse("?"));
    }
    if (oracle.states() != engine.states()) {
      diffs.add("states: oracle " + oracle.states() + ", engine " + engine.states());
    }
    if (oracle.transitions() != engine.transitions()) {
      diffs.add("transitions: oracle " + oracle.transitions() + ", engine "
          + engine.transitions());
    }
    if (!oracle.verdicts().keySet().equals(engineVerdicts.keySet())) {
      diffs.add("properties: oracle " + oracle.verdicts().keySet() + ", engine "
          + engineVerdicts.keySet());
    }
    oracle.verdicts().forEach((name, verdict) -> {
      String other = engineVerdicts.get(name);
      if (other != null && !other.equals(verdict)) {
        diffs.add(name + ": oracle " + verdict + ", engine " + other);
      }
    });
    if (diffs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join("\n", diffs) + "\n--- spec ---\n" + SpecWriter.of(topo));
  }
}
