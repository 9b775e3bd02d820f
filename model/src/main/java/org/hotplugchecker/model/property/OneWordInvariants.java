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

  // For violations(): a one-word layout packs each per-node, per-CPU and per-block flag
  // array into consecutive bits, so a whole array is read with one shift and mask.
  private final int onlineBase;
  private final int pgdatBase;
  private final int registeredBase;
  private final int cpuPresentBase;
  private final int cpuOnlineBase;
  private final int memPresentBase;
  private final long nodeSet;
  private final long blockSet;
  private final int[] nidShift;
  private final int[] linkShift;
  private final int[] cpuHome;
  /** Per set of online nodes: the blocks whose home is one of them ({@code nodes <= 16}). */
  private final long[] blocksHomedOn;
  private final long[] blocksOfNode;

  /** The invariants of {@code topology} on one-word states of {@code layout}. */
  public OneWordInvariants(Topology topology, StateLayout layout) {
    m = new OneWordMasks(topology, layout);
    int nodes = m.nodes();
    int cpus = m.cpus();
    int blocks = m.blocks();
    onlineBase = base(nodes, m::nodeOnline);
    pgdatBase = base(nodes, m::nodePgdat);
    registeredBase = base(nodes, m::nodeRegistered);
    cpuPresentBase = base(cpus, m::cpuPresent);
    cpuOnlineBase = base(cpus, m::cpuOnline);
    memPresentBase = base(blocks, m::memPresent);
    nodeSet = (1L << nodes) - 1;
    blockSet = blocks == 64 ? -1L : (1L << blocks) - 1;
    nidShift = new int[cpus];
    linkShift = new int[cpus];
    cpuHome = new int[cpus];
    for (int c = 0; c < cpus; c++) {
      nidShift[c] = m.cpuNidShift(c);
      linkShift[c] = m.cpuLinkShift(c);
      cpuHome[c] = m.cpuHome(c);
    }
    blocksOfNode = new long[nodes];
    for (int b = 0; b < blocks; b++) {
      blocksOfNode[m.blockHome(b)] |= 1L << b;
    }
    if (nodes <= 16) {
      blocksHomedOn = new long[1 << nodes];
      for (int set = 1; set < blocksHomedOn.length; set++) {
        int n = Integer.numberOfTrailingZeros(set);
        blocksHomedOn[set] = blocksHomedOn[set & (set - 1)] | blocksOfNode[n];
      }
    } else {
      blocksHomedOn = null;
    }
  }

  /** The position of the first of {@code count} flags at consecutive bits. */
  private static int base(int count, java.util.function.IntToLongFunction bit) {
    if (count == 0) {
      return 0;
    }
    int base = Long.numberOfTrailingZeros(bit.applyAsLong(0));
    for (int i = 0; i < count; i++) {
      if (bit.applyAsLong(i) != 1L << (base + i)) {
        throw new IllegalStateException("one-word flags are not consecutive");
      }
    }
    return base;
  }

  /**
   * The state invariants violated in one-word state {@code s}, as a bit set over {@link
   * HotplugProperty#ordinal()}: all of {@link #holds} at once. The search asks this of
   * every state, so each invariant is a few mask operations (flags of all nodes read in
   * one shift; node-valued fields, stored plus one, index a flag set shifted up by one)
   * and one pass over the CPUs serves the four per-CPU invariants. A property test checks
   * it against {@link #holds} on every reachable state.
   */
  public int violations(long s) {
    long online = (s >>> onlineBase) & nodeSet;
    long pgdat = (s >>> pgdatBase) & nodeSet;
    long registered = (s >>> registeredBase) & nodeSet;
    // Bit v of these is the flag of node v - 1: indexed by a stored field, 0 is NO_NODE.
    long onlineByField = online << 1;
    long pgdatByField = pgdat << 1;
    long registeredByField = registered << 1;
    long present = s >>> cpuPresentBase;
    long cpuOnline = s >>> cpuOnlineBase;
    long field = m.nodeField();
    long nidWithoutPgdat = 0;
    long unlinked = 0;
    long dangling = 0;
    long onlineOnOffline = 0;
    for (int c = 0; c < nidShift.length; c++) {
      int nid = (int) ((s >>> nidShift[c]) & field);
      int link = (int) ((s >>> linkShift[c]) & field);
      long isPresent = (present >>> c) & 1;
      int home = cpuHome[c];
      nidWithoutPgdat |= ~(pgdatByField >>> nid) & 1;
      unlinked |= isPresent & (online >>> home) & (link != home + 1 ? 1 : 0);
      dangling |= (link != 0 ? 1 : 0) & ~(isPresent & (registeredByField >>> link));
      onlineOnOffline |= (cpuOnline >>> c) & ~(onlineByField >>> nid);
    }
    long memPresent = (s >>> memPresentBase) & blockSet;
    long blocksOnOnline = blocksHomedOn != null ? blocksHomedOn[(int) online]
        : blocksOn(online);
    int v = 0;
    v |= (int) (nidWithoutPgdat & 1) << HotplugProperty.CPU_NODE_HAS_PGDAT.ordinal();
    v |= (int) (unlinked & 1) << HotplugProperty.ONLINE_NODE_LINKS_CPUS.ordinal();
    v |= (int) (dangling & 1) << HotplugProperty.NO_DANGLING_LINKS.ordinal();
    v |= ((online & ~pgdat) != 0 ? 1 : 0) << HotplugProperty.ONLINE_NODE_HAS_PGDAT.ordinal();
    v |= (online != registered ? 1 : 0) << HotplugProperty.REGISTERED_IFF_ONLINE.ordinal();
    v |= (int) (onlineOnOffline & 1) << HotplugProperty.ONLINE_CPU_ON_ONLINE_NODE.ordinal();
    v |= ((memPresent & ~blocksOnOnline) != 0 ? 1 : 0)
        << HotplugProperty.MEMORY_ON_ONLINE_NODE.ordinal();
    v |= ((s & m.oops()) != 0 ? 1 : 0) << HotplugProperty.NO_OOPS.ordinal();
    return v;
  }

  private long blocksOn(long nodes) {
    long blocks = 0;
    for (int n = 0; n < blocksOfNode.length; n++) {
      if ((nodes & (1L << n)) != 0) {
        blocks |= blocksOfNode[n];
      }
    }
    return blocks;
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
