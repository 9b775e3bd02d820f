package org.hotplugchecker.model.kernel;

import static org.hotplugchecker.model.state.HotplugState.NO_NODE;

import org.hotplugchecker.model.state.HotplugState;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.Topology;

/**
 * The kernel's hotplug paths as the model abstracted them before the rule table existed.
 * Deprecated: only the hand-written Choco encoding still reads it, until the symbolic
 * engine is derived from {@link org.hotplugchecker.model.rules.HotplugRules} too.
 * ({@code MODEL.md}, "Actions").
 * Each method is named after its kernel counterpart, mutates a {@link HotplugState} in
 * place and reports the functions it ran to a {@link CallChain}. Immutable and
 * thread-safe: all per-call data lives in the state.
 */
public final class HotplugKernel {
  private final Topology topology;
  private final Kernel kernel;
  private final boolean x86;
  private final boolean clearsCpuNode;
  private final int[] cpuHome;
  private final boolean[] cpuHotplug;
  private final int[] blockHome;
  private final boolean[] blockHotplug;

  /** The kernel of {@code topology}'s variant and arch. */
  public HotplugKernel(Topology topology) {
    this.topology = topology;
    this.kernel = topology.kernel();
    this.x86 = topology.arch() == Arch.X86;
    this.clearsCpuNode = kernel.clearsCpuNodeOnOffline(topology.arch());
    int cpus = topology.cpus().size();
    int blocks = topology.memory().size();
    cpuHome = new int[cpus];
    cpuHotplug = new boolean[cpus];
    for (int c = 0; c < cpus; c++) {
      Component cpu = topology.cpus().get(c);
      cpuHome[c] = cpu.home();
      cpuHotplug[c] = cpu.hotplug();
    }
    blockHome = new int[blocks];
    blockHotplug = new boolean[blocks];
    for (int b = 0; b < blocks; b++) {
      Component block = topology.memory().get(b);
      blockHome[b] = block.home();
      blockHotplug[b] = block.hotplug();
    }
  }

  public Topology topology() {
    return topology;
  }

  /** Whether {@code action} is enabled in {@code s}. Nothing is enabled after an oops. */
  public boolean enabled(KernelAction action, HotplugState s) {
    return enabled(action.kind(), action.index(), s);
  }

  /** Whether {@code kind} on CPU/block {@code i} is enabled in {@code s}. */
  public boolean enabled(ActionKind kind, int i, HotplugState s) {
    if (s.oops()) {
      return false;
    }
    return switch (kind) {
      case ADD_MEMORY, ADD_MEMORY_FAILS -> blockHotplug[i] && !s.memPresent(i);
      case ONLINE_MEMORY -> blockHotplug[i] && s.memPresent(i) && !s.memOnline(i);
      case OFFLINE_MEMORY -> blockHotplug[i] && s.memOnline(i);
      case REMOVE_MEMORY -> blockHotplug[i] && s.memPresent(i) && !s.memOnline(i);
      case HOTADD_CPU -> cpuHotplug[i] && !s.cpuPresent(i);
      case CPU_UP -> s.cpuPresent(i) && !s.cpuOnline(i);
      case CPU_DOWN -> s.cpuOnline(i) && anotherCpuOnline(s, i);
      case HOTREMOVE_CPU -> cpuHotplug[i] && s.cpuPresent(i) && !s.cpuOnline(i);
      case ALLOC_FOR_CPU -> true;
    };
  }

  /** Runs an enabled action on {@code s}. */
  public void fire(KernelAction action, HotplugState s, CallChain chain) {
    fire(action.kind(), action.index(), s, chain);
  }

  /** Runs enabled {@code kind} on CPU/block {@code i}. */
  public void fire(ActionKind kind, int i, HotplugState s, CallChain chain) {
    switch (kind) {
      case ADD_MEMORY -> addMemory(s, i, chain);
      case ADD_MEMORY_FAILS -> addMemoryFails(s, i, chain);
      case ONLINE_MEMORY -> onlineMemory(s, i, chain);
      case OFFLINE_MEMORY -> offlineMemory(s, i, chain);
      case REMOVE_MEMORY -> removeMemory(s, i, chain);
      case HOTADD_CPU -> hotaddCpu(s, i, chain);
      case CPU_UP -> cpuUp(s, i, chain);
      case CPU_DOWN -> cpuDown(s, i, chain);
      case HOTREMOVE_CPU -> hotremoveCpu(s, i, chain);
      case ALLOC_FOR_CPU -> allocForCpu(s, i, chain);
    }
  }

  private static boolean anotherCpuOnline(HotplugState s, int cpu) {
    for (int c = 0; c < s.layout().cpus(); c++) {
      if (c != cpu && s.cpuOnline(c)) {
        return true;
      }
    }
    return false;
  }

  // ---- node helpers -------------------------------------------------------------

