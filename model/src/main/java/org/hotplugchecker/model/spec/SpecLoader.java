package org.hotplugchecker.model.spec;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.topology.TopologyException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads spec files (YAML, or JSON which is a subset) into {@link Spec}s. Every problem
 * is reported as a {@link SpecException} naming the file, line and field; nothing is
 * defaulted silently except what {@code MODEL.md} defines (distances, no faults, all
 * properties). A key given twice, at any depth, is an error; so is JSON that is not
 * strict JSON, and a boolean spelled other than {@code true} or {@code false}.
 *
 * <p>{@code kernel:} and {@code arch:} may be lists: the file then describes one check
 * per kernel and arch ({@link #loadAll}), named {@code NAME[KERNEL,ARCH]}.
 */
public final class SpecLoader {
  private static final Set<String> TOP_FIELDS = Set.of("name", "description", "arch", "kernel",
      "nodes", "distance", "cpus", "memory", "faults", "invariants", "properties", "expect");
  private static final Set<String> COMPONENT_FIELDS = Set.of("home", "boot", "hotplug");

  /**
   * Loads and validates the spec at {@code file}, which must describe one check.
   *
   * @throws SpecException also when its kernel or arch list makes several checks (use
   *     {@link #loadAll})
   */
  public Spec load(Path file) throws SpecException {
    return single(file, loadAll(file));
  }

  /** Loads and validates the spec at {@code file}: one spec per kernel and arch it lists. */
  public List<Spec> loadAll(Path file) throws SpecException {
    return parseAll(file, SpecSource.read(file));
  }

  /** Parses spec {@code text}, which must describe one check, as if read from {@code file}. */
  public Spec parse(Path file, String text) throws SpecException {
    return single(file, parseAll(file, text));
  }

  /** Parses spec {@code text} as if read from {@code file}: one spec per check. */
  public List<Spec> parseAll(Path file, String text) throws SpecException {
    return new Parser(file).parse(text);
  }

  private static Spec single(Path file, List<Spec> specs) throws SpecException {
    if (specs.size() != 1) {
      throw new SpecException(file, 0, "", "its kernel and arch lists make " + specs.size()
          + " checks where one was expected");
    }
    return specs.get(0);
  }

  /** One parse: remembers the line of every field for errors found later. */
  private static final class Parser {
    private final Path file;
    private final SpecNodes nodes;

    Parser(Path file) {
      this.file = file;
      this.nodes = new SpecNodes(file);
    }

    List<Spec> parse(String text) throws SpecException {
      if (SpecSource.isJson(file)) {
        SpecSource.checkJson(file, text);
      }
      Node root;
      try {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        // What Yaml.compose does, without the Yaml facade: that also builds a constructor
        // and a representer, whose set-up (java.util.logging among it) was a tenth of
        // the time from start-up to the first spec parsed.
        root = new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options),
            new Resolver(), options).getSingleNode();
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
      DuplicateKeys.check(file, root);
      Map<String, Node> top = nodes.mapping(root, "", TOP_FIELDS);
      KernelField kernelField = new KernelField(nodes);
      List<Arch> arches = kernelField.arches(required(top, "arch", Arch.values()));
      List<Kernel> kernels = kernelField.kernels(required(top, "kernel",
          KernelVariant.values()));
      int nodeCount = nodes.intField(nodes.require(top, "nodes", root), "nodes");
      int[][] distance = top.containsKey("distance") ? distance(top.get("distance")) : null;
      List<Component> cpus = components(nodes.require(top, "cpus", root), "cpus");
      List<Component> memory = top.containsKey("memory")
          ? components(top.get("memory"), "memory") : List.of();
      Set<Fault> faults = top.containsKey("faults") ? faults(top.get("faults")) : Set.of();
      Topology topology;
      try {
        // Kernel and arch do not make a topology valid or invalid: check it once.
        topology = Topology.of(arches.get(0), kernels.get(0), nodeCount, distance, cpus,
            memory, faults);
      } catch (TopologyException e) {
        throw nodes.error(e.field(), e.getMessage());
      }
      List<PropertyRule> all = new ArrayList<>(HotplugRules.RULES.properties());
      if (top.containsKey("invariants")) {
        all.addAll(new InvariantsField(nodes).parse(top.get("invariants")));
      }
      List<PropertyRule> properties = top.containsKey("properties")
          ? properties(top.get("properties"), all) : all;
      List<SpecCheck> checks = new ArrayList<>();
      for (Kernel k : kernels) {
        for (Arch a : arches) {
          checks.add(new SpecCheck(k, a));
        }
      }
      List<Map<String, Expectation>> expect = top.containsKey("expect")
          ? new ExpectField(nodes).parse(top.get("expect"), checks,
              name -> expectable(name, properties, all))
          : java.util.Collections.nCopies(checks.size(), Map.of());
      String name = top.containsKey("name") ? nodes.scalar(top.get("name"), "name")
          : defaultName(file);
      String description = top.containsKey("description")
          ? nodes.scalar(top.get("description"), "description") : "";
      List<Spec> specs = new ArrayList<>();
      for (int i = 0; i < checks.size(); i++) {
        SpecCheck c = checks.get(i);
        specs.add(new Spec(file, checks.size() == 1 ? name : name + "[" + c.label() + "]",
            description, topology.withKernel(c.kernel()).withArch(c.arch()), properties,
            Map.copyOf(expect.get(i))));
      }
      return List.copyOf(specs);
    }

    /** A required field; its absence names the allowed values, on line 1. */
    private Node required(Map<String, Node> top, String field, Object[] values)
        throws SpecException {
      Node n = top.get(field);
      if (n == null) {
        throw new SpecException(file, 1, field, "required field is missing (one of "
            + SpecNodes.names(values) + ")");
      }
      return n;
    }

    /** Null when {@code expect:} may name {@code property}, else why not. */
    private static String expectable(String property, List<PropertyRule> checked,
        List<PropertyRule> all) {
      if (all.stream().noneMatch(p -> p.name().equals(property))) {
        return "unknown property '" + property + "' (one of " + names(all) + ")";
      }
      return checked.stream().anyMatch(p -> p.name().equals(property)) ? null
          : "expectation for a property that 'properties:' does not check";
    }

    private static String names(List<PropertyRule> all) {
      return String.join(", ", all.stream().map(PropertyRule::name).toList());
    }

    private static String defaultName(Path file) {
      String n = String.valueOf(file.getFileName());
      int dot = n.lastIndexOf('.');
      return dot > 0 ? n.substring(0, dot) : n;
    }

    private int[][] distance(Node node) throws SpecException {
      List<Node> rows = nodes.sequence(node, "distance");
      int[][] d = new int[rows.size()][];
      for (int i = 0; i < rows.size(); i++) {
        String rowPath = "distance[" + i + "]";
        nodes.remember(rowPath, rows.get(i));
        List<Node> row = nodes.sequence(rows.get(i), rowPath);
        d[i] = new int[row.size()];
        for (int j = 0; j < row.size(); j++) {
          String cell = rowPath + "[" + j + "]";
          nodes.remember(cell, row.get(j));
          d[i][j] = nodes.intField(row.get(j), cell);
        }
      }
      return d;
    }

    private List<Component> components(Node node, String field) throws SpecException {
      List<Node> items = nodes.sequence(node, field);
      List<Component> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String path = field + "[" + i + "]";
        nodes.remember(path, items.get(i));
        Map<String, Node> m = nodes.mapping(items.get(i), path, COMPONENT_FIELDS);
        for (String f : List.of("home", "boot", "hotplug")) {
          if (!m.containsKey(f)) {
            throw nodes.error(items.get(i), path + "." + f, "required field is missing");
          }
        }
        out.add(new Component(nodes.intField(m.get("home"), path + ".home"),
            nodes.boolField(m.get("boot"), path + ".boot"),
            nodes.boolField(m.get("hotplug"), path + ".hotplug")));
      }
      return out;
    }

    private Set<Fault> faults(Node node) throws SpecException {
      Set<Fault> out = EnumSet.noneOf(Fault.class);
      List<Node> items = nodes.sequence(node, "faults");
      for (int i = 0; i < items.size(); i++) {
        String path = "faults[" + i + "]";
        String v = nodes.scalar(items.get(i), path);
        Node n = items.get(i);
        out.add(Fault.fromSpecName(v).orElseThrow(() -> nodes.error(n, path,
            "unknown fault '" + v + "' (one of " + SpecNodes.names(Fault.values()) + ")")));
      }
      return out;
    }

    /** {@code properties:} a subset of {@code all}, by name, kept in {@code all}'s order. */
    private List<PropertyRule> properties(Node node, List<PropertyRule> all)
        throws SpecException {
      List<Node> items = nodes.sequence(node, "properties");
      if (items.isEmpty()) {
        throw nodes.error(node, "properties",
            "empty list (omit the field to check all properties)");
      }
      Set<String> chosen = new java.util.HashSet<>();
      for (int i = 0; i < items.size(); i++) {
        String path = "properties[" + i + "]";
        String v = nodes.scalar(items.get(i), path);
        if (all.stream().noneMatch(p -> p.name().equals(v))) {
          throw nodes.error(items.get(i), path, "unknown property '" + v + "' (one of "
              + names(all) + ")");
        }
        chosen.add(v);
      }
      return all.stream().filter(p -> chosen.contains(p.name())).toList();
    }
  }
}
