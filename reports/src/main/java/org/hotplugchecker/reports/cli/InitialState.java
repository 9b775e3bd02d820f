package org.hotplugchecker.reports.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.StateVariable;

/**
 * A trace's initial state grouped by node, as the HTML report draws it: each node's own
 * variables, then those of the CPUs and blocks whose firmware home it is, then whatever
 * belongs to no node ({@code oops}).
 */
final class InitialState {
  private static final Pattern INDEXED = Pattern.compile("([A-Za-z_]+)\\((\\d+)\\)");

  private InitialState() {}

  /** The lines, without indentation beyond the nesting of CPUs and blocks under nodes. */
  static List<String> lines(List<StateVariable> vars, Topology t) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (int n = 0; n < t.nodes(); n++) {
      groups.put("node " + n, new ArrayList<>());
      for (int c = 0; c < t.cpus().size(); c++) {
        if (t.cpus().get(c).home() == n) {
          groups.put("  cpu " + c, new ArrayList<>());
        }
      }
      for (int b = 0; b < t.memory().size(); b++) {
        if (t.memory().get(b).home() == n) {
          groups.put("  mem " + b, new ArrayList<>());
        }
      }
    }
    List<String> other = new ArrayList<>();
    for (StateVariable v : vars) {
      List<String> group = groups.get(groupOf(v.name()));
      (group == null ? other : group).add(v.name() + "=" + v.render());
    }
    List<String> out = new ArrayList<>();
    groups.forEach((name, items) -> {
      if (!items.isEmpty()) {
        out.add(name + ": " + String.join(" ", items));
      }
    });
    if (!other.isEmpty()) {
      out.add(String.join(" ", other));
    }
    return out;
  }

  /** {@code node N}, {@code   cpu N}, {@code   mem N}, or empty for no node. */
  private static String groupOf(String variable) {
    Matcher m = INDEXED.matcher(variable);
    if (!m.matches()) {
      return "";
    }
    String prefix = m.group(1);
    if (prefix.startsWith("cpu_")) {
      return "  cpu " + m.group(2);
    }
    if (prefix.startsWith("mem_")) {
      return "  mem " + m.group(2);
    }
    return prefix.startsWith("node_") || prefix.equals("NODE_DATA") ? "node " + m.group(2) : "";
  }
}