  /**
   * {@code try_online_node(nid)}: brings a node online on first use, reusing or
   * allocating its pgdat and re-registering the present CPUs mapped to it.
   */
  public void tryOnlineNode(HotplugState s, int nid, CallChain chain) {
    if (nid == NO_NODE || s.nodeOnline(nid)) {
      return;
    }
    chain.call(s.pgdat(nid) ? "__try_online_node" : "hotadd_new_pgdat", nid);
    s.setPgdat(nid, true);
    s.setNodeOnline(nid, true);
    s.setNodeRegistered(nid, true);
    chain.call("__register_one_node", nid);
    for (int c = 0; c < cpuHome.length; c++) {
      if (s.cpuPresent(c) && s.cpuToNode(c) == nid) {
        s.setCpuLink(c, nid);
        chain.call("register_cpu_under_node", "cpu %d, node %d", c, nid);
      }
    }
  }

  /**
   * {@code try_offline_node(nid)}: takes a node offline once nothing keeps it, clearing
   * {@code cpu_to_node} of its CPUs on kernels that do ({@code unmap_cpu_on_node}).
   * The pgdat is never freed here.
   */
  public void tryOfflineNode(HotplugState s, int nid, CallChain chain) {
    if (nid == NO_NODE || !s.nodeOnline(nid)) {
      return;
    }
    chain.call("try_offline_node", nid);
    if (!nodeIsUnused(s, nid)) {
      return;
    }
    if (clearsCpuNode) {
      chain.call("check_and_unmap_cpu_on_node");
      chain.call("unmap_cpu_on_node");
      for (int c = 0; c < cpuHome.length; c++) {
        if (s.cpuToNode(c) == nid) {
          s.setCpuToNode(c, NO_NODE);
          chain.call("numa_clear_node", "cpu %d", c);
        }
      }
    }
    s.setNodeOnline(nid, false);
    s.setNodeRegistered(nid, false);
    chain.call("node_set_offline", nid);
    chain.call("unregister_one_node", nid);
    for (int c = 0; c < cpuHome.length; c++) {
      if (s.cpuLink(c) == nid) {
        s.setCpuLink(c, NO_NODE);
      }
    }
  }

  /**
   * The guard of {@code try_offline_node}: no memory and no present CPU keep the node.
   * On v5.4-rc only online blocks count (the spanned-range regression).
   */
  private boolean nodeIsUnused(HotplugState s, int nid) {
    boolean onlineOnly = kernel.guardSeesOnlyOnlineBlocks();
    for (int b = 0; b < blockHome.length; b++) {
      if (blockHome[b] == nid && (onlineOnly ? s.memOnline(b) : s.memPresent(b))) {
        return false;
      }
    }
    for (int c = 0; c < cpuHome.length; c++) {
      if (s.cpuPresent(c) && s.cpuToNode(c) == nid) {
        return false;
      }
    }
    return true;
  }

  // ---- memory -------------------------------------------------------------------

  /** {@code add_memory(b)}: hot-adds a block, onlining its node first if needed. */
  public void addMemory(HotplugState s, int b, CallChain chain) {
    chain.call("add_memory", b);
    chain.call("add_memory_resource");
    tryOnlineNode(s, blockHome[b], chain);
    chain.call("arch_add_memory");
    s.setMemPresent(b, true);
  }

  /**
   * {@code add_memory(b)} with {@code arch_add_memory} failing: the rollback frees the
   * pgdat of a node that was not online, even one reused from an earlier life, except
   * on kernels where every possible node keeps its pgdat.
   */
  public void addMemoryFails(HotplugState s, int b, CallChain chain) {
    int nid = blockHome[b];
    chain.call("add_memory_resource", b);
    chain.call("arch_add_memory fails");
    if (!s.nodeOnline(nid) && !kernel.pgdatForEveryPossibleNode()) {
      chain.call("rollback_node_hotadd", nid);
      chain.call("arch_free_nodedata", nid);
      s.setPgdat(nid, false);
    }
  }

  /** {@code online_pages} of block {@code b}. */
  public void onlineMemory(HotplugState s, int b, CallChain chain) {
    chain.call("memory_block_action", "online, block %d", b);
    chain.call("online_pages");
    s.setMemOnline(b, true);
  }

  /** {@code offline_pages} of block {@code b}. */
  public void offlineMemory(HotplugState s, int b, CallChain chain) {
    chain.call("memory_block_action", "offline, block %d", b);
    chain.call("offline_pages");
    s.setMemOnline(b, false);
  }

  /** {@code remove_memory(b)}: removes an offline block and maybe its node. */
  public void removeMemory(HotplugState s, int b, CallChain chain) {
    chain.call("remove_memory", b);
    chain.call("arch_remove_memory");
    s.setMemPresent(b, false);
    tryOfflineNode(s, blockHome[b], chain);
  }

  // ---- CPUs ---------------------------------------------------------------------

