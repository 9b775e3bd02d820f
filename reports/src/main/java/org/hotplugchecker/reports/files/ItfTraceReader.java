package org.hotplugchecker.reports.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Informal Trace Format files (Apalache ADR-015): checks the shape
 * ({@code vars}, {@code states}, every state defining exactly {@code vars}) and decodes
 * values, including the {@code #bigint}, {@code #tup}, {@code #set} and {@code #map}
 * encodings.
 */
public final class ItfTraceReader {
  private final ObjectMapper mapper = new ObjectMapper();

  /** Reads the ITF file at {@code file}. */
  public ItfTrace read(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /**
   * Parses ITF {@code json}.
   *
   * @param source names the input in error messages
   * @throws IOException when it is not valid JSON or not an ITF trace
   */
  public ItfTrace parse(String json, String source) throws IOException {
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IOException(source + ": not JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IOException(source + ": an ITF trace must be a JSON object");
    }
    JsonNode vars = root.get("vars");
    JsonNode states = root.get("states");
    if (vars == null || !vars.isArray()) {
      throw new IOException(source + ": field 'vars' must be a list of names");
    }
    if (states == null || !states.isArray()) {
      throw new IOException(source + ": field 'states' must be a list");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode v : vars) {
      if (!v.isTextual()) {
        throw new IOException(source + ": field 'vars' must hold strings");
      }
      names.add(v.asText());
    }
    List<ItfTrace.State> out = new ArrayList<>();
    for (int i = 0; i < states.size(); i++) {
      out.add(state(states.get(i), names, source + ": states[" + i + "]"));
    }
    Map<String, Object> meta = root.has("#meta") ? record(root.get("#meta"), source + ": #meta")
        : Map.of();
    return new ItfTrace(meta, List.copyOf(names), List.copyOf(out));
  }

  private ItfTrace.State state(JsonNode s, List<String> names, String where) throws IOException {
    if (!s.isObject()) {
      throw new IOException(where + ": a state must be an object");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : s.properties()) {
      if (f.getKey().equals("#meta")) {
        continue;
      }
      if (!names.contains(f.getKey())) {
        throw new IOException(where + ": variable '" + f.getKey() + "' is not in 'vars'");
      }
      values.put(f.getKey(), value(f.getValue(), where + "." + f.getKey()));
    }
    for (String n : names) {
      if (!values.containsKey(n)) {
        throw new IOException(where + ": variable '" + n + "' has no value");
      }
    }
    Map<String, Object> meta = s.has("#meta") ? record(s.get("#meta"), where + ".#meta")
        : Map.of();
    return new ItfTrace.State(meta, values);
  }

  private Object value(JsonNode v, String where) throws IOException {
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isArray()) {
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        list.add(value(v.get(i), where + "[" + i + "]"));
      }
      return list;
    }
    if (v.isObject()) {
      if (v.has("#bigint")) {
        try {
          return new BigInteger(v.get("#bigint").asText());
        } catch (NumberFormatException e) {
          throw new IOException(where + ": bad #bigint '" + v.get("#bigint").asText() + "'");
        }
      }
      if (v.has("#tup")) {
        return value(v.get("#tup"), where + ".#tup");
      }
      if (v.has("#set")) {
        Set<Object> set = new LinkedHashSet<>((List<?>) value(v.get("#set"), where + ".#set"));
        return set;
      }
      if (v.has("#map")) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (JsonNode pair : v.get("#map")) {
          if (!pair.isArray() || pair.size() != 2) {
            throw new IOException(where + ": #map entries must be [key, value] pairs");
          }
          map.put(value(pair.get(0), where), value(pair.get(1), where));
        }
        return map;
      }
      if (v.has("#unserializable")) {
        return v.get("#unserializable").asText();
      }
      return record(v, where);
    }
    throw new IOException(where + ": unsupported ITF value " + v);
  }

  private Map<String, Object> record(JsonNode v, String where) throws IOException {
    if (!v.isObject()) {
      throw new IOException(where + ": expected an object");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> f : v.properties()) {
      m.put(f.getKey(), value(f.getValue(), where + "." + f.getKey()));
    }
    return m;
  }
}
