package org.hotplugchecker.reports.cli;

import static org.hotplugchecker.reports.JsonValues.F;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
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
  // Trees are written by a generator of jackson-core: an ObjectMapper would cost 50-60 ms
  // of a check to build, most of it its default date format loading locale data.
  private static final JsonFactory FACTORY = new JsonFactory();

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

  /** Serialises a tree compactly, as {@code ObjectMapper.writeValueAsString} does. */
  public static String write(JsonNode node) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(node, g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot serialise a JSON tree", e);
    }
    return out.toString();
  }

  private static void write(JsonNode node, JsonGenerator g) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          g.writeFieldName(field.getKey());
          write(field.getValue(), g);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode element : node) {
          write(element, g);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(node.textValue());
      case NUMBER -> writeNumber(node, g);
      case BOOLEAN -> g.writeBoolean(node.booleanValue());
      case NULL -> g.writeNull();
      default -> throw new IllegalArgumentException("no JSON form for a "
          + node.getNodeType() + " node");
    }
  }

  private static void writeNumber(JsonNode node, JsonGenerator g) throws IOException {
    switch (node.numberType()) {
      case INT -> g.writeNumber(node.intValue());
      case LONG -> g.writeNumber(node.longValue());
      case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
      case FLOAT -> g.writeNumber(node.floatValue());
      case DOUBLE -> g.writeNumber(node.doubleValue());
      case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
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
