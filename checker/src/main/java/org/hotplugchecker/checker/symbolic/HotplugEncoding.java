package org.hotplugchecker.checker.symbolic;

import static org.hotplugchecker.model.state.HotplugState.NO_NODE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.kernel.ActionKind;
import org.hotplugchecker.model.kernel.KernelAction;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.state.HotplugState;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * The transition relation of {@code MODEL.md} as clauses, written rule by rule beside
 * {@link org.hotplugchecker.model.kernel.HotplugKernel}: every kernel method has a twin
 * here with the same name and the same statements, where an {@code if} on state becomes
 * a guarded assignment ({@code x = cond ? new : x}) of literals. Whatever the topology
 * fixes (homes, hotplug flags, the kernel variant's switches, distances) is folded into
 * the formulas while they are built, so the encoding of a step only mentions state.
 *
 * <p>The action instances and their ids are the model's own ({@link HotplugModel#actions()}),
 * so instances that can never be enabled are absent here too, and a symbolic path is a
 * path of the explicit model with the same action ids. The initial state is taken from
 * the model ({@code BootState}); invariants are encoded separately in
 * {@link #violated(HotplugProperty, SymbolicState, Cnf)}.
 */
public final class HotplugEncoding {
  private final HotplugModel model;
  private final Topology topology;
  private final Kernel kernel;
  private final boolean x86;
  private final boolean clearsCpuNode;
  private final int nodes;
  private final int[] cpuHome;
  private final int[] blockHome;
  /** {@code nearestOrder[from]}: nodes by (distance from {@code from}, index). */
  private final int[][] nearestOrder;

  /** The encoding of {@code model}'s topology, kernel variant and action instances. */
  public HotplugEncoding(HotplugModel model) {
    this.model = model;
    this.topology = model.topology();
    this.kernel = topology.kernel();
    this.x86 = topology.arch() == Arch.X86;
    this.clearsCpuNode = kernel.clearsCpuNodeOnOffline(topology.arch());
    this.nodes = topology.nodes();
    this.cpuHome = topology.cpus().stream().mapToInt(Component::home).toArray();
    this.blockHome = topology.memory().stream().mapToInt(Component::home).toArray();
    this.nearestOrder = new int[nodes][];
    for (int from = 0; from < nodes; from++) {
      int f = from;
      nearestOrder[from] = java.util.stream.IntStream.range(0, nodes).boxed()
          .sorted(Comparator.<Integer>comparingInt(n -> topology.distance(f, n))
              .thenComparingInt(n -> n))
          .mapToInt(Integer::intValue).toArray();
    }
  }

  public HotplugModel model() {
    return model;
  }

  int nodes() {
    return nodes;
  }

  int cpus() {
    return cpuHome.length;
  }

  int blocks() {
    return blockHome.length;
  }

  // ---- states ---------------------------------------------------------------------

  /** Fresh variables for the state after step {@code name}. */
  SymbolicState freshState(Cnf cnf, String name) {
    return SymbolicState.fresh(cnf, name, nodes, cpus(), blocks());
  }

  /** Posts {@code s == concrete}. */
  void fix(Cnf cnf, SymbolicState s, HotplugState concrete) {
    List<Lit> vars = s.literals();
    List<Boolean> values = bits(concrete);
    for (int i = 0; i < vars.size(); i++) {
      cnf.assertTrue(values.get(i) ? vars.get(i) : vars.get(i).not());
    }
  }

  /** The concrete state {@code s} has in the solver's current solution. */
  HotplugState decode(SymbolicState s) {
    HotplugState out = new HotplugState(model.layout(), new long[model.layout().words()]);
    for (int n = 0; n < nodes; n++) {
      out.setNodeOnline(n, s.nodeOnline(n).valueInSolution());
      out.setPgdat(n, s.pgdat(n).valueInSolution());
      out.setNodeRegistered(n, s.nodeRegistered(n).valueInSolution());
    }
    for (int c = 0; c < cpus(); c++) {
      out.setCpuPresent(c, s.cpuPresent(c).valueInSolution());
      out.setCpuOnline(c, s.cpuOnline(c).valueInSolution());
      out.setCpuToNode(c, oneHotValue(s.cpuToNode(c)));
      out.setCpuLink(c, oneHotValue(s.cpuLink(c)));
    }
    for (int b = 0; b < blocks(); b++) {
      out.setMemPresent(b, s.memPresent(b).valueInSolution());
      out.setMemOnline(b, s.memOnline(b).valueInSolution());
    }
    out.setOops(s.oops().valueInSolution());
    return out;
  }

  private static int oneHotValue(Lit[] oneHot) {
    for (int v = 0; v < oneHot.length; v++) {
      if (oneHot[v].valueInSolution()) {
        return v - 1;
      }
    }
    throw new IllegalStateException("one-hot value without a true position");
  }

  /** The values of a concrete state in the order of {@link SymbolicState#literals()}. */
  List<Boolean> bits(HotplugState s) {
    List<Boolean> v = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      v.add(s.nodeOnline(n));
      v.add(s.pgdat(n));
      v.add(s.nodeRegistered(n));
    }
    for (int c = 0; c < cpus(); c++) {
      v.add(s.cpuPresent(c));
      v.add(s.cpuOnline(c));
      for (int x = -1; x < nodes; x++) {
        v.add(s.cpuToNode(c) == x);
      }
      for (int x = -1; x < nodes; x++) {
        v.add(s.cpuLink(c) == x);
      }
    }
    for (int b = 0; b < blocks(); b++) {
      v.add(s.memPresent(b));
      v.add(s.memOnline(b));
    }
    v.add(s.oops());
    return v;
  }

  /** A one-hot node value for the constant {@code nid}. */
  private Lit[] constantNode(int nid) {
    Lit[] v = new Lit[nodes + 1];
    Arrays.fill(v, Lit.FALSE);
    v[nid + 1] = Lit.TRUE;
    return v;
  }

  // ---- enabling and firing (HotplugKernel.enabled / fire) ----------------------------

  /**
   * Whether {@code action} is enabled in {@code s} ({@code MODEL.md}, "Actions", column
   * "enabled when"). The hotplug flag of the component is already implied by the action
   * instance existing; nothing is enabled after an oops.
   */
  Lit enabled(KernelAction action, SymbolicState s, Cnf cnf) {
    int i = action.index();
    Lit notOops = s.oops().not();
    Lit guard = switch (action.kind()) {
      case ADD_MEMORY, ADD_MEMORY_FAILS -> s.memPresent(i).not();
      case ONLINE_MEMORY -> cnf.and(s.memPresent(i), s.memOnline(i).not());
      case OFFLINE_MEMORY -> s.memOnline(i);
      case REMOVE_MEMORY -> cnf.and(s.memPresent(i), s.memOnline(i).not());
      case HOTADD_CPU -> s.cpuPresent(i).not();
      case CPU_UP -> cnf.and(s.cpuPresent(i), s.cpuOnline(i).not());
      case CPU_DOWN -> cnf.and(s.cpuOnline(i), anotherCpuOnline(s, i, cnf));
      case HOTREMOVE_CPU -> cnf.and(s.cpuPresent(i), s.cpuOnline(i).not());
      case ALLOC_FOR_CPU -> Lit.TRUE;
    };
    return cnf.and(notOops, guard);
  }

  private Lit anotherCpuOnline(SymbolicState s, int cpu, Cnf cnf) {
    List<Lit> others = new ArrayList<>();
    for (int c = 0; c < cpus(); c++) {
      if (c != cpu) {
        others.add(s.cpuOnline(c));
      }
    }
    return cnf.or(others);
  }

  /** Runs {@code action} on the working copy {@code s} (assumed enabled). */
  void fire(KernelAction action, SymbolicState s, Cnf cnf) {
    int i = action.index();
    switch (action.kind()) {
      case ADD_MEMORY -> addMemory(s, i, cnf);
      case ADD_MEMORY_FAILS -> addMemoryFails(s, i, cnf);
      case ONLINE_MEMORY -> onlineMemory(s, i);
      case OFFLINE_MEMORY -> offlineMemory(s, i);
      case REMOVE_MEMORY -> removeMemory(s, i, cnf);
      case HOTADD_CPU -> hotaddCpu(s, i, cnf);
      case CPU_UP -> cpuUp(s, i, cnf);
      case CPU_DOWN -> cpuDown(s, i);
      case HOTREMOVE_CPU -> hotremoveCpu(s, i, cnf);
      case ALLOC_FOR_CPU -> allocForCpu(s, i, cnf);
    }
  }

  // ---- node helpers -------------------------------------------------------------

  /**
   * {@code try_online_node(nid)} for a symbolic {@code nid} (one-hot, may be -1):
   * if {@code !online[nid]}: pgdat and online and registered become true, and every
   * present CPU with {@code cpu_to_node == nid} is linked under it.
   */
  void tryOnlineNode(SymbolicState s, Lit[] nid, Cnf cnf) {
    for (int n = 0; n < nodes; n++) {
      // nid == n && !node_online(n); nid == -1 does nothing.
      Lit fires = cnf.and(nid[n + 1], s.nodeOnline(n).not());
      s.setPgdat(n, cnf.or(s.pgdat(n), fires));
      s.setNodeOnline(n, cnf.or(s.nodeOnline(n), fires));
      s.setNodeRegistered(n, cnf.or(s.nodeRegistered(n), fires));
      for (int c = 0; c < cpus(); c++) {
        s.setCpuLinkIf(cnf, c, cnf.and(fires, s.cpuPresent(c), s.cpuToNodeIs(c, n)), n);
      }
    }
  }

  /**
   * {@code try_offline_node(nid)} for a symbolic {@code nid}: nothing if -1 or offline;
   * otherwise, if the guard holds, kernels that clear set {@code cpu_to_node = -1} for
   * every possible CPU of the node, then the node goes offline and unregistered and every
   * link under it disappears. The pgdat is never freed here.
   */
  void tryOfflineNode(SymbolicState s, Lit[] nid, Cnf cnf) {
    for (int n = 0; n < nodes; n++) {
      Lit fires = cnf.and(nid[n + 1], s.nodeOnline(n), nodeIsUnused(s, n, cnf));
      if (clearsCpuNode) {
        // unmap_cpu_on_node -> numa_clear_node
        for (int c = 0; c < cpus(); c++) {
          s.setCpuToNodeIf(cnf, c, cnf.and(fires, s.cpuToNodeIs(c, n)), NO_NODE);
        }
      }
      s.setNodeOnline(n, cnf.and(s.nodeOnline(n), fires.not()));
      s.setNodeRegistered(n, cnf.and(s.nodeRegistered(n), fires.not()));
      for (int c = 0; c < cpus(); c++) {
        s.setCpuLinkIf(cnf, c, cnf.and(fires, s.cpuLinkIs(c, n)), NO_NODE);
      }
    }
  }

  /**
   * The guard of {@code try_offline_node}: no present (v5.4-rc: online) block with
   * {@code home == n} and no present CPU with {@code cpu_to_node == n}.
   */
  private Lit nodeIsUnused(SymbolicState s, int n, Cnf cnf) {
    boolean onlineOnly = kernel.guardSeesOnlyOnlineBlocks();
    List<Lit> unused = new ArrayList<>();
    for (int b = 0; b < blocks(); b++) {
      if (blockHome[b] == n) {
        unused.add((onlineOnly ? s.memOnline(b) : s.memPresent(b)).not());
      }
    }
    for (int c = 0; c < cpus(); c++) {
      unused.add(cnf.and(s.cpuPresent(c), s.cpuToNodeIs(c, n)).not());
    }
    return cnf.and(unused);
  }

  // ---- memory -------------------------------------------------------------------

  /** {@code add_memory(b)}: {@code try_online_node(home[b])}; {@code present[b] = true}. */
  void addMemory(SymbolicState s, int b, Cnf cnf) {
    tryOnlineNode(s, constantNode(blockHome[b]), cnf);
    s.setMemPresent(b, Lit.TRUE);
  }

  /**
   * {@code add_memory_fails(b)}: if {@code !online[home[b]]} and the kernel does not keep
   * every pgdat (v5.18), {@code rollback_node_hotadd} frees the node's pgdat.
   */
  void addMemoryFails(SymbolicState s, int b, Cnf cnf) {
    int nid = blockHome[b];
    if (!kernel.pgdatForEveryPossibleNode()) {
      s.setPgdat(nid, cnf.and(s.pgdat(nid), s.nodeOnline(nid)));
    }
  }

  /** {@code online_memory(b)}: {@code online[b] = true}. */
  void onlineMemory(SymbolicState s, int b) {
    s.setMemOnline(b, Lit.TRUE);
  }

  /** {@code offline_memory(b)}: {@code online[b] = false}. */
  void offlineMemory(SymbolicState s, int b) {
    s.setMemOnline(b, Lit.FALSE);
  }

  /** {@code remove_memory(b)}: {@code present[b] = false}; {@code try_offline_node(home[b])}. */
  void removeMemory(SymbolicState s, int b, Cnf cnf) {
    s.setMemPresent(b, Lit.FALSE);
    tryOfflineNode(s, constantNode(blockHome[b]), cnf);
  }

  // ---- CPUs ---------------------------------------------------------------------

  /**
   * {@code hotadd_cpu(c)}: x86 sets {@code cpu_to_node = home}; the CPU becomes present
   * and is linked under {@code cpu_to_node(c)} if that is an online node.
   */
  void hotaddCpu(SymbolicState s, int c, Cnf cnf) {
    if (x86) {
      s.setCpuToNodeIf(cnf, c, Lit.TRUE, cpuHome[c]);
    }
    s.setCpuPresent(c, Lit.TRUE);
    for (int n = 0; n < nodes; n++) {
      s.setCpuLinkIf(cnf, c, cnf.and(s.cpuToNodeIs(c, n), s.nodeOnline(n)), n);
    }
  }

  /** {@code cpu_up(c)}: {@code try_online_node(cpu_to_node(c))}; {@code online[c] = true}. */
  void cpuUp(SymbolicState s, int c, Cnf cnf) {
    tryOnlineNode(s, s.cpuToNode(c), cnf);
    s.setCpuOnline(c, Lit.TRUE);
  }

  /** {@code cpu_down(c)}: {@code online[c] = false}. */
  void cpuDown(SymbolicState s, int c) {
    s.setCpuOnline(c, Lit.FALSE);
  }

  /**
   * {@code hotremove_cpu(c)}: {@code present[c] = false}; {@code link[c] = -1};
   * {@code try_offline_node(cpu_to_node(c))}.
   */
  void hotremoveCpu(SymbolicState s, int c, Cnf cnf) {
    s.setCpuPresent(c, Lit.FALSE);
    s.setCpuLinkIf(cnf, c, Lit.TRUE, NO_NODE);
    tryOfflineNode(s, s.cpuToNode(c), cnf);
  }

  /** {@code alloc_for_cpu(c)}: a self-loop unless it oopses; the oops is all it changes. */
  void allocForCpu(SymbolicState s, int c, Cnf cnf) {
    s.setOops(cnf.or(s.oops(), allocOopses(s, c, cnf)));
  }

  /**
   * The node {@code alloc_for_cpu(c)} dereferences, one-hot: {@code cpu_to_node(c)}, or on
   * {@code alt-numa-mem-id} with {@code cpu_to_node(c) == -1}, {@code cpu_to_node(0)}
   * ({@code numa_mem_id()} of CPU 0).
   */
  private Lit[] allocTarget(SymbolicState s, int c, Cnf cnf) {
    Lit[] target = s.cpuToNode(c);
    if (kernel.noNodeFallsBackToNumaMemId()) {
      Lit unmapped = s.cpuToNodeIs(c, NO_NODE);
      for (int v = 0; v <= nodes; v++) {
        target[v] = cnf.ite(unmapped, s.cpuToNodeIs(0, v - 1), target[v]);
      }
    }
    return target;
  }

  /** The allocation of {@code c} oopses: its target is -1 or has no pgdat. */
  private Lit allocOopses(SymbolicState s, int c, Cnf cnf) {
    Lit[] target = allocTarget(s, c, cnf);
    List<Lit> bad = new ArrayList<>();
    bad.add(target[0]);
    for (int n = 0; n < nodes; n++) {
      bad.add(cnf.and(target[n + 1], s.pgdat(n).not()));
    }
    return cnf.or(bad);
  }

  /** Node {@code n} has an online memory block. */
  private Lit hasOnlineMemory(SymbolicState s, int n, Cnf cnf) {
    List<Lit> online = new ArrayList<>();
    for (int b = 0; b < blocks(); b++) {
      if (blockHome[b] == n) {
        online.add(s.memOnline(b));
      }
    }
    return cnf.or(online);
  }

  /**
   * {@code nearestNodeWithOnlineMemory(from) == n}: the first node in (distance, index)
   * order from {@code from} that has an online block is {@code n}.
   */
  private Lit nearestWithOnlineMemoryIs(SymbolicState s, int from, int n, Cnf cnf) {
    List<Lit> conj = new ArrayList<>();
    for (int m : nearestOrder[from]) {
      if (m == n) {
        conj.add(hasOnlineMemory(s, m, cnf));
        return cnf.and(conj);
      }
      conj.add(hasOnlineMemory(s, m, cnf).not());
    }
    throw new IllegalStateException("node " + n + " missing from the order of " + from);
  }

  // ---- properties (HotplugProperty) ---------------------------------------------------

  /**
   * The negation of state invariant {@code p} ({@code MODEL.md}, "Properties" 1-8) in
   * {@code s}.
   */
  Lit violated(HotplugProperty p, SymbolicState s, Cnf cnf) {
    List<Lit> bad = new ArrayList<>();
    switch (p) {
      case CPU_NODE_HAS_PGDAT -> {
        for (int c = 0; c < cpus(); c++) {
          bad.add(s.cpuToNodeIs(c, NO_NODE));
          for (int n = 0; n < nodes; n++) {
            bad.add(cnf.and(s.cpuToNodeIs(c, n), s.pgdat(n).not()));
          }
        }
      }
      case ONLINE_NODE_LINKS_CPUS -> {
        for (int c = 0; c < cpus(); c++) {
          int home = cpuHome[c];
          bad.add(cnf.and(s.cpuPresent(c), s.nodeOnline(home), s.cpuLinkIs(c, home).not()));
        }
      }
      case NO_DANGLING_LINKS -> {
        for (int c = 0; c < cpus(); c++) {
          for (int n = 0; n < nodes; n++) {
            bad.add(cnf.and(s.cpuLinkIs(c, n),
                cnf.or(s.cpuPresent(c).not(), s.nodeRegistered(n).not())));
          }
        }
      }
      case ONLINE_NODE_HAS_PGDAT -> {
        for (int n = 0; n < nodes; n++) {
          bad.add(cnf.and(s.nodeOnline(n), s.pgdat(n).not()));
        }
      }
      case REGISTERED_IFF_ONLINE -> {
        for (int n = 0; n < nodes; n++) {
          bad.add(cnf.xor(s.nodeRegistered(n), s.nodeOnline(n)));
        }
      }
      case ONLINE_CPU_ON_ONLINE_NODE -> {
        for (int c = 0; c < cpus(); c++) {
          List<Lit> offNode = new ArrayList<>();
          offNode.add(s.cpuToNodeIs(c, NO_NODE));
          for (int n = 0; n < nodes; n++) {
            offNode.add(cnf.and(s.cpuToNodeIs(c, n), s.nodeOnline(n).not()));
          }
          bad.add(cnf.and(s.cpuOnline(c), cnf.or(offNode)));
        }
      }
      case MEMORY_ON_ONLINE_NODE -> {
        for (int b = 0; b < blocks(); b++) {
          bad.add(cnf.and(s.memPresent(b), s.nodeOnline(blockHome[b]).not()));
        }
      }
      case NO_OOPS -> bad.add(s.oops());
      case ALLOC_LOCAL -> throw new IllegalArgumentException("alloc_local is an action property");
    }
    return cnf.or(bad);
  }

  /**
   * {@code alloc_local} applies to {@code alloc_for_cpu(c)} from {@code s}: the CPU is
   * present, the allocation does not oops and is served by some node.
   */
  Lit allocLocalApplies(SymbolicState s, int c, Cnf cnf) {
    List<Lit> anyMemory = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      anyMemory.add(hasOnlineMemory(s, n, cnf));
    }
    return cnf.and(s.cpuPresent(c), allocOopses(s, c, cnf).not(), cnf.or(anyMemory));
  }

  /**
   * {@code alloc_local} is violated by {@code alloc_for_cpu(c)} from {@code s}: it applies
   * and the node serving the target differs from the node nearest {@code home[c]}.
   */
  Lit allocLocalViolated(SymbolicState s, int c, Cnf cnf) {
    Lit[] target = allocTarget(s, c, cnf);
    int home = cpuHome[c];
    List<Lit> differs = new ArrayList<>();
    for (int t = 0; t < nodes; t++) {
      if (Arrays.equals(nearestOrder[t], nearestOrder[home])) {
        continue; // same order, same answer
      }
      for (int m = 0; m < nodes; m++) {
        differs.add(cnf.and(target[t + 1], nearestWithOnlineMemoryIs(s, t, m, cnf),
            nearestWithOnlineMemoryIs(s, home, m, cnf).not()));
      }
    }
    return cnf.and(allocLocalApplies(s, c, cnf), cnf.or(differs));
  }

  /** Whether {@code a} is an {@code alloc_for_cpu} instance. */
  /** {@code ts} as the hotplug model the symbolic engines encode, or an error naming it. */
  static HotplugModel hotplugModel(TransitionSystem ts) {
    if (ts instanceof HotplugModel model) {
      return model;
    }
    throw new IllegalArgumentException("the symbolic engines check a HotplugModel, got "
        + ts.getClass().getSimpleName());
  }

  static boolean isAlloc(KernelAction a) {
    return a.kind() == ActionKind.ALLOC_FOR_CPU;
  }
}
