package org.hotplugchecker.model.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Typed access to the YAML node tree of one spec file, with errors that name the file,
 * line and field. Remembers the line of every field it has seen so that problems found
 * later (by {@code Topology.of}) can still point at the right line.
 */
final class SpecNodes {
  private final Path file;
  private final Map<String, Integer> lines = new HashMap<>();

  SpecNodes(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** The line of {@code field}, else of its closest enclosing field, else 0. */
  int lineOf(String field) {
    for (String f = field; !f.isEmpty(); f = parentPath(f)) {
      Integer l = lines.get(f);
      if (l != null) {
        return l;
      }
    }
    return 0;
  }

  /** Records that {@code field} starts at {@code node}. */
  void remember(String field, Node node) {
    lines.put(field, line(node));
  }

  private static String parentPath(String f) {
    int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
    return cut <= 0 ? "" : f.substring(0, cut);
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  SpecException error(Node node, String field, String reason) {
    return new SpecException(file, line(node), field, reason);
  }

  SpecException error(String field, String reason) {
    return new SpecException(file, lineOf(field), field, reason);
  }

  Node require(Map<String, Node> map, String field, Node parent) throws SpecException {
    Node n = map.get(field);
    if (n == null) {
      throw error(parent, field, "required field is missing");
    }
    return n;
  }

  /**
   * The fields of a mapping, in file order, each remembered under {@code path.key}.
   *
   * @param allowed the field names allowed, or null for any
   */
  Map<String, Node> mapping(Node node, String path, Set<String> allowed) throws SpecException {
    if (!(node instanceof MappingNode m)) {
      throw error(node, path, "expected a mapping of fields, got " + describe(node));
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw error(t.getKeyNode(), path, "field names must be plain words");
      }
      String key = k.getValue();
      String fieldPath = path.isEmpty() ? key : path + "." + key;
      if (allowed != null && !allowed.contains(key)) {
        throw error(k, fieldPath, "unknown field (allowed: "
            + String.join(", ", allowed.stream().sorted().toList()) + ")");
      }
      lines.put(fieldPath, line(k));
      out.put(key, t.getValueNode());
    }
    return out;
  }

  static String describe(Node n) {
    if (n instanceof ScalarNode s) {
      return "'" + s.getValue() + "'";
    }
    return n instanceof SequenceNode ? "a list" : "a mapping";
  }

  String scalar(Node node, String field) throws SpecException {
    if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
      throw error(node, field, "expected a single value, got "
          + (node instanceof ScalarNode ? "nothing" : describe(node)));
    }
    return s.getValue();
  }

  int intField(Node node, String field) throws SpecException {
    String v = scalar(node, field);
    if (!node.getTag().equals(Tag.INT)) {
      throw error(node, field, "expected an integer, got '" + v + "'");
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw error(node, field, "expected an integer, got '" + v + "'");
    }
  }

  /**
   * A boolean: exactly {@code true} or {@code false}, unquoted, as in JSON and YAML 1.2.
   * YAML 1.1's other spellings ({@code yes}, {@code on}, {@code True}, {@code OFF}, ...)
   * and quoted strings are errors, so that no spelling means something by accident.
   */
  boolean boolField(Node node, String field) throws SpecException {
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      throw error(node, field, "expected true or false, got nothing");
    }
    String v = scalar(node, field);
    boolean plain = node instanceof ScalarNode s
        && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
    if (plain && v.equals("true")) {
      return true;
    }
    if (plain && v.equals("false")) {
      return false;
    }
    String hint = !plain && (v.equals("true") || v.equals("false"))
        ? " (a quoted string; write " + v + " without quotes)"
        : node.getTag().equals(Tag.BOOL) ? " (only true and false are booleans here)" : "";
    throw error(node, field, "expected true or false, got '" + v + "'" + hint);
  }

  List<Node> sequence(Node node, String field) throws SpecException {
    if (!(node instanceof SequenceNode s)) {
      throw error(node, field, "expected a list, got " + describe(node));
    }
    return s.getValue();
  }

  /** A list's items, or a single value as a list of one; remembers {@code field[i]}. */
  List<Node> oneOrMany(Node node, String field) throws SpecException {
    if (!(node instanceof SequenceNode s)) {
      return List.of(node);
    }
    if (s.getValue().isEmpty()) {
      throw error(node, field, "empty list");
    }
    for (int i = 0; i < s.getValue().size(); i++) {
      remember(field + "[" + i + "]", s.getValue().get(i));
    }
    return s.getValue();
  }

  /** {@code a, b, c} of the values' {@code toString()}. */
  static String names(Object[] values) {
    List<String> n = new ArrayList<>();
    for (Object e : values) {
      n.add(e.toString());
    }
    return String.join(", ", n);
  }
}
