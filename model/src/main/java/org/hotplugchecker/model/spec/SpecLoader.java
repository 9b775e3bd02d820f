package org.hotplugchecker.model.spec;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.KernelKnobs;
import org.hotplugchecker.model.rules.Knob;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.topology.TopologyException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads spec files (YAML, or JSON which is a subset) into {@link Spec}s. Every problem
 * is reported as a {@link SpecException} naming the file, line and field; nothing is
 * defaulted silently except what {@code MODEL.md} defines (distances, no faults, all
 * properties).
 */
public final class SpecLoader {
  private static final Set<String> TOP_FIELDS = Set.of("name", "description", "arch", "kernel",
      "nodes", "distance", "cpus", "memory", "faults", "invariants", "properties", "expect");
  private static final Set<String> COMPONENT_FIELDS = Set.of("home", "boot", "hotplug");

  /** Loads and validates the spec at {@code file}. */
  public Spec load(Path file) throws SpecException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new SpecException(file, 0, "", "no such file");
    } catch (IOException e) {
      throw new SpecException(file, 0, "", "cannot read: " + e.getMessage());
    }
    return parse(file, text);
  }

  /** Parses spec {@code text} as if read from {@code file}. */
  public Spec parse(Path file, String text) throws SpecException {
    return new Parser(file).parse(new StringReader(text));
  }

  /** One parse: remembers the line of every field for errors found later. */
  private static final class Parser {
    private final Path file;
    private final Map<String, Integer> lines = new HashMap<>();

    Parser(Path file) {
      this.file = file;
    }

    Spec parse(Reader reader) throws SpecException {
      Node root;
      try {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        root = new Yaml(options).compose(reader);
      } catch (MarkedYAMLException e) {
        Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        throw new SpecException(file, m == null ? 0 : m.getLine() + 1, "",
            "malformed YAML: " + problem);
      } catch (YAMLException e) {
        throw new SpecException(file, 0, "", "malformed YAML: " + e.getMessage());
      }
      if (root == null) {
        throw new SpecException(file, 0, "", "the spec is empty");
      }
      Map<String, Node> top = mapping(root, "", TOP_FIELDS);
      Arch arch = enumField(top, "arch", Arch::fromSpecName, Arch.values());
      Kernel kernel = kernel(top, root);
      int nodes = intField(require(top, "nodes", root), "nodes");
      int[][] distance = top.containsKey("distance") ? distance(top.get("distance")) : null;
      List<Component> cpus = components(require(top, "cpus", root), "cpus");
      List<Component> memory = top.containsKey("memory")
          ? components(top.get("memory"), "memory") : List.of();
      Set<Fault> faults = top.containsKey("faults") ? faults(top.get("faults")) : Set.of();
      Topology topology;
      try {
        topology = Topology.of(arch, kernel, nodes, distance, cpus, memory, faults);
      } catch (TopologyException e) {
        throw new SpecException(file, lineOf(e.field()), e.field(), e.getMessage());
      }
      List<PropertyRule> all = new ArrayList<>(HotplugRules.RULES.properties());
      if (top.containsKey("invariants")) {
        all.addAll(invariants(top.get("invariants")));
      }
      List<PropertyRule> properties = top.containsKey("properties")
          ? properties(top.get("properties"), all) : all;
      Map<String, Expectation> expect = top.containsKey("expect")
          ? expect(top.get("expect"), properties, all) : Map.of();
      String name = top.containsKey("name") ? string(top.get("name"), "name")
          : defaultName(file);
      String description = top.containsKey("description")
          ? string(top.get("description"), "description") : "";
      return new Spec(file, name, description, topology, properties, expect);
    }

    private static String defaultName(Path file) {
      String n = String.valueOf(file.getFileName());
      int dot = n.lastIndexOf('.');
      return dot > 0 ? n.substring(0, dot) : n;
    }

    private int lineOf(String field) {
      // The field itself, else its closest enclosing field, else unknown.
      for (String f = field; !f.isEmpty(); f = parentPath(f)) {
        Integer l = lines.get(f);
        if (l != null) {
          return l;
        }
      }
      return 0;
    }

    private static String parentPath(String f) {
      int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
      return cut <= 0 ? "" : f.substring(0, cut);
    }

    private SpecException error(Node node, String field, String reason) {
      return new SpecException(file, node.getStartMark().getLine() + 1, field, reason);
    }

    private Node require(Map<String, Node> map, String field, Node parent) throws SpecException {
      Node n = map.get(field);
      if (n == null) {
        throw error(parent, field, "required field is missing");
      }
      return n;
    }

    private Map<String, Node> mapping(Node node, String path, Set<String> allowed)
        throws SpecException {
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
        lines.put(fieldPath, k.getStartMark().getLine() + 1);
        out.put(key, t.getValueNode());
      }
      return out;
    }

    private static String describe(Node n) {
      if (n instanceof ScalarNode s) {
        return "'" + s.getValue() + "'";
      }
      return n instanceof SequenceNode ? "a list" : "a mapping";
    }

    private String scalar(Node node, String field) throws SpecException {
      if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
        throw error(node, field, "expected a single value, got "
            + (node instanceof ScalarNode ? "nothing" : describe(node)));
      }
      return s.getValue();
    }

    private String string(Node node, String field) throws SpecException {
      return scalar(node, field);
    }

    private int intField(Node node, String field) throws SpecException {
      String v = scalar(node, field);
      if (!((ScalarNode) node).getTag().equals(Tag.INT)) {
        throw error(node, field, "expected an integer, got '" + v + "'");
      }
      try {
        return Integer.parseInt(v);
      } catch (NumberFormatException e) {
        throw error(node, field, "expected an integer, got '" + v + "'");
      }
    }

    private boolean boolField(Node node, String field) throws SpecException {
      String v = scalar(node, field);
      if (!((ScalarNode) node).getTag().equals(Tag.BOOL)) {
        throw error(node, field, "expected true or false, got '" + v + "'");
      }
      return v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes") || v.equalsIgnoreCase("on");
    }

    private List<Node> sequence(Node node, String field) throws SpecException {
      if (!(node instanceof SequenceNode s)) {
        throw error(node, field, "expected a list, got " + describe(node));
      }
      return s.getValue();
    }

    private <E extends Enum<E>> E enumField(Map<String, Node> top, String field,
        java.util.function.Function<String, java.util.Optional<E>> lookup, E[] values)
        throws SpecException {
      Node n = top.get(field);
      if (n == null) {
        throw new SpecException(file, 1, field, "required field is missing (one of "
            + names(values) + ")");
      }
      String v = scalar(n, field);
      return lookup.apply(v).orElseThrow(() -> error(n, field,
          "unknown " + field + " '" + v + "' (one of " + names(values) + ")"));
    }

    private static String names(Enum<?>[] values) {
      List<String> n = new ArrayList<>();
      for (Enum<?> e : values) {
        n.add(e.toString());
      }
      return String.join(", ", n);
    }

    /**
     * {@code kernel:} a preset name, or a mapping of knobs with an optional {@code base}
     * preset whose values the knobs override ({@code MODEL.md}, "Kernel knobs").
     */
    private Kernel kernel(Map<String, Node> top, Node root) throws SpecException {
      Node n = top.get("kernel");
      if (!(n instanceof MappingNode)) {
        KernelVariant preset = enumField(top, "kernel", KernelVariant::fromSpecName,
            KernelVariant.values());
        return preset.kernel();
      }
      Set<String> allowed = new java.util.TreeSet<>();
      allowed.add("base");
      KernelKnobs.KNOBS.forEach(k -> allowed.add(k.name()));
      Map<String, Node> fields = mapping(n, "kernel", allowed);
      Map<String, String> values = new LinkedHashMap<>();
      if (fields.containsKey("base")) {
        Node b = fields.get("base");
        String base = scalar(b, "kernel.base");
        KernelVariant preset = KernelVariant.fromSpecName(base).orElseThrow(() -> error(b,
            "kernel.base", "unknown base kernel '" + base + "' (one of "
                + names(KernelVariant.values()) + ")"));
        values.putAll(preset.kernel().knobs());
      }
      for (Knob knob : KernelKnobs.KNOBS) {
        String path = "kernel." + knob.name();
        Node v = fields.get(knob.name());
        if (v == null) {
          if (!values.containsKey(knob.name())) {
            throw new SpecException(file, lineOf("kernel"), path,
                "required knob is missing (without 'base' all of "
                + String.join(", ", KernelKnobs.KNOBS.stream().map(Knob::name).toList())
                + " are needed)");
          }
          continue;
        }
        String value = knob.values().equals(List.of("true", "false"))
            ? Boolean.toString(boolField(v, path)) : scalar(v, path);
        if (knob.indexOf(value) < 0) {
          throw error(v, path, "unknown value '" + value + "' (one of "
              + String.join(", ", knob.values()) + ")");
        }
        values.put(knob.name(), value);
      }
      return Kernel.of(values);
    }

    private int[][] distance(Node node) throws SpecException {
      List<Node> rows = sequence(node, "distance");
      int[][] d = new int[rows.size()][];
      for (int i = 0; i < rows.size(); i++) {
        String rowPath = "distance[" + i + "]";
        lines.put(rowPath, rows.get(i).getStartMark().getLine() + 1);
        List<Node> row = sequence(rows.get(i), rowPath);
        d[i] = new int[row.size()];
        for (int j = 0; j < row.size(); j++) {
          String cell = rowPath + "[" + j + "]";
          lines.put(cell, row.get(j).getStartMark().getLine() + 1);
          d[i][j] = intField(row.get(j), cell);
        }
      }
      return d;
    }

    private List<Component> components(Node node, String field) throws SpecException {
      List<Node> items = sequence(node, field);
      List<Component> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String path = field + "[" + i + "]";
        lines.put(path, items.get(i).getStartMark().getLine() + 1);
        Map<String, Node> m = mapping(items.get(i), path, COMPONENT_FIELDS);
        for (String f : List.of("home", "boot", "hotplug")) {
          if (!m.containsKey(f)) {
            throw error(items.get(i), path + "." + f, "required field is missing");
          }
        }
        out.add(new Component(intField(m.get("home"), path + ".home"),
            boolField(m.get("boot"), path + ".boot"),
            boolField(m.get("hotplug"), path + ".hotplug")));
      }
      return out;
    }

    private Set<Fault> faults(Node node) throws SpecException {
      Set<Fault> out = EnumSet.noneOf(Fault.class);
      List<Node> items = sequence(node, "faults");
      for (int i = 0; i < items.size(); i++) {
        String path = "faults[" + i + "]";
        String v = scalar(items.get(i), path);
        Node n = items.get(i);
        out.add(Fault.fromSpecName(v).orElseThrow(() -> error(n, path,
            "unknown fault '" + v + "' (one of " + names(Fault.values()) + ")")));
      }
      return out;
    }

    /**
     * {@code invariants:} name to expression in the invariant language ({@code MODEL.md},
     * "User invariants"), each parsed and type-checked here, once.
     */
    private List<PropertyRule> invariants(Node node) throws SpecException {
      Map<String, Node> m = mapping(node, "invariants", null);
      List<PropertyRule> out = new ArrayList<>();
      InvariantParser parser = new InvariantParser(HotplugRules.RULES);
      for (Map.Entry<String, Node> e : m.entrySet()) {
        String name = e.getKey();
        String path = "invariants." + name;
        int line = lines.get(path);
        if (!name.matches("[A-Za-z0-9_]+")) {
          throw new SpecException(file, line, path,
              "an invariant's name may only have letters, digits and '_'");
        }
        if (HotplugRules.RULES.property(name).isPresent()) {
          throw new SpecException(file, line, path, "'" + name
              + "' is a built-in property; give the invariant another name");
        }
        String source = scalar(e.getValue(), path);
        try {
          out.add(new PropertyRule.Invariant(name, "spec invariant: " + source.strip(),
              parser.parse(source), source));
        } catch (InvariantException x) {
          throw new SpecException(file, line, path, x.getMessage());
        }
      }
      return out;
    }

    private List<PropertyRule> properties(Node node, List<PropertyRule> all)
        throws SpecException {
      List<Node> items = sequence(node, "properties");
      if (items.isEmpty()) {
        throw error(node, "properties", "empty list (omit the field to check all properties)");
      }
      java.util.Set<String> chosen = new java.util.HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        String path = "properties[" + i + "]";
        String v = scalar(items.get(i), path);
        if (all.stream().noneMatch(p -> p.name().equals(v))) {
          throw error(items.get(i), path, "unknown property '" + v + "' (one of "
              + names(all) + ")");
        }
        chosen.add(v);
      }
      return all.stream().filter(p -> chosen.contains(p.name())).toList(); // model order
    }

    private static String names(List<PropertyRule> all) {
      return String.join(", ", all.stream().map(PropertyRule::name).toList());
    }

    private Map<String, Expectation> expect(Node node, List<PropertyRule> checked,
        List<PropertyRule> all) throws SpecException {
      Map<String, Node> m = mapping(node, "expect", null);
      Map<String, Expectation> out = new LinkedHashMap<>();
      for (Map.Entry<String, Node> e : m.entrySet()) {
        String path = "expect." + e.getKey();
        if (all.stream().noneMatch(p -> p.name().equals(e.getKey()))) {
          throw new SpecException(file, lines.get(path), path, "unknown property '"
              + e.getKey() + "' (one of " + names(all) + ")");
        }
        if (checked.stream().noneMatch(p -> p.name().equals(e.getKey()))) {
          throw new SpecException(file, lines.get(path), path,
              "expectation for a property that 'properties:' does not check");
        }
        String v = scalar(e.getValue(), path);
        Expectation x = Expectation.parse(v);
        if (x == null) {
          throw error(e.getValue(), path, "expected holds, violated, violated@K or vacuous, got '"
              + v + "'");
        }
        out.put(e.getKey(), x);
      }
      return out;
    }
  }
}
