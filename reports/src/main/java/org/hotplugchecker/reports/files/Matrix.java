package org.hotplugchecker.reports.files;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.RuleLists;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;

/**
 * The kernel-variant x property table: checks that differ only in their kernel or arch
 * share a group (one table per machine), one row per check (kernel, arch), one column per
 * property any check of the group checks. A spec whose {@code kernel:} and {@code arch:}
 * are lists is thus one whole table.
 *
 * @param groups the tables, in order of first appearance
 */
record Matrix(List<Group> groups) {

  /**
   * One table.
   *
   * @param title the shared machine shape
   * @param properties column names, in model order
   * @param rows one per check, by kernel (presets in variant order), then arch
   */
  record Group(String title, List<String> properties, List<Row> rows) {}

  /**
   * One spec's row.
   *
   * @param kernel the kernel's label ({@code v4.19}, {@code v5.0+offline_guard=...})
   * @param arch the arch
   * @param spec the spec name
   * @param run the index of the spec's run in the list the matrix was made of
   * @param cells one per column; empty when the spec does not check that property
   */
  record Row(String kernel, String arch, String spec, int run,
      List<Optional<PropertyOutcome>> cells) {}

  static Matrix of(List<CheckRun> runs) {
    // Same machine, any kernel and arch: compare topologies with both normalised away.
    Map<Topology, List<Integer>> byShape = new LinkedHashMap<>();
    for (int i = 0; i < runs.size(); i++) {
      Topology key = runs.get(i).spec().topology().withKernel(KernelVariant.values()[0])
          .withArch(Arch.values()[0]);
      byShape.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    List<Group> groups = new ArrayList<>();
    for (Map.Entry<Topology, List<Integer>> e : byShape.entrySet()) {
      groups.add(group(e.getKey(), runs, e.getValue()));
    }
    return new Matrix(List.copyOf(groups));
  }

  private static Group group(Topology shape, List<CheckRun> all, List<Integer> members) {
    List<String> properties = members.stream().map(all::get)
        .flatMap(r -> r.outcomes().stream().map(PropertyOutcome::name))
        .distinct()
        .sorted(Comparator.comparingInt(Matrix::modelOrder))
        .toList();
    List<Integer> sorted = new ArrayList<>(members);
    sorted.sort(Comparator.comparing((Integer i) -> all.get(i).spec().topology().kernel())
        .thenComparing(i -> all.get(i).spec().topology().arch())
        .thenComparing(i -> all.get(i).spec().name()));
    List<Row> rows = new ArrayList<>();
    for (int index : sorted) {
      CheckRun r = all.get(index);
      Map<String, PropertyOutcome> byName = r.outcomes().stream()
          .collect(Collectors.toMap(PropertyOutcome::name, o -> o));
      rows.add(new Row(r.spec().topology().kernel().label(),
          r.spec().topology().arch().specName(), r.spec().name(), index,
          properties.stream().map(p -> Optional.ofNullable(byName.get(p))).toList()));
    }
    return new Group(title(shape), properties, List.copyOf(rows));
  }

  private static int modelOrder(String property) {
    // a spec's own invariants after the built-ins (List.copyOf's indexOf rejects null)
    return HotplugRules.RULES.property(property)
        .map(p -> RuleLists.indexOf(HotplugRules.RULES.properties(), p))
        .orElse(Integer.MAX_VALUE);
  }

  /** E.g. {@code 2 nodes; cpus: 0@n0, 1@n1 hotplug; memory: 0@n0, 1@n1 hotplug}. */
  static String title(Topology t) {
    StringBuilder sb = new StringBuilder();
    sb.append(t.nodes()).append(t.nodes() == 1 ? " node" : " nodes");
    sb.append("; cpus: ").append(components(t.cpus()));
    sb.append("; memory: ").append(t.memory().isEmpty() ? "none" : components(t.memory()));
    if (!t.hasDefaultDistance()) {
      sb.append("; custom distances");
    }
    if (!t.faults().isEmpty()) {
      sb.append("; faults: ").append(t.faults().stream().map(Object::toString)
          .collect(Collectors.joining(", ")));
    }
    return sb.toString();
  }

  private static String components(List<Component> list) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Component c = list.get(i);
      String kind = c.hotplug() ? (c.boot() ? " hotplug" : " hot-added") : "";
      parts.add(i + "@n" + c.home() + kind);
    }
    return String.join(", ", parts);
  }

  /** The markdown of {@code matrix.md}. */
  String markdown() {
    StringBuilder sb = new StringBuilder("# Kernel variant \u00d7 property\n\n");
    sb.append("`holds`: no reachable state violates it; `violated (K)`: a shortest ")
        .append("counterexample has K steps; `vacuous`: never exercised; `unknown`: ")
        .append("the search stopped before deciding; \u26a0 not as the spec expects, or ")
        .append("expected but not decided.\n");
    for (Group g : groups) {
      sb.append("\n## ").append(g.title()).append("\n\n");
      sb.append("| kernel | arch | spec |");
      g.properties().forEach(p -> sb.append(' ').append(p).append(" |"));
      sb.append("\n|---|---|---|");
      g.properties().forEach(p -> sb.append("---|"));
      sb.append('\n');
      for (Row r : g.rows()) {
        sb.append("| ").append(escape(r.kernel())).append(" | ").append(r.arch()).append(" | ")
            .append(escape(r.spec())).append(" |");
        for (Optional<PropertyOutcome> c : r.cells()) {
          sb.append(' ').append(c.map(Matrix::cellText).orElse("\u2014")).append(" |");
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  static String cellText(PropertyOutcome o) {
    return verdictText(o) + (o.failed() || o.undecidedExpectation() ? " \u26a0" : "");
  }

  /** The verdict as a table cell says it: {@code holds}, {@code violated (4)}, ... */
  static String verdictText(PropertyOutcome o) {
    return o.verdict() == Verdict.VIOLATED ? "violated (" + o.length() + ")"
        : o.verdict().specName();
  }

  private static String escape(String s) {
    return s.replace("|", "\\|");
  }
}
