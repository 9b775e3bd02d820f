package org.hotplugchecker.model.kernel;

import org.hotplugchecker.model.state.OneWordMasks;
import org.hotplugchecker.model.state.StateLayout;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.Topology;

/**
 * {@link HotplugKernel}'s actions once more, on a state packed into a single {@code long}.
 *
 * <p>Why a second copy: the search fires every action of every state, and through the
 * general path each firing copies an array, wraps it in a {@link
 * org.hotplugchecker.model.state.HotplugState} and looks every field's word, shift and
 * mask up in tables. Most topologies fit one word, and there a firing is a handful of
 * mask operations on a register. The methods mirror {@link HotplugKernel}'s one to one
 * (same names, same order of effects, no call chain); a property test checks that both
 * give the same successor for every reachable state and action.
 */
public final class OneWordKernel {
  private static final int NO_NODE = -1;

  private final boolean x86;
  private final boolean clearsCpuNode;
  private final boolean onlineBlocksOnly;
  private final boolean pgdatForEveryPossibleNode;
  private final boolean noNodeFallsBack;
  private final OneWordMasks m;

  /** Per node: the bits of its blocks that keep it in use ({@code nodeIsUnused}). */
  private final long[] nodeKeepingBlocks;

  /**
   * The action instances' guards and targets, flattened to parallel arrays by action id;
   * the successor loop reads them instead of chasing objects.
   */
  private final long[] guardCare;
  private final long[] guardWant;
  private final long[] guardAny;
  private final ActionKind[] actionKind;
  private final int[] actionIndex;

  /**
   * The kernel of {@code topology} on one-word states of {@code layout}, with its action
   * instances numbered: action id {@code a} is {@code kinds[a]} on CPU/block
   * {@code indices[a]}, enabled as {@code guards[a]} says.
   */
  public OneWordKernel(Topology topology, StateLayout layout, ActionKind[] kinds,
      int[] indices, ActionGuard[] guards) {
    guardCare = new long[kinds.length];
    guardWant = new long[kinds.length];
    guardAny = new long[kinds.length];
    for (int a = 0; a < kinds.length; a++) {
      long[] g = guards[a].oneWordMasks();
      guardCare[a] = g[0];
      guardWant[a] = g[1];
      guardAny[a] = g[2];
    }
    guardsByByte = kinds.length <= 64 ? transposeGuards() : null;
    actionKind = kinds.clone();
    ofKind = kindSets(kinds);
    actionIndex = indices.clone();
    m = new OneWordMasks(topology, layout);
    Kernel kernel = topology.kernel();
    x86 = topology.arch() == Arch.X86;
    clearsCpuNode = kernel.clearsCpuNodeOnOffline(topology.arch());
    onlineBlocksOnly = kernel.guardSeesOnlyOnlineBlocks();
    pgdatForEveryPossibleNode = kernel.pgdatForEveryPossibleNode();
    noNodeFallsBack = kernel.noNodeFallsBackToNumaMemId();
    int nodes = layout.nodes();
    int blocks = layout.blocks();
    nodeKeepingBlocks = new long[nodes];
    for (int b = 0; b < blocks; b++) {
      nodeKeepingBlocks[m.blockHome(b)] |= onlineBlocksOnly ? m.memOnline(b) : m.memPresent(b);
    }
    nodesByDistance = new int[nodes][];
    for (int from = 0; from < nodes; from++) {
      int f = from;
      nodesByDistance[from] = java.util.stream.IntStream.range(0, nodes).boxed()
          .sorted(java.util.Comparator.<Integer>comparingInt(n -> topology.distance(f, n))
              .thenComparingInt(n -> n))
          .mapToInt(Integer::intValue).toArray();
    }
    nodeOnlineBlocks = new long[nodes];
    for (int b = 0; b < blocks; b++) {
      nodeOnlineBlocks[m.blockHome(b)] |= m.memOnline(b);
    }
    memOnlineBase = blocks == 0 ? 0 : Long.numberOfTrailingZeros(m.memOnline(0));
    memOnlineSet = (1L << blocks) - 1;
    boolean consecutive = true;
    for (int b = 0; b < blocks; b++) {
      consecutive &= m.memOnline(b) == 1L << (memOnlineBase + b);
    }
    if (consecutive && blocks <= MEMORY_TABLE_BLOCKS && nodes <= 16) {
      memoryNodesByBlocks = new short[1 << blocks];
      for (int online = 1; online < 1 << blocks; online++) {
        int b = Integer.numberOfTrailingZeros(online);
        memoryNodesByBlocks[online] = (short) (memoryNodesByBlocks[online & (online - 1)]
            | 1 << m.blockHome(b));
      }
    } else {
      memoryNodesByBlocks = null;
    }
    if (nodes <= NEAREST_TABLE_NODES) {
      nearestTable = new byte[nodes << nodes];
      for (int from = 0; from < nodes; from++) {
        for (int set = 1; set < 1 << nodes; set++) {
          int n = 0;
          while ((set & (1 << nodesByDistance[from][n])) == 0) {
            n++;
          }
          nearestTable[(from << nodes) | set] = (byte) nodesByDistance[from][n];
        }
      }
    } else {
      nearestTable = null;
    }
  }

