package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.topology.Component;

/**
 * Topology classes in words, for reports next to their compact key, e.g.
 * {@code 2 nodes; CPU 0 fixed on node 0, CPU 1 hot-added on node 1; no memory}.
 */
final class ClassNames {
  private ClassNames() {}

  /** The class in words: nodes, then every CPU and block with its presence and node. */
  static String describe(CanonicalTopology t) {
    StringBuilder sb = new StringBuilder();
    sb.append(t.nodes()).append(t.nodes() == 1 ? " node; " : " nodes; ");
    sb.append(components("CPU", t.cpuList()));
    sb.append("; ").append(t.blockList().isEmpty() ? "no memory"
        : components("block", t.blockList()));
    return sb.toString();
  }

  private static String components(String kind, List<Component> list) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Component c = list.get(i);
      parts.add(kind + " " + i + " " + presence(c) + " on node " + c.home());
    }
    return String.join(", ", parts);
  }

  /** fixed (boot, never removed), removable (boot, hot-pluggable) or hot-added (later). */
  static String presence(Component c) {
    return switch (CanonicalTopology.Presence.of(c)) {
      case FIXED -> "fixed";
      case REMOVABLE -> "removable";
      case ADDED -> "hot-added";
    };
  }
}
