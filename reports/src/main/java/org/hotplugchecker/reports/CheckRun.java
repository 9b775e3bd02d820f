package org.hotplugchecker.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceExplainer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * One spec checked by one engine: the input, the engine's result and every
 * counterexample explained as a {@link Trace}. This is what every front end (command
 * line, Maven plugin) builds and every renderer (terminal, JSON, report files) consumes;
 * whether a property is as expected is decided in one place, {@link PropertyOutcome}.
 *
 * @param spec the checked spec
 * @param result what the engine found
 * @param traces explained counterexamples by property name (violated properties only)
 */
public record CheckRun(Spec spec, CheckResult result, Map<String, Trace> traces) {

  /** Copies {@code traces} so a run cannot change after it was built. */
  public CheckRun {
    traces = Map.copyOf(traces);
  }

  /**
   * Checks {@code spec}: builds the hotplug model of its topology and properties, runs
   * {@code engine} on it and explains the counterexamples.
   */
  public static CheckRun check(Spec spec, Function<TransitionSystem, CheckResult> engine) {
    HotplugModel model = HotplugModel.checking(spec.topology(), spec.properties());
    return explain(spec, model, engine.apply(model));
  }

  /** Explains every counterexample of {@code result}, a run of {@code ts} built from {@code spec}. */
  public static CheckRun explain(Spec spec, TransitionSystem ts, CheckResult result) {
    TraceExplainer explainer = new TraceExplainer(ts);
    Map<String, Trace> traces = new LinkedHashMap<>();
    for (PropertyResult p : result.properties()) {
      p.counterexample().ifPresent(cex ->
          traces.put(p.property().name(), explainer.explain(p.property().name(), cex)));
    }
    return new CheckRun(spec, result, traces);
  }

  /** The explained counterexample of {@code property}, if it was violated. */
  public Optional<Trace> trace(String property) {
    return Optional.ofNullable(traces.get(property));
  }

  /** Every checked property judged against the spec, in reporting order. */
  public List<PropertyOutcome> outcomes() {
    List<PropertyOutcome> out = new ArrayList<>();
    for (PropertyResult p : result.properties()) {
      String name = p.property().name();
      out.add(new PropertyOutcome(name, p.verdict(), p.length(), p.detail(),
          Optional.ofNullable(spec.expect().get(name)), Optional.ofNullable(traces.get(name))));
    }
    return out;
  }

  /** The outcomes that definitely contradict the spec ({@link PropertyOutcome#failed}). */
  public List<PropertyOutcome> failures() {
    return outcomes().stream().filter(PropertyOutcome::failed).toList();
  }

  /**
   * How the run ended: {@link RunStatus#FAILED} when any outcome fails, else
   * {@link RunStatus#INCOMPLETE} when an expected property is undecided
   * ({@link PropertyOutcome#undecidedExpectation}) or a resource limit left a property
   * undecided, else {@link RunStatus#PASSED} (undecided properties the spec expects
   * nothing of, after a requested early stop such as {@code --stop-at-first} or a
   * symbolic engine's bound, are not held against the run).
   */
  public RunStatus status() {
    List<PropertyOutcome> outcomes = outcomes();
    if (outcomes.stream().anyMatch(PropertyOutcome::failed)) {
      return RunStatus.FAILED;
    }
    if (outcomes.stream().anyMatch(PropertyOutcome::undecidedExpectation)
        || (result.resourceLimitHit() && outcomes.stream().anyMatch(o -> !o.decided()))) {
      return RunStatus.INCOMPLETE;
    }
    return RunStatus.PASSED;
  }

  /** The expected properties the run left undecided, in reporting order. */
  public List<PropertyOutcome> undecidedExpectations() {
    return outcomes().stream().filter(PropertyOutcome::undecidedExpectation).toList();
  }

  /**
   * Why {@code o} is undecided, in words: the engine's remark and, when the search stopped
   * early, why it stopped; e.g. {@code no counterexample up to depth 3}.
   */
  public String undecidedReason(PropertyOutcome o) {
    String detail = o.detail();
    String stop = result.stopReason().orElse("");
    if (!stop.isEmpty() && !detail.contains(stop)) {
      detail = detail.isEmpty() ? stop : detail + " (" + stop + ")";
    }
    return detail.isEmpty() ? "the " + result.engine() + " engine did not decide it" : detail;
  }

  /**
   * One line per undecided expectation: {@code no_oops: expected violated@5, unknown:
   * no counterexample up to depth 3}.
   */
  public List<String> undecidedExpectationLines() {
    return undecidedExpectations().stream().map(o -> o.name() + ": expected "
        + o.expectedText() + ", unknown: " + undecidedReason(o)).toList();
  }

  /** The most severe status of {@code runs}; {@link RunStatus#PASSED} when there are none. */
  public static RunStatus status(List<CheckRun> runs) {
    return runs.stream().map(CheckRun::status).reduce(RunStatus.PASSED, RunStatus::worst);
  }

  /** Whether the spec has an {@code expect:} block. */
  public boolean hasExpectations() {
    return !spec.expect().isEmpty();
  }

  /** Whether every expectation of the spec is met by a decided verdict. */
  public boolean asExpected() {
    return outcomes().stream().filter(o -> o.expected().isPresent())
        .allMatch(o -> o.ok().orElse(false));
  }
}