  /** Per node: every node, nearest first (ties to the lower index), as the allocator asks. */
  private final int[][] nodesByDistance;
  /** Per node: the online bits of its blocks. */
  private final long[] nodeOnlineBlocks;
  /**
   * With at most {@link #NEAREST_TABLE_NODES} nodes: the nearest node with online memory,
   * indexed by {@code from << nodes | (set of nodes with online memory)}; else null.
   */
  private final byte[] nearestTable;
  private static final int NEAREST_TABLE_NODES = 6;
  /**
   * With at most {@link #MEMORY_TABLE_BLOCKS} blocks (their online flags are consecutive
   * bits): the set of nodes with online memory, indexed by those flags; else null.
   */
  private final short[] memoryNodesByBlocks;
  private static final int MEMORY_TABLE_BLOCKS = 12;
  private final int memOnlineBase;
  private final long memOnlineSet;

  /** {@code alloc_local} holds on an {@code alloc_for_cpu} transition (see below). */
  public static final int HOLDS = 1;
  /** {@code alloc_local} is violated on an {@code alloc_for_cpu} transition. */
  public static final int VIOLATED = 0;
  /** {@code alloc_local} does not apply to an {@code alloc_for_cpu} transition. */
  public static final int NOT_APPLICABLE = -1;

  /**
   * {@link org.hotplugchecker.model.property.HotplugProperty#allocLocal} on a one-word
   * state: {@link #HOLDS}, {@link #VIOLATED} or {@link #NOT_APPLICABLE}. It runs on every
   * {@code alloc_for_cpu} transition while the property is unsettled, hence the masks.
   */
  public int allocLocal(long s, int c) {
    if ((s & m.cpuPresent(c)) == 0) {
      return NOT_APPLICABLE;
    }
    int target = cpuToNode(s, c);
    if (target == NO_NODE && noNodeFallsBack) {
      target = cpuToNode(s, 0);
    }
    if (target == NO_NODE || (s & m.nodePgdat(target)) == 0) {
      return NOT_APPLICABLE;
    }
    int memoryNodes = nodesWithOnlineMemory(s);
    if (memoryNodes == 0) {
      return NOT_APPLICABLE; // no node can serve the allocation
    }
    int home = m.cpuHome(c);
    if (target == home) {
      return HOLDS; // both sides ask the same node
    }
    return nearest(target, memoryNodes) == nearest(home, memoryNodes) ? HOLDS : VIOLATED;
  }

  /** The nodes with online memory, as a bit set ({@link #nodeOnlineBlocks}). */
  private int nodesWithOnlineMemory(long s) {
    if (memoryNodesByBlocks != null) {
      return memoryNodesByBlocks[(int) ((s >>> memOnlineBase) & memOnlineSet)];
    }
    int set = 0;
    for (int n = 0; n < nodeOnlineBlocks.length; n++) {
      set |= ((s & nodeOnlineBlocks[n]) != 0 ? 1 : 0) << n;
    }
    return set;
  }

  /**
   * {@link HotplugKernel#nearestNodeWithOnlineMemory} from {@code from} when the nodes in
   * {@code memoryNodes} (not empty) have online memory: from a table when there are few
   * nodes, else by walking the distance order.
   */
  private int nearest(int from, int memoryNodes) {
    if (nearestTable != null) {
      return nearestTable[(from << nodeOnlineBlocks.length) | memoryNodes];
    }
    for (int n : nodesByDistance[from]) {
      if ((memoryNodes & (1 << n)) != 0) {
        return n;
      }
    }
    return NO_NODE;
  }


