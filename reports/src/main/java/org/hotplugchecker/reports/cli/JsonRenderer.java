package org.hotplugchecker.reports.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceStep;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.ts.VariableChange;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;

/**
 * The JSON form of a check run, as a Jackson tree so that report writers can embed or
 * extend it. Keys (see README "JSON output"): {@code spec}, {@code name},
 * {@code description}, {@code topology}, {@code engine}, {@code states},
 * {@code transitions}, {@code depth}, {@code complete}, {@code stopReason},
 * {@code resourceLimitHit}, {@code millis}, {@code properties}, {@code status} and, when
 * the spec has {@code expect:}, {@code asExpected}.
 */
public final class JsonRenderer {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The whole run as a JSON object. */
  public ObjectNode render(CheckRun run) {
    CheckResult r = run.result();
    ObjectNode o = F.objectNode();
    o.put("spec", String.valueOf(run.spec().file()));
    o.put("name", run.spec().name());
    o.put("description", run.spec().description());
    o.set("topology", topology(run.spec().topology()));
    o.put("engine", r.engine());
    o.put("states", r.states());
    o.put("transitions", r.transitions());
    o.put("depth", r.depth());
    o.put("complete", r.complete());
    o.put("stopReason", r.stopReason().orElse(null));
    o.put("resourceLimitHit", r.resourceLimitHit());
    o.put("millis", r.millis());
    ObjectNode props = o.putObject("properties");
    for (PropertyOutcome p : run.outcomes()) {
      props.set(p.name(), property(p));
    }
    o.put("status", run.status().jsonName());
    if (run.hasExpectations()) {
      o.put("asExpected", run.asExpected());
    }
    return o;
  }

  /** {@link #render} as one line of JSON (one JSON Lines record). */
  public String renderLine(CheckRun run) {
    return write(render(run));
  }

  /** Serialises a tree compactly. */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a JSON tree", e);
    }
  }

  /**
   * One property: {@code verdict}, {@code length} (null unless violated), {@code detail},
   * {@code trace} (null unless violated) and, when expected, {@code expected} and
   * {@code asExpected} (null while the verdict is unknown).
   */
  public ObjectNode property(PropertyOutcome p) {
    ObjectNode o = F.objectNode();
    o.put("verdict", p.verdict().specName());
    if (p.length() >= 0) {
      o.put("length", p.length());
    } else {
      o.putNull("length");
    }
    o.put("detail", p.detail());
    o.set("trace", p.trace().<JsonNode>map(this::trace).orElse(F.nullNode()));
    p.expected().ifPresent(e -> {
      o.put("expected", e.toString());
      o.put("asExpected", p.ok().orElse(null));
    });
    return o;
  }

  /** A trace: {@code initial} (variable to value) and {@code steps}. */
  public ObjectNode trace(Trace t) {
    ObjectNode o = F.objectNode();
    ObjectNode initial = o.putObject("initial");
    for (StateVariable v : t.initial()) {
      initial.set(v.name(), value(v.value()));
    }
    ArrayNode steps = o.putArray("steps");
    for (TraceStep s : t.steps()) {
      ObjectNode step = steps.addObject();
      step.put("step", s.number());
      step.put("action", s.action());
      ArrayNode chain = step.putArray("callChain");
      s.callChain().forEach(chain::add);
      step.put("chain", s.chainText());
      ArrayNode changes = step.putArray("changes");
      for (VariableChange c : s.changes()) {
        ObjectNode ch = changes.addObject();
        ch.put("variable", c.name());
        ch.set("before", value(c.before()));
        ch.set("after", value(c.after()));
      }
    }
    return o;
  }

  /** The topology's fields, as a spec would write them (distance always explicit). */
  public ObjectNode topology(Topology t) {
    ObjectNode o = F.objectNode();
    o.put("arch", t.arch().specName());
    o.put("kernel", t.kernel().specName());
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

  private static JsonNode value(Object v) {
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return F.numberNode(i);
    }
    if (v instanceof Long l) {
      return F.numberNode(l);
    }
    return F.textNode(String.valueOf(v));
  }
}
