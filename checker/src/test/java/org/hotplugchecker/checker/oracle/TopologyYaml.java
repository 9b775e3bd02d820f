package org.hotplugchecker.checker.oracle;

import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Topology;

/** Renders a topology as a spec file body, so a failing case can be re-run with the CLI. */
final class TopologyYaml {
  private TopologyYaml() {}

  static String of(Topology t) {
    StringBuilder sb = new StringBuilder();
    sb.append("arch: ").append(t.arch().specName()).append('\n');
    sb.append("kernel: ").append(t.kernel().specName()).append('\n');
    sb.append("nodes: ").append(t.nodes()).append('\n');
    sb.append("distance:\n");
    for (int i = 0; i < t.nodes(); i++) {
      sb.append("  - [");
      for (int j = 0; j < t.nodes(); j++) {
        sb.append(j == 0 ? "" : ", ").append(t.distance(i, j));
      }
      sb.append("]\n");
    }
    sb.append("cpus:\n");
    for (Component c : t.cpus()) {
      sb.append(component(c));
    }
    sb.append(t.memory().isEmpty() ? "memory: []\n" : "memory:\n");
    for (Component b : t.memory()) {
      sb.append(component(b));
    }
    sb.append("faults: [");
    sb.append(String.join(", ", t.faults().stream().map(Fault::specName).sorted().toList()));
    sb.append("]\n");
    return sb.toString();
  }

  private static String component(Component c) {
    return "  - {home: " + c.home() + ", boot: " + c.boot() + ", hotplug: " + c.hotplug()
        + "}\n";
  }
}
