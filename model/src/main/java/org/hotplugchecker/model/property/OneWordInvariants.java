package org.hotplugchecker.model.property;

import org.hotplugchecker.model.state.OneWordMasks;
import org.hotplugchecker.model.state.StateLayout;
import org.hotplugchecker.model.topology.Topology;

/**
 * The state invariants of {@link HotplugProperty} on a state packed into one
 * {@code long}. The search evaluates every unsettled invariant on every state; through
 * {@link org.hotplugchecker.model.state.HotplugState} each field read is three table
 * lookups, here it is a mask or a shift. Each method mirrors its property's
 * {@code holdsIn}; a property test checks that they agree on every reachable state.
 */
public final class OneWordInvariants {
  private static final int NO_NODE = -1;

  private final OneWordMasks m;

  /** The invariants of {@code topology} on one-word states of {@code layout}. */
  public OneWordInvariants(Topology topology, StateLayout layout) {
    m = new OneWordMasks(topology, layout);
  }

  /** Whether invariant {@code p} holds in one-word state {@code s}. */
  public boolean holds(HotplugProperty p, long s) {
    return switch (p) {
      case CPU_NODE_HAS_PGDAT -> cpuNodeHasPgdat(s);
      case ONLINE_NODE_LINKS_CPUS -> onlineNodeLinksCpus(s);
      case NO_DANGLING_LINKS -> noDanglingLinks(s);
      case ONLINE_NODE_HAS_PGDAT -> onlineNodeHasPgdat(s);
      case REGISTERED_IFF_ONLINE -> registeredIffOnline(s);
      case ONLINE_CPU_ON_ONLINE_NODE -> onlineCpuOnOnlineNode(s);
      case MEMORY_ON_ONLINE_NODE -> memoryOnOnlineNode(s);
      case NO_OOPS -> (s & m.oops()) == 0;
      case ALLOC_LOCAL -> throw new UnsupportedOperationException(
          "alloc_local is an action property");
    };
  }

  private int cpuToNode(long s, int c) {
    return (int) ((s >>> m.cpuNidShift(c)) & m.nodeField()) - 1;
  }

  private int cpuLink(long s, int c) {
    return (int) ((s >>> m.cpuLinkShift(c)) & m.nodeField()) - 1;
  }

  private boolean cpuNodeHasPgdat(long s) {
    for (int c = 0; c < m.cpus(); c++) {
      int nid = cpuToNode(s, c);
      if (nid == NO_NODE || (s & m.nodePgdat(nid)) == 0) {
        return false;
      }
    }
    return true;
  }

  private boolean onlineNodeLinksCpus(long s) {
    for (int c = 0; c < m.cpus(); c++) {
      int home = m.cpuHome(c);
      if ((s & m.cpuPresent(c)) != 0 && (s & m.nodeOnline(home)) != 0 && cpuLink(s, c) != home) {
        return false;
      }
    }
    return true;
  }

  private boolean noDanglingLinks(long s) {
    for (int c = 0; c < m.cpus(); c++) {
      int link = cpuLink(s, c);
      if (link != NO_NODE
          && !((s & m.cpuPresent(c)) != 0 && (s & m.nodeRegistered(link)) != 0)) {
        return false;
      }
    }
    return true;
  }

  private boolean onlineNodeHasPgdat(long s) {
    for (int n = 0; n < m.nodes(); n++) {
      if ((s & m.nodeOnline(n)) != 0 && (s & m.nodePgdat(n)) == 0) {
        return false;
      }
    }
    return true;
  }

  private boolean registeredIffOnline(long s) {
    for (int n = 0; n < m.nodes(); n++) {
      if (((s & m.nodeRegistered(n)) != 0) != ((s & m.nodeOnline(n)) != 0)) {
        return false;
      }
    }
    return true;
  }

  private boolean onlineCpuOnOnlineNode(long s) {
    for (int c = 0; c < m.cpus(); c++) {
      if ((s & m.cpuOnline(c)) != 0) {
        int nid = cpuToNode(s, c);
        if (nid == NO_NODE || (s & m.nodeOnline(nid)) == 0) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean memoryOnOnlineNode(long s) {
    for (int b = 0; b < m.blocks(); b++) {
      if ((s & m.memPresent(b)) != 0 && (s & m.nodeOnline(m.blockHome(b))) == 0) {
        return false;
      }
    }
    return true;
  }
}