  /**
   * The successor of {@code s} under action {@code a}, or {@code disabled} if its
   * guard does not admit {@code s}.
   */
  public long successor(long s, int a, long disabled) {
    long any = guardAny[a];
    if ((s & guardCare[a]) != guardWant[a] || (any != 0 && (s & any) == 0)) {
      return disabled;
    }
    return fire(actionKind[a], actionIndex[a], s);
  }

  // The guards transposed, with at most 64 actions: entry (k << 8 | v) is the set of
  // actions whose single-bit tests on byte k of the state pass when that byte is v. A
  // state's enabled set is then one lookup per byte, ANDed, instead of a test per action.
  private final long[] guardsByByte;
  private int guardBytes; // bytes with a tested bit; higher ones always pass
  private long possibleActions; // actions whose guard can hold at all
  private int[] anyActions; // actions with a "some bit set" clause (cpu_down) ...
  private long[] anyMasks; // ... and the bits of that clause

  private long[] transposeGuards() {
    int actions = guardCare.length;
    long tested = 0;
    java.util.List<Integer> withAny = new java.util.ArrayList<>();
    for (int a = 0; a < actions; a++) {
      if ((guardWant[a] & ~guardCare[a]) == 0) { // else the guard never holds
        possibleActions |= 1L << a;
        tested |= guardCare[a];
      }
      if (guardAny[a] != 0) {
        withAny.add(a);
      }
    }
    guardBytes = (64 - Long.numberOfLeadingZeros(tested) + 7) / 8;
    long[] table = new long[Math.max(1, guardBytes) << 8];
    for (int k = 0; k < guardBytes; k++) {
      for (int v = 0; v < 256; v++) {
        long pass = 0;
        for (int a = 0; a < actions; a++) {
          long care = (guardCare[a] >>> (8 * k)) & 0xFF;
          long want = (guardWant[a] >>> (8 * k)) & 0xFF;
          if (((v ^ want) & care) == 0) {
            pass |= 1L << a;
          }
        }
        table[(k << 8) | v] = pass;
      }
    }
    anyActions = withAny.stream().mapToInt(Integer::intValue).toArray();
    anyMasks = new long[anyActions.length];
    for (int j = 0; j < anyActions.length; j++) {
      anyMasks[j] = guardAny[anyActions[j]];
    }
    return table;
  }

  /**
   * The set of actions enabled in {@code s} (bit {@code a} for action id {@code a}); only
   * when there are at most 64 actions ({@link #hasEnabledSets()}).
   */
  public long enabledSet(long s) {
    long e = possibleActions;
    for (int k = 0; k < guardBytes; k++) {
      e &= guardsByByte[(k << 8) | (int) ((s >>> (8 * k)) & 0xFF)];
    }
    for (int j = 0; j < anyActions.length; j++) {
      e &= ~(isZero(s & anyMasks[j]) << anyActions[j]);
    }
    return e;
  }

  /** Whether {@link #enabledSet} works: there are at most 64 actions. */
  public boolean hasEnabledSets() {
    return guardsByByte != null;
  }

  /**
   * Writes the ids of the actions enabled in {@code s} to {@code out}, in id order,
   * and returns how many there are. Branch-free on purpose: whether an action is enabled
   * is data-dependent and about half of them are, so a test-and-branch per action
   * mispredicts a lot; here each id is written and the count advances by 0 or 1.
   */
  public int enabled(long s, int[] out) {
    if (guardsByByte != null) {
      int n = 0;
      for (long e = enabledSet(s); e != 0; e &= e - 1) {
        out[n++] = Long.numberOfTrailingZeros(e);
      }
      return n;
    }
    int n = 0;
    for (int a = 0; a < guardCare.length; a++) {
      long any = guardAny[a];
      long miss = (s & guardCare[a]) ^ guardWant[a];
      long hit = (s & any) | isZero(any); // no "some bit" clause counts as a hit
      out[n] = a;
      n += (int) (isZero(miss) & (1 - isZero(hit)));
    }
    return n;
  }

  /** 1 if {@code x == 0}, else 0, without a branch. */
  private static long isZero(long x) {
    return ((x - 1) & ~x) >>> 63;
  }

