package org.hotplugchecker.checker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * Reads {@code shared/reference/counts.json} and {@code knobs-invariants.json}, the numbers
 * every engine must reproduce.
 */
public final class ReferenceCases {
  /**
   * One reference topology with its expected numbers; verdicts are e.g. {@code violated@4}.
   * {@code invariants} are the case's user invariants (name to expression), in file order.
   */
  public record Case(String name, Topology topology, Map<String, String> invariants,
      long states, long transitions, Map<String, String> verdicts) {
    @Override
    public String toString() {
      return name;
    }

    /** The built-in properties, then the case's invariants parsed from their source. */
    public List<PropertyRule> properties() {
      List<PropertyRule> all = new ArrayList<>(HotplugRules.RULES.properties());
      invariants.forEach((n, source) -> {
        try {
          all.add(new PropertyRule.Invariant(n, source,
              InvariantParser.parse(HotplugRules.RULES, source), source));
        } catch (InvariantException e) {
          throw new IllegalStateException(name + ": invariant " + n + ": " + e.getMessage());
        }
      });
      return all;
    }
  }

  private ReferenceCases() {}

  /** Locates the shared folder beside the project (or {@code -Dhotplug.shared}). */
  public static Path sharedDir() {
    String override = System.getProperty("hotplug.shared");
    if (override != null) {
      return Path.of(override);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/reference/counts.json");
      if (Files.isRegularFile(candidate)) {
        return dir.resolve("shared");
      }
      Path sibling = dir.resolveSibling("shared").resolve("reference/counts.json");
      if (dir.getParent() != null && Files.isRegularFile(sibling)) {
        return dir.resolveSibling("shared");
      }
    }
    throw new IllegalStateException("shared/reference/counts.json not found above "
        + Path.of("").toAbsolutePath() + " (set -Dhotplug.shared)");
  }

  /** All cases of {@code counts.json} (presets, built-in properties), in file order. */
  public static List<Case> all() {
    return read("counts.json");
  }

  /** All cases of {@code knobs-invariants.json}, in file order. */
  public static List<Case> knobsAndInvariants() {
    return read("knobs-invariants.json");
  }

  /** The cases of {@link #knobsAndInvariants()} without user invariants. */
  public static List<Case> knobs() {
    return knobsAndInvariants().stream().filter(c -> c.invariants().isEmpty()).toList();
  }

  private static List<Case> read(String file) {
    try {
      JsonNode root = new ObjectMapper().readTree(
          Files.readString(sharedDir().resolve("reference").resolve(file)));
      List<Case> cases = new ArrayList<>();
      for (JsonNode c : root) {
        Map<String, String> verdicts = new LinkedHashMap<>();
        c.get("verdicts").fields().forEachRemaining(e -> verdicts.put(e.getKey(),
            e.getValue().asText()));
        Map<String, String> invariants = new LinkedHashMap<>();
        JsonNode inv = c.get("topology").get("invariants");
        if (inv != null) {
          inv.fields().forEachRemaining(e -> invariants.put(e.getKey(), e.getValue().asText()));
        }
        cases.add(new Case(c.get("name").asText(), topology(c.get("topology")), invariants,
            c.get("states").asLong(), c.get("transitions").asLong(), verdicts));
      }
      return cases;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Topology topology(JsonNode t) {
    Set<Fault> faults = new java.util.HashSet<>();
    if (t.has("faults")) {
      t.get("faults").forEach(f -> faults.add(Fault.fromSpecName(f.asText()).orElseThrow()));
    }
    int[][] distance = null;
    if (t.has("distance")) {
      JsonNode d = t.get("distance");
      distance = new int[d.size()][];
      for (int i = 0; i < d.size(); i++) {
        distance[i] = new int[d.get(i).size()];
        for (int j = 0; j < d.get(i).size(); j++) {
          distance[i][j] = d.get(i).get(j).asInt();
        }
      }
    }
    return Topology.of(Arch.fromSpecName(t.get("arch").asText()).orElseThrow(),
        kernel(t.get("kernel")),
        t.get("nodes").asInt(), distance, components(t.get("cpus")),
        components(t.get("memory")), faults);
  }

  /** A preset name, or knobs over an optional {@code base} preset. */
  private static Kernel kernel(JsonNode k) {
    if (k.isTextual()) {
      return KernelVariant.fromSpecName(k.asText()).orElseThrow().kernel();
    }
    Map<String, String> knobs = new LinkedHashMap<>();
    if (k.has("base")) {
      knobs.putAll(KernelVariant.fromSpecName(k.get("base").asText()).orElseThrow().kernel()
          .knobs());
    }
    k.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("base")) {
        knobs.put(e.getKey(), e.getValue().asText());
      }
    });
    return Kernel.of(knobs);
  }

  private static List<Component> components(JsonNode list) {
    List<Component> out = new ArrayList<>();
    for (JsonNode c : list) {
      out.add(new Component(c.get("home").asInt(), c.get("boot").asBoolean(),
          c.get("hotplug").asBoolean()));
    }
    return out;
  }

  /** Renders a result's verdict in the reference's notation ({@code violated@K}). */
  public static String referenceNotation(PropertyResult r) {
    return r.verdict() == Verdict.VIOLATED ? "violated@" + r.length() : r.verdict().specName();
  }
}
