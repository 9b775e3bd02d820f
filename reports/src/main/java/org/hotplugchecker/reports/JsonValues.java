package org.hotplugchecker.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceJson;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Topology;

/**
 * The JSON pieces every JSON output shares (the command line's JSON Lines,
 * {@code results.json}, ITF traces, the HTML report's data), so a topology or a trace
 * reads the same wherever it appears.
 */
public final class JsonValues {
  /** The node factory all writers use. */
  public static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonValues() {}

  /** A model variable value (Boolean or Integer) as JSON. */
  public static JsonNode value(Object v) {
    return TraceJson.value(v);
  }

  /**
   * Puts the figures of an engine run into {@code o}: {@code engine}, {@code states},
   * {@code transitions}, {@code depth}, {@code complete}, {@code stopReason} (null when
   * complete), {@code resourceLimitHit}, {@code millis}, {@code stats} (the engine's
   * statistics: for the explicit engine store size, workers, symmetry, fingerprint bits;
   * for bmc and kind the Choco solver's {@code nodes}, {@code fails}, {@code backtracks},
   * {@code solveMillis}, ...) and, when used, {@code orbits} (symmetry reduction: states
   * counts orbits) and {@code fingerprintCollisionProbability}. The symbolic engines
   * enumerate no states: {@code states} and {@code transitions} are then -1.
   */
  public static void putSearch(ObjectNode o, CheckResult r) {
    o.put("engine", r.engine());
    o.put("states", r.states());
    o.put("transitions", r.transitions());
    o.put("depth", r.depth());
    o.put("complete", r.complete());
    o.put("stopReason", r.stopReason().orElse(null));
    o.put("resourceLimitHit", r.resourceLimitHit());
    o.put("millis", r.millis());
    // Reductions change what states counts; say so next to it.
    if (r.symmetryReduced()) {
      o.put("orbits", r.states());
    }
    r.fingerprintCollisionProbability()
        .ifPresent(p -> o.put("fingerprintCollisionProbability", p));
    ObjectNode stats = o.putObject("stats");
    r.stats().forEach((name, value) -> {
      if (value instanceof Double || value instanceof Float) {
        stats.put(name, value.doubleValue());
      } else {
        stats.put(name, value.longValue());
      }
    });
  }

  /**
   * A trace: {@code initial} (variable to value) and {@code steps}, each with
   * {@code step}, {@code action}, {@code callChain}, {@code chain} (the call chain joined
   * with arrows) and {@code changes} ({@code variable}, {@code before}, {@code after});
   * the same shape as sweep reports ({@link TraceJson}).
   */
  public static ObjectNode trace(Trace t) {
    return TraceJson.of(t);
  }

  /** The topology as a spec would write it, kernel and arch included (distance always explicit). */
  public static ObjectNode topology(Topology t) {
    ObjectNode o = F.objectNode();
    o.put("arch", t.arch().specName());
    o.put("kernel", t.kernel().specName());
    ObjectNode knobs = o.putObject("kernelKnobs");
    t.kernel().knobs().forEach(knobs::put);
    o.put("nodes", t.nodes());
    ArrayNode distance = o.putArray("distance");
    for (int[] row : t.distanceMatrix()) {
      ArrayNode r = distance.addArray();
      for (int d : row) {
        r.add(d);
      }
    }
    o.set("cpus", components(t.cpus()));
    o.set("memory", components(t.memory()));
    ArrayNode faults = o.putArray("faults");
    for (Fault f : Fault.values()) {
      if (t.hasFault(f)) {
        faults.add(f.specName());
      }
    }
    return o;
  }

  private static ArrayNode components(List<Component> list) {
    ArrayNode a = F.arrayNode();
    for (Component c : list) {
      a.addObject().put("home", c.home()).put("boot", c.boot()).put("hotplug", c.hotplug());
    }
    return a;
  }
}
