package org.hotplugchecker.reports.cli;

import static org.hotplugchecker.reports.JsonValues.F;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.JsonValues;
import org.hotplugchecker.reports.PropertyOutcome;

/**
 * The JSON form of a check run, as a Jackson tree so that report writers can embed or
 * extend it. Keys (see README "JSON output"): {@code spec}, {@code name},
 * {@code description}, {@code topology}, {@code engine}, {@code states},
 * {@code transitions}, {@code depth}, {@code complete}, {@code stopReason},
 * {@code resourceLimitHit}, {@code millis}, {@code properties}, {@code status} and, when
 * the spec has {@code expect:}, {@code asExpected} and {@code undecidedExpectations}
 * (each {@code property}, {@code expected}, {@code reason}).
 */
public final class JsonRenderer {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The whole run as a JSON object. */
  public ObjectNode render(CheckRun run) {
    ObjectNode o = F.objectNode();
    o.put("spec", String.valueOf(run.spec().file()));
    o.put("name", run.spec().name());
    o.put("description", run.spec().description());
    o.set("topology", JsonValues.topology(run.spec().topology()));
    JsonValues.putSearch(o, run.result());
    ObjectNode props = o.putObject("properties");
    for (PropertyOutcome p : run.outcomes()) {
      props.set(p.name(), property(p));
    }
    o.put("status", run.status().jsonName());
    if (run.hasExpectations()) {
      o.put("asExpected", run.asExpected());
      ArrayNode undecided = o.putArray("undecidedExpectations");
      for (PropertyOutcome p : run.undecidedExpectations()) {
        undecided.addObject().put("property", p.name()).put("expected", p.expectedText())
            .put("reason", run.undecidedReason(p));
      }
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
    o.set("trace", p.trace().<JsonNode>map(JsonValues::trace).orElse(F.nullNode()));
    p.expected().ifPresent(e -> {
      o.put("expected", e.toString());
      o.put("asExpected", p.ok().orElse(null));
    });
    return o;
  }
}