  /**
   * The successors of {@code s} under the actions in {@code enabled} (a subset of {@link
   * #enabledSet}), written to {@code out} in action id order; returns how many. The same
   * as {@link #fire} for each, but kind by kind: with ids in kind-major order (see {@link
   * #firesByKind()}) a loop per kind replaces a switch per action, whose jump target the
   * processor would often mispredict.
   */
  public int fireAll(long s, long enabled, long[] out) {
    int n = 0;
    for (long e = enabled & ofKind[ActionKind.ADD_MEMORY.ordinal()]; e != 0; e &= e - 1) {
      int b = actionIndex[Long.numberOfTrailingZeros(e)];
      out[n++] = tryOnlineNode(s, m.blockHome(b)) | m.memPresent(b);
    }
    for (long e = enabled & ofKind[ActionKind.ADD_MEMORY_FAILS.ordinal()]; e != 0;
        e &= e - 1) {
      out[n++] = addMemoryFails(s, actionIndex[Long.numberOfTrailingZeros(e)]);
    }
    for (long e = enabled & ofKind[ActionKind.ONLINE_MEMORY.ordinal()]; e != 0; e &= e - 1) {
      out[n++] = s | m.memOnline(actionIndex[Long.numberOfTrailingZeros(e)]);
    }
    for (long e = enabled & ofKind[ActionKind.OFFLINE_MEMORY.ordinal()]; e != 0; e &= e - 1) {
      out[n++] = s & ~m.memOnline(actionIndex[Long.numberOfTrailingZeros(e)]);
    }
    for (long e = enabled & ofKind[ActionKind.REMOVE_MEMORY.ordinal()]; e != 0; e &= e - 1) {
      int b = actionIndex[Long.numberOfTrailingZeros(e)];
      out[n++] = tryOfflineNode(s & ~m.memPresent(b), m.blockHome(b));
    }
    for (long e = enabled & ofKind[ActionKind.HOTADD_CPU.ordinal()]; e != 0; e &= e - 1) {
      out[n++] = hotaddCpu(s, actionIndex[Long.numberOfTrailingZeros(e)]);
    }
    for (long e = enabled & ofKind[ActionKind.CPU_UP.ordinal()]; e != 0; e &= e - 1) {
      int c = actionIndex[Long.numberOfTrailingZeros(e)];
      out[n++] = tryOnlineNode(s, cpuToNode(s, c)) | m.cpuOnline(c);
    }
    for (long e = enabled & ofKind[ActionKind.CPU_DOWN.ordinal()]; e != 0; e &= e - 1) {
      out[n++] = s & ~m.cpuOnline(actionIndex[Long.numberOfTrailingZeros(e)]);
    }
    for (long e = enabled & ofKind[ActionKind.HOTREMOVE_CPU.ordinal()]; e != 0; e &= e - 1) {
      out[n++] = hotremoveCpu(s, actionIndex[Long.numberOfTrailingZeros(e)]);
    }
    for (long e = enabled & ofKind[ActionKind.ALLOC_FOR_CPU.ordinal()]; e != 0; e &= e - 1) {
      out[n++] = allocForCpu(s, actionIndex[Long.numberOfTrailingZeros(e)]);
    }
    return n;
  }

  /**
   * Whether {@link #fireAll} may be used: at most 64 actions, numbered kind by kind in
   * the order of {@link ActionKind} (as {@code HotplugModel} numbers them).
   */
  public boolean firesByKind() {
    return ofKind != null;
  }

  /** Per kind (by ordinal): its actions as a set of ids; null unless ids are kind-major. */
  private final long[] ofKind;

  private static long[] kindSets(ActionKind[] kinds) {
    if (kinds.length > 64) {
      return null;
    }
    long[] sets = new long[ActionKind.values().length];
    for (int a = 0; a < kinds.length; a++) {
      if (a > 0 && kinds[a].ordinal() < kinds[a - 1].ordinal()) {
        return null; // not kind-major: fireAll would change the order
      }
      sets[kinds[a].ordinal()] |= 1L << a;
    }
    return sets;
  }

  /** Fires action {@code a}, which must be enabled in {@code s}. */
  public long fire(long s, int a) {
    return fire(actionKind[a], actionIndex[a], s);
  }

  /** Runs enabled {@code kind} on CPU/block {@code i} of {@code s}; returns the new state. */
  public long fire(ActionKind kind, int i, long s) {
    return switch (kind) {
      case ADD_MEMORY -> tryOnlineNode(s, m.blockHome(i)) | m.memPresent(i);
      case ADD_MEMORY_FAILS -> addMemoryFails(s, i);
      case ONLINE_MEMORY -> s | m.memOnline(i);
      case OFFLINE_MEMORY -> s & ~m.memOnline(i);
      case REMOVE_MEMORY -> tryOfflineNode(s & ~m.memPresent(i), m.blockHome(i));
      case HOTADD_CPU -> hotaddCpu(s, i);
      case CPU_UP -> tryOnlineNode(s, cpuToNode(s, i)) | m.cpuOnline(i);
      case CPU_DOWN -> s & ~m.cpuOnline(i);
      case HOTREMOVE_CPU -> hotremoveCpu(s, i);
      case ALLOC_FOR_CPU -> allocForCpu(s, i);
    };
  }

