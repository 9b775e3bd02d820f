package org.hotplugchecker.checker.oracle;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.Topology;

/**
 * A deliberately naive, clean-room interpreter of {@code MODEL.md}: boot state, the ten
 * actions and the allocator, written line by line from the contract. It uses only the
 * topology's plain data (and the identity of the kernel enum constant); it derives the
 * variant table itself rather than asking {@link KernelVariant}'s predicates, so a wrong
 * table in the model cannot leak into the oracle.
 */
final class OracleKernel {

  /** The ten action kinds of {@code MODEL.md}. */
  enum Kind {
    ADD_MEMORY(true), ADD_MEMORY_FAILS(true), ONLINE_MEMORY(true), OFFLINE_MEMORY(true),
    REMOVE_MEMORY(true), HOTADD_CPU(false), CPU_UP(false), CPU_DOWN(false),
    HOTREMOVE_CPU(false), ALLOC_FOR_CPU(false);

    private final boolean onBlock;

    Kind(boolean onBlock) {
      this.onBlock = onBlock;
    }

    /** Whether instances are indexed by memory block (else by CPU). */
    boolean onBlock() {
      return onBlock;
    }
  }

  /** An action instance, e.g. {@code remove_memory(1)}. */
  record Action(Kind kind, int index) {
    @Override
    public String toString() {
      return kind.name().toLowerCase() + "(" + index + ")";
    }
  }

  /**
   * What an enabled action did.
   *
   * @param next the successor state
   * @param allocChecked for {@code alloc_for_cpu}: a present CPU, no oops, served
   * @param allocLocal for a checked allocation: served equals the node nearest to home
   */
  record Step(OracleState next, boolean allocChecked, boolean allocLocal) {}

  /** The variant table of {@code MODEL.md}, one row per kernel. */
  private record Rules(boolean clears, boolean guardOnlineBlocksOnly, boolean pgdatEveryNode,
      boolean noNodeUsesNumaMemId) {}

  private final Topology topo;
  private final Rules rules;
  private final List<Action> actions;

  OracleKernel(Topology topo) {
    this.topo = topo;
    this.rules = rulesOf(topo.kernel(), topo.arch());
    List<Action> all = new ArrayList<>();
    for (Kind k : Kind.values()) {
      if (k == Kind.ADD_MEMORY_FAILS && !topo.hasFault(Fault.ADD_MEMORY_FAILS)) {
        continue;
      }
      int count = k.onBlock() ? topo.memory().size() : topo.cpus().size();
      for (int i = 0; i < count; i++) {
        all.add(new Action(k, i));
      }
    }
    this.actions = List.copyOf(all);
  }

  /**
   * The rules of a kernel: a preset's row of MODEL.md's variant table (written here once
   * more, on purpose), else the knob values the spec gave, read as MODEL.md's "Kernel
   * knobs" section defines them.
   */
  private static Rules rulesOf(Kernel kernel, Arch arch) {
    String name = kernel.specName();
    String clear;
    String guard;
    boolean pgdat;
    String noNode;
    switch (name) {
      case "v4.19" -> { clear = "always"; guard = "present_blocks"; pgdat = false; noNode = "oops"; }
      case "v5.0" -> { clear = "never"; guard = "present_blocks"; pgdat = false; noNode = "oops"; }
      case "v5.4-rc" -> { clear = "never"; guard = "online_blocks"; pgdat = false; noNode = "oops"; }
      case "v5.18" -> { clear = "never"; guard = "present_blocks"; pgdat = true; noNode = "oops"; }
      case "alt-numa-mem-id" -> {
        clear = "always"; guard = "present_blocks"; pgdat = false; noNode = "numa_mem_id";
      }
      case "alt-arch-hook" -> {
        clear = "generic_only"; guard = "present_blocks"; pgdat = false; noNode = "oops";
      }
      default -> {
        clear = kernel.value("clear_cpu_node_on_offline");
        guard = kernel.value("offline_guard");
        pgdat = kernel.value("pgdat_for_every_possible_node").equals("true");
        noNode = kernel.value("no_node_in_allocator");
      }
    }
    boolean clears = switch (clear) {
      case "always" -> true;
      case "never" -> false;
      case "generic_only" -> arch.specName().equals("generic");
      default -> throw new IllegalArgumentException("unknown clear_cpu_node_on_offline " + clear);
    };
    return new Rules(clears, guard.equals("online_blocks"), pgdat, noNode.equals("numa_mem_id"));
  }

  private boolean pgdatForEveryNode() {
    return rules.pgdatEveryNode();
  }

  private boolean isX86() {
    return topo.arch().specName().equals("x86");
  }

  List<Action> actions() {
    return actions;
  }

