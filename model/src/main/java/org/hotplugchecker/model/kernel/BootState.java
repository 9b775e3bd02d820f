package org.hotplugchecker.model.kernel;

import static org.hotplugchecker.model.state.HotplugState.NO_NODE;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.state.HotplugState;
import org.hotplugchecker.model.state.StateLayout;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Topology;

/** The state right after boot ({@code MODEL.md}, "Initial state"). */
public final class BootState {
  private BootState() {}

  /** Builds the boot state of {@code topology} in {@code layout}. */
  public static HotplugState of(Topology topology, StateLayout layout) {
    HotplugState s = new HotplugState(layout, new long[layout.words()]);
    for (Component cpu : topology.cpus()) {
      if (cpu.boot()) {
        s.setNodeOnline(cpu.home(), true);
      }
    }
    for (Component block : topology.memory()) {
      if (block.boot()) {
        s.setNodeOnline(block.home(), true);
      }
    }
    List<Integer> onlineNodes = new ArrayList<>();
    for (int n = 0; n < topology.nodes(); n++) {
      boolean online = s.nodeOnline(n);
      s.setNodeRegistered(n, online);
      s.setPgdat(n, online || topology.kernel().pgdatForEveryPossibleNode());
      if (online) {
        onlineNodes.add(n);
      }
    }
    int nextRoundRobin = 0;
    for (int c = 0; c < topology.cpus().size(); c++) {
      Component cpu = topology.cpus().get(c);
      if (cpu.boot()) {
        s.setCpuPresent(c, true);
        s.setCpuOnline(c, true);
        s.setCpuToNode(c, cpu.home());
        s.setCpuLink(c, cpu.home());
      } else {
        // numa_init_array: x86 spreads not-yet-present CPUs over the online nodes.
        int nid = topology.arch() == Arch.X86
            ? onlineNodes.get(nextRoundRobin++ % onlineNodes.size())
            : cpu.home();
        s.setCpuToNode(c, nid);
        s.setCpuLink(c, NO_NODE);
      }
    }
    for (int b = 0; b < topology.memory().size(); b++) {
      if (topology.memory().get(b).boot()) {
        s.setMemPresent(b, true);
        s.setMemOnline(b, true);
      }
    }
    return s;
  }
}
