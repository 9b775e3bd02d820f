package org.hotplugchecker.reports.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceExplainer;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * One checked spec, as the reports see it: the spec, what the engine found and the
 * explained counterexample of every violated property.
 *
 * @param spec the spec that was checked
 * @param result the engine's result for it
 * @param traces explained counterexamples by property name (violated properties only)
 */
public record SpecRun(Spec spec, CheckResult result, Map<String, Trace> traces) {

  /** Copies {@code traces} so a run cannot change after it was built. */
  public SpecRun {
    traces = Map.copyOf(traces);
  }

  /**
   * Builds the run of {@code spec}, explaining every counterexample of {@code result} on
   * {@code ts}, the transition system the engine explored.
   */
  public static SpecRun explain(Spec spec, CheckResult result, TransitionSystem ts) {
    TraceExplainer explainer = new TraceExplainer(ts);
    Map<String, Trace> traces = new LinkedHashMap<>();
    for (PropertyResult p : result.properties()) {
      p.counterexample().ifPresent(cex ->
          traces.put(p.property().name(), explainer.explain(p.property().name(), cex)));
    }
    return new SpecRun(spec, result, traces);
  }

  /** The explained counterexample of {@code property}, if it was violated. */
  public Optional<Trace> trace(String property) {
    return Optional.ofNullable(traces.get(property));
  }

  /** Each property's outcome against the spec's expectations, in reporting order. */
  public List<Outcome> outcomes() {
    List<Outcome> out = new ArrayList<>();
    for (PropertyResult p : result.properties()) {
      out.add(Outcome.of(p, Optional.ofNullable(spec.expect().get(p.property().name()))));
    }
    return out;
  }

  /** The outcomes that are not as the spec expects. */
  public List<Outcome> unexpected() {
    return outcomes().stream().filter(o -> !o.asExpected()).toList();
  }
}
