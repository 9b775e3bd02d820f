package org.hotplugchecker.model.property;

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

  private final int[] cpuHome;
  private final int[] blockHome;
  private final long[] nodeOnline;
  private final long[] nodePgdat;
  private final long[] nodeRegistered;
  private final long[] cpuPresent;
  private final long[] cpuOnline;
  private final int[] cpuNidShift;
  private final int[] cpuLinkShift;
  private final long nodeField;
  private final long[] memPresent;
  private final long oops;

  /** The invariants of {@code topology} on one-word states of {@code layout}. */
  public OneWordInvariants(Topology topology, StateLayout layout) {
    if (layout.words() != 1) {
      throw new IllegalArgumentException("the layout needs " + layout.words() + " words");
    }
    int nodes = layout.nodes();
    nodeOnline = new long[nodes];
    nodePgdat = new long[nodes];
    nodeRegistered = new long[nodes];
    for (int n = 0; n < nodes; n++) {
      nodeOnline[n] = layout.nodeOnlineBit(n);
      nodePgdat[n] = layout.nodePgdatBit(n);
      nodeRegistered[n] = layout.nodeRegisteredBit(n);
    }
    int cpus = layout.cpus();
    cpuHome = new int[cpus];
    cpuPresent = new long[cpus];
    cpuOnline = new long[cpus];
    cpuNidShift = new int[cpus];
    cpuLinkShift = new int[cpus];
    for (int c = 0; c < cpus; c++) {
      cpuHome[c] = topology.cpus().get(c).home();
      cpuPresent[c] = layout.cpuPresentBit(c);
      cpuOnline[c] = layout.cpuOnlineBit(c);
      cpuNidShift[c] = layout.cpuNidShift(c);
      cpuLinkShift[c] = layout.cpuLinkShift(c);
    }
    nodeField = layout.nodeFieldMask();
    int blocks = layout.blocks();
    blockHome = new int[blocks];
    memPresent = new long[blocks];
    for (int b = 0; b < blocks; b++) {
      blockHome[b] = topology.memory().get(b).home();
      memPresent[b] = layout.memPresentBit(b);
    }
    oops = layout.oopsBit();
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
      case NO_OOPS -> (s & oops) == 0;
      case ALLOC_LOCAL -> throw new UnsupportedOperationException(
          "alloc_local is an action property");
    };
  }

  private int cpuToNode(long s, int c) {
    return (int) ((s >>> cpuNidShift[c]) & nodeField) - 1;
  }

  private int cpuLink(long s, int c) {
    return (int) ((s >>> cpuLinkShift[c]) & nodeField) - 1;
  }

  private boolean cpuNodeHasPgdat(long s) {
    for (int c = 0; c < cpuHome.length; c++) {
      int nid = cpuToNode(s, c);
      if (nid == NO_NODE || (s & nodePgdat[nid]) == 0) {
        return false;
      }
    }
    return true;
  }

  private boolean onlineNodeLinksCpus(long s) {
    for (int c = 0; c < cpuHome.length; c++) {
      int home = cpuHome[c];
      if ((s & cpuPresent[c]) != 0 && (s & nodeOnline[home]) != 0 && cpuLink(s, c) != home) {
        return false;
      }
    }
    return true;
  }

  private boolean noDanglingLinks(long s) {
    for (int c = 0; c < cpuHome.length; c++) {
      int link = cpuLink(s, c);
      if (link != NO_NODE
          && !((s & cpuPresent[c]) != 0 && (s & nodeRegistered[link]) != 0)) {
        return false;
      }
    }
    return true;
  }

  private boolean onlineNodeHasPgdat(long s) {
    for (int n = 0; n < nodeOnline.length; n++) {
      if ((s & nodeOnline[n]) != 0 && (s & nodePgdat[n]) == 0) {
        return false;
      }
    }
    return true;
  }

  private boolean registeredIffOnline(long s) {
    for (int n = 0; n < nodeOnline.length; n++) {
      if (((s & nodeRegistered[n]) != 0) != ((s & nodeOnline[n]) != 0)) {
        return false;
      }
    }
    return true;
  }

  private boolean onlineCpuOnOnlineNode(long s) {
    for (int c = 0; c < cpuHome.length; c++) {
      if ((s & cpuOnline[c]) != 0) {
        int nid = cpuToNode(s, c);
        if (nid == NO_NODE || (s & nodeOnline[nid]) == 0) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean memoryOnOnlineNode(long s) {
    for (int b = 0; b < blockHome.length; b++) {
      if ((s & memPresent[b]) != 0 && (s & nodeOnline[blockHome[b]]) == 0) {
        return false;
      }
    }
    return true;
  }
}
