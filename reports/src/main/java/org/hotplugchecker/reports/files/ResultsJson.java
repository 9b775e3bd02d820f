package org.hotplugchecker.reports.files;

import static org.hotplugchecker.reports.JsonValues.F;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.model.BuildInfo;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.JsonValues;
import org.hotplugchecker.reports.PropertyOutcome;

/**
 * The content of {@code results.json}: per spec its topology and run statistics, per
 * property its verdict, the run's counts, time and engine, whether it is as expected
 * (judged by {@link PropertyOutcome}) and, when violated, the trace in the same form as
 * the command line's JSON ({@link JsonValues#trace}) plus its ITF file.
 */
final class ResultsJson {
  /** Identifies the document; bump {@link #VERSION} on incompatible changes. */
  static final String FORMAT = "hotplug-checker-results";
  static final int VERSION = 1;

  private ResultsJson() {}

  static ObjectNode build(List<CheckRun> runs, TraceFiles traceFiles) {
    ObjectNode root = F.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    // Which build produced the results: a report can be traced to its code and model.
    BuildInfo build = BuildInfo.current();
    root.put("toolVersion", build.version());
    root.put("gitRevision", build.gitRevision());
    root.put("modelRevision", build.modelRevision());
    root.put("status", CheckRun.status(runs).jsonName());
    ArrayNode specs = root.putArray("specs");
    for (int i = 0; i < runs.size(); i++) {
      specs.add(spec(i, runs.get(i), traceFiles));
    }
    return root;
  }

  private static ObjectNode spec(int index, CheckRun run, TraceFiles traceFiles) {
    Spec spec = run.spec();
    CheckResult r = run.result();
    ObjectNode o = F.objectNode();
    o.put("name", spec.name());
    o.put("file", String.valueOf(spec.file()));
    o.put("description", spec.description());
    o.set("topology", JsonValues.topology(spec.topology()));
    JsonValues.putSearch(o, r);
    ObjectNode stats = o.putObject("stats");
    for (Map.Entry<String, Number> e : r.stats().entrySet()) {
      stats.set(e.getKey(), e.getValue().doubleValue() == e.getValue().longValue()
          ? F.numberNode(e.getValue().longValue()) : F.numberNode(e.getValue().doubleValue()));
    }
    o.put("status", run.status().jsonName());
    ArrayNode props = o.putArray("properties");
    List<PropertyOutcome> outcomes = run.outcomes();
    for (int p = 0; p < outcomes.size(); p++) {
      props.add(property(r, r.properties().get(p), outcomes.get(p), run, index, traceFiles));
    }
    return o;
  }

  private static ObjectNode property(CheckResult r, PropertyResult p, PropertyOutcome outcome,
      CheckRun run, int index, TraceFiles traceFiles) {
    ObjectNode o = F.objectNode();
    o.put("name", p.property().name());
    o.put("kind", p.property().kind().name().toLowerCase(java.util.Locale.ROOT));
    o.put("description", p.property().description());
    o.put("verdict", p.verdict().specName());
    if (p.length() >= 0) {
      o.put("length", p.length());
    } else {
      o.putNull("length");
    }
    outcome.expected().ifPresentOrElse(e -> o.put("expected", e.toString()),
        () -> o.putNull("expected"));
    // null while unknown: an undecided property is neither as expected nor against it.
    o.put("asExpected", outcome.ok().orElse(null));
    o.put("detail", p.detail());
    // One run checks every property of a spec at once, so these are the run's figures.
    o.put("engine", r.engine());
    o.put("states", r.states());
    o.put("transitions", r.transitions());
    o.put("millis", r.millis());
    run.trace(p.property().name()).ifPresentOrElse(
        t -> o.set("trace", trace(t, traceFiles.of(index, p.property().name()).orElse(null))),
        () -> o.putNull("trace"));
    return o;
  }

  /** {@link JsonValues#trace} plus the trace's ITF file and length. */
  static ObjectNode trace(Trace t, String itfFile) {
    ObjectNode o = F.objectNode();
    o.put("itf", itfFile);
    o.put("length", t.length());
    o.setAll(JsonValues.trace(t));
    return o;
  }
}
