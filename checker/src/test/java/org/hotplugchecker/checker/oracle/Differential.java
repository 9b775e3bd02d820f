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

/**
 * Runs the oracle and the explicit engine on one topology and describes any difference:
 * in the counts, in the verdicts and counterexample lengths, and in the counterexamples
 * themselves ({@link OracleTraces}).
 */
final class Differential {
  private Differential() {}

  /** Empty when both agree; otherwise what differs, followed by the topology as a spec. */
  static Optional<String> mismatch(Topology topo) {
    return mismatch(topo, Map.of());
  }

  /** {@link #mismatch(Topology)} with user invariants (name to expression) checked too. */
  static Optional<String> mismatch(Topology topo, Map<String, String> userInvariants) {
    Map<String, org.hotplugchecker.model.rules.Expr> parsed = new LinkedHashMap<>();
    List<org.hotplugchecker.model.rules.PropertyRule> props = new ArrayList<>(
        org.hotplugchecker.model.rules.HotplugRules.RULES.properties());
    userInvariants.forEach((name, source) -> {
      try {
        org.hotplugchecker.model.rules.Expr e = org.hotplugchecker.model.rules.lang
            .InvariantParser.parse(org.hotplugchecker.model.rules.HotplugRules.RULES, source);
        parsed.put(name, e);
        props.add(new org.hotplugchecker.model.rules.PropertyRule.Invariant(name, source, e,
            source));
      } catch (org.hotplugchecker.model.rules.lang.InvariantException x) {
        throw new IllegalArgumentException(name + ": " + x.getMessage());
      }
    });
    OracleExplorer.Result oracle = OracleExplorer.explore(topo, parsed);
    HotplugModel model = HotplugModel.checking(topo, props);
    CheckResult engine = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
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
    diffs.addAll(OracleTraces.problems(topo, model, engine,
        OracleExplorer.invariants(topo, parsed)));
    if (diffs.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder inv = new StringBuilder(userInvariants.isEmpty() ? "" : "invariants:\n");
    userInvariants.forEach((n, src) -> inv.append("  ").append(n).append(": \"")
        .append(src.replace("\n", " ")).append("\"\n"));
    return Optional.of(String.join("\n", diffs) + "\n--- spec ---\n" + SpecWriter.of(topo)
        + inv);
  }
}
