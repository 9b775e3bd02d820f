package org.hotplugchecker.checker.sweep;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;

/** Writes a topology class as a spec file that {@code SpecLoader} reads back. */
public final class SpecText {
  private SpecText() {}

  /** The spec of {@code t} on {@code arch}/{@code kernel}, named {@code name}. */
  public static String of(String name, CanonicalTopology t, Arch arch, KernelVariant kernel,
      Set<Fault> faults) {
    StringBuilder sb = new StringBuilder();
    sb.append("name: ").append(name).append('\n');
    sb.append("arch: ").append(arch.specName()).append('\n');
    sb.append("kernel: ").append(kernel.specName()).append('\n');
    sb.append("nodes: ").append(t.nodes()).append('\n');
    components(sb, "cpus", t.cpuList());
    components(sb, "memory", t.blockList());
    if (!faults.isEmpty()) {
      sb.append("faults: [").append(faults.stream().map(Fault::specName).sorted()
          .collect(Collectors.joining(", "))).append("]\n");
    }
    return sb.toString();
  }

  private static void components(StringBuilder sb, String field, List<Component> list) {
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
