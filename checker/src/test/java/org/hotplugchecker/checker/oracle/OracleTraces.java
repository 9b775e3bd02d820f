package org.hotplugchecker.checker.oracle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Topology;

/**
 * Replays the engine's counterexamples in the oracle, the traces users read: each starts
 * in MODEL.md's boot state, each step is an action MODEL.md enables there and leads to the
 * next state of the trace, and the last state (or, for {@code alloc_local}, the last step)
 * violates the property. The verdict comparison checks only their lengths.
 */
final class OracleTraces {
  private OracleTraces() {}

  /** What is wrong with the counterexamples of {@code engine}, one line each. */
  static List<String> problems(Topology topo, HotplugModel model, CheckResult engine,
      Map<String, Predicate<OracleState>> invariants) {
    OracleKernel kernel = new OracleKernel(topo);
    Map<String, OracleKernel.Action> byLabel = new LinkedHashMap<>();
    kernel.actions().forEach(a -> byLabel.put(a.toString(), a));
    List<String> problems = new java.util.ArrayList<>();
    for (PropertyResult p : engine.properties()) {
      p.counterexample().flatMap(cex -> problem(topo, model, kernel, byLabel, cex,
          p.property().name(), invariants.get(p.property().name())))
          .ifPresent(why -> problems.add("trace of " + p.property().name() + ": " + why));
    }
    return problems;
  }

  /** The first thing wrong with {@code cex}, a counterexample of {@code property}. */
  private static Optional<String> problem(Topology topo, HotplugModel model,
      OracleKernel kernel, Map<String, OracleKernel.Action> byLabel, Counterexample cex,
      String property, Predicate<OracleState> invariant) {
    if (cex.states().size() != cex.actions().size() + 1) {
      return Optional.of(cex.states().size() + " states for " + cex.actions().size()
          + " steps");
    }
    OracleState s = kernel.boot();
    if (!StepDifferential.decode(topo, model, cex.states().get(0)).equals(s)) {
      return Optional.of("does not start in the boot state " + s);
    }
    OracleKernel.Step last = null;
    for (int k = 0; k < cex.actions().size(); k++) {
      String label = model.actionLabel(cex.actions().get(k));
      OracleKernel.Action action = byLabel.get(label);
      Optional<OracleKernel.Step> step = action == null ? Optional.empty()
          : kernel.apply(s, action);
      if (step.isEmpty()) {
        return Optional.of("step " + (k + 1) + ", " + label + ", is not enabled per MODEL.md"
            + " in " + s);
      }
      last = step.get();
      s = last.next();
      OracleState shown = StepDifferential.decode(topo, model, cex.states().get(k + 1));
      if (!shown.equals(s)) {
        return Optional.of("after step " + (k + 1) + ", " + label + ", it shows " + shown
            + " where MODEL.md reaches " + s);
      }
    }
    if (property.equals(OracleExplorer.ALLOC_LOCAL)) {
      if (last == null || !last.allocChecked() || last.allocLocal()) {
        return Optional.of("its last step is not a non-local allocation");
      }
    } else if (invariant == null) {
      return Optional.of("the oracle has no invariant of that name");
    } else if (invariant.test(s)) {
      return Optional.of("it ends in " + s + ", where the invariant holds");
    }
    return Optional.empty();
  }
}