  /**
   * ACPI CPU hot-add: x86 maps the CPU to its firmware node ({@code acpi_map_cpu2node});
   * the CPU is linked under its node if that node is online.
   */
  public void hotaddCpu(HotplugState s, int c, CallChain chain) {
    chain.call("acpi_processor_hotadd_init", c);
    if (x86) {
      chain.call("acpi_map_cpu");
      chain.call("acpi_map_cpu2node");
      chain.call("numa_set_node", "cpu %d, node %d", c, cpuHome[c]);
      s.setCpuToNode(c, cpuHome[c]);
    }
    s.setCpuPresent(c, true);
    chain.call("arch_register_cpu");
    chain.call("register_cpu", c);
    int nid = s.cpuToNode(c);
    if (nid != NO_NODE && s.nodeOnline(nid)) {
      s.setCpuLink(c, nid);
      chain.call("register_cpu_under_node", "cpu %d, node %d", c, nid);
    }
  }

  /** {@code cpu_up(c)}: onlines the CPU's node first ({@code try_online_node}). */
  public void cpuUp(HotplugState s, int c, CallChain chain) {
    chain.call("cpu_up", c);
    int nid = s.cpuToNode(c);
    chain.call("try_online_node", nid);
    tryOnlineNode(s, nid, chain);
    chain.call("_cpu_up", c);
    s.setCpuOnline(c, true);
  }

  /** {@code cpu_down(c)}. */
  public void cpuDown(HotplugState s, int c, CallChain chain) {
    chain.call("cpu_down", c);
    chain.call("_cpu_down", c);
    s.setCpuOnline(c, false);
  }

  /** ACPI CPU hot-remove: unlinks the CPU and maybe offlines its node. */
  public void hotremoveCpu(HotplugState s, int c, CallChain chain) {
    chain.call("acpi_processor_remove", c);
    chain.call("arch_unregister_cpu");
    chain.call("unregister_cpu_under_node", c);
    chain.call("acpi_unmap_cpu", c);
    s.setCpuPresent(c, false);
    s.setCpuLink(c, NO_NODE);
    tryOfflineNode(s, s.cpuToNode(c), chain);
  }

  /**
   * KVM's per-CPU allocation ({@code alloc_vmcs_cpu}) for any possible CPU:
   * {@code __alloc_pages_node(cpu_to_node(c))} dereferences {@code NODE_DATA(nid)}.
   * Oopses on {@code NUMA_NO_NODE} or a missing pgdat; otherwise a self-loop.
   */
  public void allocForCpu(HotplugState s, int c, CallChain chain) {
    chain.call("hardware_setup");
    chain.call("alloc_kvm_area");
    chain.call("alloc_vmcs_cpu", c);
    int target = s.cpuToNode(c);
    chain.call("__alloc_pages_node", "cpu_to_node(%d) = %d", c, target);
    if (target == NO_NODE && kernel.noNodeFallsBackToNumaMemId()) {
      target = s.cpuToNode(0);
      chain.call("numa_mem_id", "= %d", target);
    }
    chain.call("node_zonelist", "NODE_DATA(%d)", target);
    if (target == NO_NODE || !s.pgdat(target)) {
      chain.call("oops: NODE_DATA(" + target + ")"
          + (target == NO_NODE ? " out of bounds" : " is NULL"));
      s.setOops(true);
      return;
    }
    if (!chain.recording()) {
      return; // where the page comes from changes no state; only a trace shows it
    }
    int served = nearestNodeWithOnlineMemory(s, target);
    if (served == NO_NODE) {
      chain.call("allocation fails: no online memory");
    } else {
      chain.call("get_page_from_freelist", "node %d", served);
    }
  }

  /**
   * The node an allocation for {@code cpu} would be served from in {@code s}, or
   * {@link HotplugState#NO_NODE} if it oopses or finds no memory. Does not change
   * {@code s}.
   */
  public int allocationServedFrom(HotplugState s, int cpu) {
    int target = s.cpuToNode(cpu);
    if (target == NO_NODE && kernel.noNodeFallsBackToNumaMemId()) {
      target = s.cpuToNode(0);
    }
    if (target == NO_NODE || !s.pgdat(target)) {
      return NO_NODE;
    }
    return nearestNodeWithOnlineMemory(s, target);
  }

  /**
   * The node nearest to {@code from} (by distance, ties to the lower index) that has
   * an online memory block, or {@link HotplugState#NO_NODE}. Zonelists are not
   * modelled: the order is always recomputed.
   */
  public int nearestNodeWithOnlineMemory(HotplugState s, int from) {
    int best = NO_NODE;
    int bestDistance = Integer.MAX_VALUE;
    for (int b = 0; b < blockHome.length; b++) {
      if (!s.memOnline(b)) {
        continue;
      }
      int n = blockHome[b];
      int d = topology.distance(from, n);
      if (d < bestDistance || (d == bestDistance && n < best)) {
        best = n;
        bestDistance = d;
      }
    }
    return best;
  }

  /** The firmware node of CPU {@code c}. */
  public int cpuHome(int c) {
    return cpuHome[c];
  }

  /** The firmware node of block {@code b}. */
  public int blockHome(int b) {
    return blockHome[b];
  }
}