  private int cpuToNode(long s, int c) {
    return (int) ((s >>> m.cpuNidShift(c)) & m.nodeField()) - 1;
  }

  private long setCpuToNode(long s, int c, int nid) {
    return (s & ~(m.nodeField() << m.cpuNidShift(c))) | ((long) (nid + 1) << m.cpuNidShift(c));
  }

  private int cpuLink(long s, int c) {
    return (int) ((s >>> m.cpuLinkShift(c)) & m.nodeField()) - 1;
  }

  private long setCpuLink(long s, int c, int nid) {
    return (s & ~(m.nodeField() << m.cpuLinkShift(c))) | ((long) (nid + 1) << m.cpuLinkShift(c));
  }

  /** {@link HotplugKernel#tryOnlineNode}. */
  private long tryOnlineNode(long s, int nid) {
    if (nid == NO_NODE || (s & m.nodeOnline(nid)) != 0) {
      return s;
    }
    s |= m.nodePgdat(nid) | m.nodeOnline(nid) | m.nodeRegistered(nid);
    for (int c = 0; c < m.cpus(); c++) {
      if ((s & m.cpuPresent(c)) != 0 && cpuToNode(s, c) == nid) {
        s = setCpuLink(s, c, nid);
      }
    }
    return s;
  }

  /** {@link HotplugKernel#tryOfflineNode}. */
  private long tryOfflineNode(long s, int nid) {
    if (nid == NO_NODE || (s & m.nodeOnline(nid)) == 0 || !nodeIsUnused(s, nid)) {
      return s;
    }
    if (clearsCpuNode) {
      for (int c = 0; c < m.cpus(); c++) {
        if (cpuToNode(s, c) == nid) {
          s = setCpuToNode(s, c, NO_NODE);
        }
      }
    }
    s &= ~(m.nodeOnline(nid) | m.nodeRegistered(nid));
    for (int c = 0; c < m.cpus(); c++) {
      if (cpuLink(s, c) == nid) {
        s = setCpuLink(s, c, NO_NODE);
      }
    }
    return s;
  }

  /** {@code HotplugKernel.nodeIsUnused}: no (online) memory and no present CPU keep it. */
  private boolean nodeIsUnused(long s, int nid) {
    if ((s & nodeKeepingBlocks[nid]) != 0) {
      return false;
    }
    for (int c = 0; c < m.cpus(); c++) {
      if ((s & m.cpuPresent(c)) != 0 && cpuToNode(s, c) == nid) {
        return false;
      }
    }
    return true;
  }

  /** {@link HotplugKernel#addMemoryFails}. */
  private long addMemoryFails(long s, int b) {
    int nid = m.blockHome(b);
    if ((s & m.nodeOnline(nid)) == 0 && !pgdatForEveryPossibleNode) {
      return s & ~m.nodePgdat(nid);
    }
    return s;
  }

  /** {@link HotplugKernel#hotaddCpu}. */
  private long hotaddCpu(long s, int c) {
    if (x86) {
      s = setCpuToNode(s, c, m.cpuHome(c));
    }
    s |= m.cpuPresent(c);
    int nid = cpuToNode(s, c);
    if (nid != NO_NODE && (s & m.nodeOnline(nid)) != 0) {
      s = setCpuLink(s, c, nid);
    }
    return s;
  }

  /** {@link HotplugKernel#hotremoveCpu}. */
  private long hotremoveCpu(long s, int c) {
    s = setCpuLink(s & ~m.cpuPresent(c), c, NO_NODE);
    return tryOfflineNode(s, cpuToNode(s, c));
  }

  /** {@link HotplugKernel#allocForCpu}: oopses or is a self-loop. */
  private long allocForCpu(long s, int c) {
    int target = cpuToNode(s, c);
    if (target == NO_NODE && noNodeFallsBack) {
      target = cpuToNode(s, 0);
    }
    if (target == NO_NODE || (s & m.nodePgdat(target)) == 0) {
      return s | m.oops();
    }
    return s;
  }
}
