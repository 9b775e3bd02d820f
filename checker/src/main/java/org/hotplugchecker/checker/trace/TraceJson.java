package org.hotplugchecker.checker.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.ts.VariableChange;

/**
 * A trace as JSON, the one shape every JSON output uses (the command line, report files,
 * sweep reports): {@code initial} (variable to value) and {@code steps}, each with
 * {@code step}, {@code action}, {@code callChain}, {@code chain} (the call chain joined
 * with arrows) and {@code changes} ({@code variable}, {@code before}, {@code after}).
 */
public final class TraceJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private TraceJson() {}

  /** A model variable value (Boolean or Integer) as JSON. */
  public static JsonNode value(Object v) {
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

  /** {@code t} as {@code {"initial": {...}, "steps": [...]}}. */
  public static ObjectNode of(Trace t) {
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
}
