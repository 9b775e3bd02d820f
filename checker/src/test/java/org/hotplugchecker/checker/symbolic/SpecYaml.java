package org.hotplugchecker.checker.symbolic;

import java.util.List;
import java.util.stream.Collectors;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Topology;

/** Renders a topology as a spec (YAML) so a failing random case can be re-run by hand. */
final class SpecYaml {
  private SpecYaml() {}

  static String of(Topology t) {
    StringBuilder y = new StringBuilder();
    y.append("arch: ").append(t.arch().specName()).append('\n');
    y.append("kernel: ").append(t.kernel().specName()).append('\n');
    y.append("nodes: ").append(t.nodes()).append('\n');
    if (!t.hasDefaultDistance()) {
      y.append("distance:\n");
      for (int[] row : t.distanceMatrix()) {
        y.append("  - ").append(java.util.Arrays.toString(row)).append('\n');
      }
    }
    y.append("cpus:").append(components(t.cpus()));
    y.append("memory:").append(components(t.memory()));
    y.append("faults: [").append(t.faults().stream().map(Fault::specName)
        .collect(Collectors.joining(", "))).append("]\n");
    return y.toString();
  }

  private static String components(List<Component> list) {
    if (list.isEmpty()) {
      return " []\n";
    }
    StringBuilder y = new StringBuilder("\n");
    for (Component c : list) {
      y.append("  - {home: ").append(c.home()).append(", boot: ").append(c.boot())
          .append(", hotplug: ").append(c.hotplug()).append("}\n");
    }
    return y.toString();
  }
}