  /** The boot state. */
  OracleState boot() {
    int nodes = topo.nodes();
    boolean[] online = new boolean[nodes];
    for (Component b : topo.memory()) {
      if (b.boot()) {
        online[b.home()] = true;
      }
    }
    for (Component c : topo.cpus()) {
      if (c.boot()) {
        online[c.home()] = true;
      }
    }
    List<OracleState.Node> ns = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      ns.add(new OracleState.Node(online[n], online[n] || pgdatForEveryNode(), online[n]));
    }
    // x86 numa_init_array: non-boot CPUs, in increasing index, get the boot-online nodes
    // round-robin starting at the lowest online one.
    List<Integer> onlineNodes = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      if (online[n]) {
        onlineNodes.add(n);
      }
    }
    int rr = 0;
    List<OracleState.Cpu> cs = new ArrayList<>();
    for (Component c : topo.cpus()) {
      if (c.boot()) {
        cs.add(new OracleState.Cpu(true, true, c.home(), c.home()));
      } else if (isX86()) {
        int nid = onlineNodes.get(rr % onlineNodes.size());
        rr++;
        cs.add(new OracleState.Cpu(false, false, nid, -1));
      } else {
        cs.add(new OracleState.Cpu(false, false, c.home(), -1));
      }
    }
    List<OracleState.Mem> ms = new ArrayList<>();
    for (Component b : topo.memory()) {
      ms.add(new OracleState.Mem(b.boot(), b.boot()));
    }
    return new OracleState(ns, cs, ms, false);
  }

  /** Applies {@code a} to {@code s}; empty when it is not enabled. */
  Optional<Step> apply(OracleState s, Action a) {
    if (s.oops()) {
      return Optional.empty();
    }
    int i = a.index();
    Machine m = new Machine(s);
    switch (a.kind()) {
      case ADD_MEMORY -> {
        Component b = topo.memory().get(i);
        if (!(b.hotplug() && !m.memPresent[i])) {
          return Optional.empty();
        }
        tryOnlineNode(m, b.home());
        m.memPresent[i] = true;
      }
      case ADD_MEMORY_FAILS -> {
        Component b = topo.memory().get(i);
        if (!(b.hotplug() && !m.memPresent[i])) {
          return Optional.empty();
        }
        if (!m.online[b.home()] && !pgdatForEveryNode()) {
          m.pgdat[b.home()] = false;
        }
      }
      case ONLINE_MEMORY -> {
        Component b = topo.memory().get(i);
        if (!(b.hotplug() && m.memPresent[i] && !m.memOnline[i])) {
          return Optional.empty();
        }
        m.memOnline[i] = true;
      }
      case OFFLINE_MEMORY -> {
        Component b = topo.memory().get(i);
        if (!(b.hotplug() && m.memOnline[i])) {
          return Optional.empty();
        }
        m.memOnline[i] = false;
      }
      case REMOVE_MEMORY -> {
        Component b = topo.memory().get(i);
        if (!(b.hotplug() && m.memPresent[i] && !m.memOnline[i])) {
          return Optional.empty();
        }
        m.memPresent[i] = false;
        tryOfflineNode(m, b.home());
      }
      case HOTADD_CPU -> {
        Component c = topo.cpus().get(i);
        if (!(c.hotplug() && !m.cpuPresent[i])) {
          return Optional.empty();
        }
        if (isX86()) {
          m.nid[i] = c.home();
        }
        m.cpuPresent[i] = true;
        if (m.nid[i] != -1 && m.online[m.nid[i]]) {
          m.link[i] = m.nid[i];
        }
      }
      case CPU_UP -> {
        if (!(m.cpuPresent[i] && !m.cpuOnline[i])) {
          return Optional.empty();
        }
        tryOnlineNode(m, m.nid[i]);
        m.cpuOnline[i] = true;
      }
      case CPU_DOWN -> {
        if (!m.cpuOnline[i]) {
          return Optional.empty();
        }
        boolean another = false;
        for (int c = 0; c < m.cpuOnline.length; c++) {
          if (c != i && m.cpuOnline[c]) {
            another = true;
          }
        }
        if (!another) {
          return Optional.empty();
        }
        m.cpuOnline[i] = false;
      }
      case HOTREMOVE_CPU -> {
        Component c = topo.cpus().get(i);
        if (!(c.hotplug() && m.cpuPresent[i] && !m.cpuOnline[i])) {
          return Optional.empty();
        }
        m.cpuPresent[i] = false;
        m.link[i] = -1;
        tryOfflineNode(m, m.nid[i]);
      }
      case ALLOC_FOR_CPU -> {
        return Optional.of(allocForCpu(s, m, i));
      }
      default -> throw new AssertionError(a);
    }
    return Optional.of(new Step(m.freeze(), false, false));
  }

  private Step allocForCpu(OracleState s, Machine m, int c) {
    int t = m.nid[c];
    if (t == -1) {
      if (rules.noNodeUsesNumaMemId()) {
        t = m.nid[0];
      } else {
        m.oops = true;
        return new Step(m.freeze(), false, false);
      }
    }
    if (t == -1 || !m.pgdat[t]) {
      m.oops = true;
      return new Step(m.freeze(), false, false);
    }
    int served = nearestWithOnlineBlock(s, t);
    if (served == -1) {
      return new Step(s, false, false); // fails cleanly
    }
    boolean checked = m.cpuPresent[c];
    boolean local = served == nearestWithOnlineBlock(s, topo.cpus().get(c).home());
    return new Step(s, checked, checked && local);
  }

  /** The node nearest to {@code from} (ties to the lower index) with an online block, or -1. */
  int nearestWithOnlineBlock(OracleState s, int from) {
    int best = -1;
    for (int n = 0; n < topo.nodes(); n++) {
      boolean hasOnlineBlock = false;
      for (int b = 0; b < topo.memory().size(); b++) {
        if (topo.memory().get(b).home() == n && s.mem(b).online()) {
          hasOnlineBlock = true;
        }
      }
      if (!hasOnlineBlock) {
        continue;
      }
      if (best == -1 || topo.distance(from, n) < topo.distance(from, best)) {
        best = n;
      }
    }
    return best;
  }

  private void tryOnlineNode(Machine m, int n) {
    if (n == -1) {
      return; // the helper is only defined for n != -1
    }
    if (!m.online[n]) {
      m.pgdat[n] = true;
      m.online[n] = true;
      m.registered[n] = true;
      for (int c = 0; c < m.nid.length; c++) {
        if (m.cpuPresent[c] && m.nid[c] == n) {
          m.link[c] = n;
        }
      }
    }
  }

  private void tryOfflineNode(Machine m, int n) {
    if (n == -1 || !m.online[n]) {
      return;
    }
    for (int b = 0; b < topo.memory().size(); b++) {
      boolean keeps = rules.guardOnlineBlocksOnly() ? m.memOnline[b] : m.memPresent[b];
      if (topo.memory().get(b).home() == n && keeps) {
        return;
      }
    }
    for (int c = 0; c < m.nid.length; c++) {
      if (m.cpuPresent[c] && m.nid[c] == n) {
        return;
      }
    }
    if (rules.clears()) {
      for (int c = 0; c < m.nid.length; c++) {
        if (m.nid[c] == n) {
          m.nid[c] = -1;
        }
      }
    }
    m.online[n] = false;
    m.registered[n] = false;
    for (int c = 0; c < m.link.length; c++) {
      if (m.link[c] == n) {
        m.link[c] = -1;
      }
    }
  }

  /** A mutable scratch copy of a state, used only inside one action. */
  private static final class Machine {
    final boolean[] online;
    final boolean[] pgdat;
    final boolean[] registered;
    final boolean[] cpuPresent;
    final boolean[] cpuOnline;
    final int[] nid;
    final int[] link;
    final boolean[] memPresent;
    final boolean[] memOnline;
    boolean oops;

    Machine(OracleState s) {
      int n = s.nodes().size();
      int c = s.cpus().size();
      int b = s.mems().size();
      online = new boolean[n];
      pgdat = new boolean[n];
      registered = new boolean[n];
      for (int i = 0; i < n; i++) {
        online[i] = s.node(i).online();
        pgdat[i] = s.node(i).pgdat();
        registered[i] = s.node(i).registered();
      }
      cpuPresent = new boolean[c];
      cpuOnline = new boolean[c];
      nid = new int[c];
      link = new int[c];
      for (int i = 0; i < c; i++) {
        cpuPresent[i] = s.cpu(i).present();
        cpuOnline[i] = s.cpu(i).online();
        nid[i] = s.cpu(i).nid();
        link[i] = s.cpu(i).link();
      }
      memPresent = new boolean[b];
      memOnline = new boolean[b];
      for (int i = 0; i < b; i++) {
        memPresent[i] = s.mem(i).present();
        memOnline[i] = s.mem(i).online();
      }
      oops = s.oops();
    }

    OracleState freeze() {
      List<OracleState.Node> ns = new ArrayList<>();
      for (int i = 0; i < online.length; i++) {
        ns.add(new OracleState.Node(online[i], pgdat[i], registered[i]));
      }
      List<OracleState.Cpu> cs = new ArrayList<>();
      for (int i = 0; i < nid.length; i++) {
        cs.add(new OracleState.Cpu(cpuPresent[i], cpuOnline[i], nid[i], link[i]));
      }
      List<OracleState.Mem> ms = new ArrayList<>();
      for (int i = 0; i < memPresent.length; i++) {
        ms.add(new OracleState.Mem(memPresent[i], memOnline[i]));
      }
      return new OracleState(ns, cs, ms, oops);
    }
  }
}
