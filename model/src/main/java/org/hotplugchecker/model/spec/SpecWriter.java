package org.hotplugchecker.model.spec;

import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Topology;

/**
 * Writes a topology as a spec file that {@link SpecLoader} reads back to an equal
 * topology, so a failing random case or a sweep's smallest counterexample can be rerun
 * with the CLI as it is.
 */
public final class SpecWriter {
  private SpecWriter() {}

  /** The spec of {@code t}, without a name. */
  public static String of(Topology t) {
    return body(t, new StringBuilder()).toString();
  }

  /** The spec of {@code t} named {@code name}. */
  public static String of(String name, Topology t) {
    return body(t, new StringBuilder("name: ").append(name).append('\n')).toString();
  }

  private static StringBuilder body(Topology t, StringBuilder sb) {
    sb.append("arch: ").append(t.arch().specName()).append('\n');
    sb.append("kernel: ").append(t.kernel().specName()).append('\n');
    sb.append("nodes: ").append(t.nodes()).append('\n');
    if (!t.hasDefaultDistance()) {
      sb.append("distance:\n");
      for (int i = 0; i < t.nodes(); i++) {
        sb.append("  - [");
        for (int j = 0; j < t.nodes(); j++) {
          sb.append(j == 0 ? "" : ", ").append(t.distance(i, j));
        }
        sb.append("]\n");
      }
    }
    components(sb, "cpus", t.cpus());
    components(sb, "memory", t.memory());
    if (!t.faults().isEmpty()) {
      sb.append("faults: [").append(String.join(", ",
          t.faults().stream().map(Fault::specName).sorted().toList())).append("]\n");
    }
    return sb;
  }

  private static void components(StringBuilder sb, String field,
      java.util.List<Component> list) {
    if (list.isEmpty()) {
      sb.append(field).append(": []\n");
      return;
    }
    sb.append(field).append(":\n");
    for (Component c : list) {
      sb.append("  - {home: ").append(c.home()).append(", boot: ").append(c.boot())
          .append(", hotplug: ").append(c.hotplug()).append("}\n");
    }
  }
}
