package org.hotplugchecker.model.rules;

import static org.hotplugchecker.model.rules.Rules.FALSE;
import static org.hotplugchecker.model.rules.Rules.NO_NODE;
import static org.hotplugchecker.model.rules.Rules.TRUE;
import static org.hotplugchecker.model.rules.Rules.and;
import static org.hotplugchecker.model.rules.Rules.archIs;
import static org.hotplugchecker.model.rules.Rules.argMin;
import static org.hotplugchecker.model.rules.Rules.block;
import static org.hotplugchecker.model.rules.Rules.call;
import static org.hotplugchecker.model.rules.Rules.count;
import static org.hotplugchecker.model.rules.Rules.eq;
import static org.hotplugchecker.model.rules.Rules.exists;
import static org.hotplugchecker.model.rules.Rules.forEach;
import static org.hotplugchecker.model.rules.Rules.ifElse;
import static org.hotplugchecker.model.rules.Rules.invoke;
import static org.hotplugchecker.model.rules.Rules.ite;
import static org.hotplugchecker.model.rules.Rules.knobIs;
import static org.hotplugchecker.model.rules.Rules.lit;
import static org.hotplugchecker.model.rules.Rules.lt;
import static org.hotplugchecker.model.rules.Rules.mod;
import static org.hotplugchecker.model.rules.Rules.ne;
import static org.hotplugchecker.model.rules.Rules.not;
import static org.hotplugchecker.model.rules.Rules.nth;
import static org.hotplugchecker.model.rules.Rules.or;
import static org.hotplugchecker.model.rules.Rules.read;
import static org.hotplugchecker.model.rules.Rules.set;
import static org.hotplugchecker.model.rules.Rules.topo;
import static org.hotplugchecker.model.rules.Rules.var;
import static org.hotplugchecker.model.rules.Rules.when;
import static org.hotplugchecker.model.rules.Domain.BLOCKS;
import static org.hotplugchecker.model.rules.Domain.CPUS;
import static org.hotplugchecker.model.rules.Domain.NODES;

import java.util.List;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;

/**
 * {@code MODEL.md} as a rule table: the only place where the hotplug kernel's behaviour is
 * written. Section by section: the state, the topology facts, the boot state,
 * {@code try_online_node} / {@code try_offline_node}, the actions with their kernel call
 * chains, and the properties. The knobs and presets are {@link KernelKnobs}.
 */
public final class HotplugRules {
  private HotplugRules() {}

  // ---- State ------------------------------------------------------------------------

  public static final Slot NODE_ONLINE = new Slot("node.online", NODES, Type.BOOL,
      "node_online(%d)", "node_online(n)");
  public static final Slot NODE_PGDAT = new Slot("node.pgdat", NODES, Type.BOOL,
      "NODE_DATA(%d)", "NODE_DATA(n) != NULL");
  public static final Slot NODE_REGISTERED = new Slot("node.registered", NODES, Type.BOOL,
      "node_registered(%d)", "/sys/devices/system/node/nodeN exists");
  public static final Slot CPU_PRESENT = new Slot("cpu.present", CPUS, Type.BOOL,
      "cpu_present(%d)", "cpu_present(c)");
  public static final Slot CPU_ONLINE = new Slot("cpu.online", CPUS, Type.BOOL,
      "cpu_online(%d)", "cpu_online(c)");
  public static final Slot CPU_NID = new Slot("cpu.nid", CPUS, Type.INT,
      "cpu_to_node(%d)", "cpu_to_node(c), -1 for NUMA_NO_NODE");
  public static final Slot CPU_LINK = new Slot("cpu.link", CPUS, Type.INT,
      "cpu_link(%d)", "node whose sysfs dir holds the cpuC link, -1 none");
  public static final Slot MEM_PRESENT = new Slot("mem.present", BLOCKS, Type.BOOL,
      "mem_present(%d)", "block added");
  public static final Slot MEM_ONLINE = new Slot("mem.online", BLOCKS, Type.BOOL,
      "mem_online(%d)", "its pages onlined");
  public static final Slot OOPS = new Slot("oops", null, Type.BOOL, "oops",
      "the kernel has oopsed; no action is enabled afterwards");

  // ---- Topology ---------------------------------------------------------------------

  public static final TopologyAttr CPU_HOME = new TopologyAttr("cpu.home", List.of(CPUS),
      Type.INT);
  public static final TopologyAttr CPU_BOOT = new TopologyAttr("cpu.boot", List.of(CPUS),
      Type.BOOL);
  public static final TopologyAttr CPU_HOTPLUG = new TopologyAttr("cpu.hotplug",
      List.of(CPUS), Type.BOOL);
  public static final TopologyAttr MEM_HOME = new TopologyAttr("mem.home", List.of(BLOCKS),
      Type.INT);
  public static final TopologyAttr MEM_BOOT = new TopologyAttr("mem.boot", List.of(BLOCKS),
      Type.BOOL);
  public static final TopologyAttr MEM_HOTPLUG = new TopologyAttr("mem.hotplug",
      List.of(BLOCKS), Type.BOOL);
  public static final TopologyAttr DISTANCE = new TopologyAttr("distance",
      List.of(NODES, NODES), Type.INT);

  // Before everything that reads them (static fields initialise in textual order): the
  // built-in invariants below are parsed against these names. SLOTS is the packing order.
  private static final List<Slot> SLOTS = List.of(NODE_ONLINE, NODE_PGDAT, NODE_REGISTERED,
      CPU_PRESENT, CPU_ONLINE, CPU_NID, CPU_LINK, MEM_PRESENT, MEM_ONLINE, OOPS);
  private static final List<TopologyAttr> TOPOLOGY = List.of(CPU_HOME, CPU_BOOT, CPU_HOTPLUG,
      MEM_HOME, MEM_BOOT, MEM_HOTPLUG, DISTANCE);
  private static final InvariantParser INVARIANTS = new InvariantParser(SLOTS, TOPOLOGY);

  private static Expr cpuHome(Expr c) {
    return topo(CPU_HOME, c);
  }

  private static Expr blockHome(Expr b) {
    return topo(MEM_HOME, b);
  }

  private static Expr nid(Expr c) {
    return read(CPU_NID, c);
  }

  private static Expr online(Expr n) {
    return read(NODE_ONLINE, n);
  }

  // ---- Boot state -------------------------------------------------------------------

  private static final Expr N = var("n");
  private static final Expr C = var("c");
  private static final Expr B = var("b");

  /**
   * A node is online at boot when a boot CPU or block is on it; x86's
   * {@code numa_init_array} then spreads the CPUs that are not yet present round-robin over
   * the online nodes, in increasing CPU index, from the lowest online node.
   */
  private static final List<Stmt> BOOT = block(
      forEach("n", NODES,
          set(NODE_ONLINE, N, or(
              exists("c", CPUS, and(topo(CPU_BOOT, C), eq(cpuHome(C), N))),
              exists("b", BLOCKS, and(topo(MEM_BOOT, B), eq(blockHome(B), N))))),
          set(NODE_REGISTERED, N, online(N)),
          set(NODE_PGDAT, N, or(online(N),
              knobIs(KernelKnobs.PGDAT_FOR_EVERY_POSSIBLE_NODE, "true")))),
      forEach("c", CPUS,
          ifElse(topo(CPU_BOOT, C), block(
              set(CPU_PRESENT, C, TRUE),
              set(CPU_ONLINE, C, TRUE),
              set(CPU_NID, C, cpuHome(C)),
              set(CPU_LINK, C, cpuHome(C))), block(
              set(CPU_NID, C, ite(archIs(Arch.X86), roundRobinNode(C), cpuHome(C))),
              set(CPU_LINK, C, NO_NODE)))),
      forEach("b", BLOCKS,
          when(topo(MEM_BOOT, B),
              set(MEM_PRESENT, B, TRUE),
              set(MEM_ONLINE, B, TRUE))));

  /** The online node that {@code numa_init_array} gives non-boot CPU {@code c}. */
  private static Expr roundRobinNode(Expr c) {
    Expr earlierLateCpus = count("e", CPUS, and(lt(var("e"), c), not(topo(CPU_BOOT, var("e")))));
    Expr onlineNodes = count("m", NODES, online(var("m")));
    return nth("m", NODES, online(var("m")), mod(earlierLateCpus, onlineNodes));
  }

  // ---- try_online_node / try_offline_node --------------------------------------------

  /**
   * {@code try_online_node(nid)}: brings a node online on first use, reusing or allocating
   * its pgdat, and links the present CPUs mapped to it under its sysfs directory.
   */
  public static final Procedure TRY_ONLINE_NODE = new Procedure("try_online_node",
      List.of("nid"), block(
      when(and(ne(var("nid"), NO_NODE), not(online(var("nid")))),
          ifElse(read(NODE_PGDAT, var("nid")),
              block(call("__try_online_node(%d)", var("nid"))),
              block(call("hotadd_new_pgdat(%d)", var("nid")))),
          set(NODE_PGDAT, var("nid"), TRUE),
          set(NODE_ONLINE, var("nid"), TRUE),
          set(NODE_REGISTERED, var("nid"), TRUE),
          call("__register_one_node(%d)", var("nid")),
          forEach("c", CPUS,
              when(and(read(CPU_PRESENT, C), eq(nid(C), var("nid"))),
                  set(CPU_LINK, C, var("nid")),
                  call("register_cpu_under_node(cpu %d, node %d)", C, var("nid")))))));

  /**
   * Whether {@code try_offline_node}'s guard lets node {@code nid} go: no block of the node
   * keeps it (present blocks, or on {@code offline_guard: online_blocks} only online ones:
   * the spanned-range regression fixed by 2c91f8fc6c99) and no present CPU is mapped to it.
   */
  private static Expr nodeIsUnused(Expr nid) {
    Expr keepsNode = ite(knobIs(KernelKnobs.OFFLINE_GUARD, "online_blocks"),
        read(MEM_ONLINE, B), read(MEM_PRESENT, B));
    return and(
        not(exists("b", BLOCKS, and(eq(blockHome(B), nid), keepsNode))),
        not(exists("c", CPUS, and(read(CPU_PRESENT, C), eq(nid(C), nid)))));
  }

  /** Whether {@code try_offline_node} runs {@code unmap_cpu_on_node} (before v5.0, alt. (c)). */
  private static final Expr CLEARS_CPU_NODE = or(
      knobIs(KernelKnobs.CLEAR_CPU_NODE_ON_OFFLINE, "always"),
      and(knobIs(KernelKnobs.CLEAR_CPU_NODE_ON_OFFLINE, "generic_only"),
          archIs(Arch.GENERIC)));

  /**
   * {@code try_offline_node(nid)}: takes a node offline once nothing keeps it, clearing
   * {@code cpu_to_node} of every possible CPU mapped to it on kernels that do. The pgdat is
   * never freed here.
   */
  public static final Procedure TRY_OFFLINE_NODE = new Procedure("try_offline_node",
      List.of("nid"), block(
      when(and(ne(var("nid"), NO_NODE), online(var("nid"))),
          call("try_offline_node(%d)", var("nid")),
          when(nodeIsUnused(var("nid")),
              when(CLEARS_CPU_NODE,
                  call("check_and_unmap_cpu_on_node"),
                  call("unmap_cpu_on_node"),
                  forEach("c", CPUS,
                      when(eq(nid(C), var("nid")),
                          set(CPU_NID, C, NO_NODE),
                          call("numa_clear_node(cpu %d)", C)))),
              set(NODE_ONLINE, var("nid"), FALSE),
              set(NODE_REGISTERED, var("nid"), FALSE),
              call("node_set_offline(%d)", var("nid")),
              call("unregister_one_node(%d)", var("nid")),
              forEach("c", CPUS,
                  when(eq(read(CPU_LINK, C), var("nid")),
                      set(CPU_LINK, C, NO_NODE)))))));

  // ---- Actions ----------------------------------------------------------------------

  private static Expr hotplugBlock(Expr b) {
    return topo(MEM_HOTPLUG, b);
  }

  public static final ActionRule ADD_MEMORY = new ActionRule("add_memory", "b", BLOCKS, null,
      and(hotplugBlock(B), not(read(MEM_PRESENT, B))), block(
      call("add_memory(%d)", B),
      call("add_memory_resource"),
      invoke(TRY_ONLINE_NODE, blockHome(B)),
      call("arch_add_memory"),
      set(MEM_PRESENT, B, TRUE)));

  /**
   * {@code add_memory} with {@code arch_add_memory} failing: the rollback frees the pgdat
   * of a node that was not online, even one reused from an earlier life, unless every
   * possible node keeps its pgdat.
   */
  public static final ActionRule ADD_MEMORY_FAILS = new ActionRule("add_memory_fails", "b",
      BLOCKS, Fault.ADD_MEMORY_FAILS, and(hotplugBlock(B), not(read(MEM_PRESENT, B))), block(
      call("add_memory_resource(%d)", B),
      call("arch_add_memory fails"),
      when(and(not(online(blockHome(B))),
              not(knobIs(KernelKnobs.PGDAT_FOR_EVERY_POSSIBLE_NODE, "true"))),
          call("rollback_node_hotadd(%d)", blockHome(B)),
          call("arch_free_nodedata(%d)", blockHome(B)),
          set(NODE_PGDAT, blockHome(B), FALSE))));

  public static final ActionRule ONLINE_MEMORY = new ActionRule("online_memory", "b", BLOCKS,
      null, and(hotplugBlock(B), read(MEM_PRESENT, B), not(read(MEM_ONLINE, B))), block(
      call("memory_block_action(online, block %d)", B),
      call("online_pages"),
      set(MEM_ONLINE, B, TRUE)));

  public static final ActionRule OFFLINE_MEMORY = new ActionRule("offline_memory", "b",
      BLOCKS, null, and(hotplugBlock(B), read(MEM_ONLINE, B)), block(
      call("memory_block_action(offline, block %d)", B),
      call("offline_pages"),
      set(MEM_ONLINE, B, FALSE)));

  public static final ActionRule REMOVE_MEMORY = new ActionRule("remove_memory", "b", BLOCKS,
      null, and(hotplugBlock(B), read(MEM_PRESENT, B), not(read(MEM_ONLINE, B))), block(
      call("remove_memory(%d)", B),
      call("arch_remove_memory"),
      set(MEM_PRESENT, B, FALSE),
      invoke(TRY_OFFLINE_NODE, blockHome(B))));

  /**
   * ACPI CPU hot-add: x86 maps the CPU to its firmware node ({@code acpi_map_cpu2node});
   * the CPU is linked under its node if that node is online.
   */
  public static final ActionRule HOTADD_CPU = new ActionRule("hotadd_cpu", "c", CPUS, null,
      and(topo(CPU_HOTPLUG, C), not(read(CPU_PRESENT, C))), block(
      call("acpi_processor_hotadd_init(%d)", C),
      when(archIs(Arch.X86),
          call("acpi_map_cpu"),
          call("acpi_map_cpu2node"),
          call("numa_set_node(cpu %d, node %d)", C, cpuHome(C)),
          set(CPU_NID, C, cpuHome(C))),
      set(CPU_PRESENT, C, TRUE),
      call("arch_register_cpu"),
      call("register_cpu(%d)", C),
      when(and(ne(nid(C), NO_NODE), online(nid(C))),
          set(CPU_LINK, C, nid(C)),
          call("register_cpu_under_node(cpu %d, node %d)", C, nid(C)))));

  /** {@code cpu_up(c)}: onlines the CPU's node first ({@code try_online_node}). */
  public static final ActionRule CPU_UP = new ActionRule("cpu_up", "c", CPUS, null,
      and(read(CPU_PRESENT, C), not(read(CPU_ONLINE, C))), block(
      call("cpu_up(%d)", C),
      call("try_online_node(%d)", nid(C)),
      invoke(TRY_ONLINE_NODE, nid(C)),
      call("_cpu_up(%d)", C),
      set(CPU_ONLINE, C, TRUE)));

  /** {@code cpu_down(c)}: refused for the last online CPU. */
  public static final ActionRule CPU_DOWN = new ActionRule("cpu_down", "c", CPUS, null,
      and(read(CPU_ONLINE, C),
          exists("o", CPUS, and(ne(var("o"), C), read(CPU_ONLINE, var("o"))))), block(
      call("cpu_down(%d)", C),
      call("_cpu_down(%d)", C),
      set(CPU_ONLINE, C, FALSE)));

  /** ACPI CPU hot-remove: unlinks the CPU and maybe offlines its node. */
  public static final ActionRule HOTREMOVE_CPU = new ActionRule("hotremove_cpu", "c", CPUS,
      null, and(topo(CPU_HOTPLUG, C), read(CPU_PRESENT, C), not(read(CPU_ONLINE, C))), block(
      call("acpi_processor_remove(%d)", C),
      call("arch_unregister_cpu"),
      call("unregister_cpu_under_node(%d)", C),
      call("acpi_unmap_cpu(%d)", C),
      set(CPU_PRESENT, C, FALSE),
      set(CPU_LINK, C, NO_NODE),
      invoke(TRY_OFFLINE_NODE, nid(C))));

  /**
   * The node an allocation for CPU {@code c} asks for: {@code cpu_to_node(c)}, or on
   * {@code no_node_in_allocator: numa_mem_id} CPU 0's node when that is {@code -1}.
   */
  private static Expr allocTarget(Expr c) {
    return ite(and(eq(nid(c), NO_NODE), knobIs(KernelKnobs.NO_NODE_IN_ALLOCATOR, "numa_mem_id")),
        nid(lit(0)), nid(c));
  }

  /** Whether an allocation asking for node {@code t} oopses: no such node, or no pgdat. */
  private static Expr oopses(Expr t) {
    return or(eq(t, NO_NODE), not(read(NODE_PGDAT, t)));
  }

  /**
   * The node nearest to {@code from} (by distance, ties to the lower index) that has an
   * online block, or {@code -1}. Zonelists are not modelled: the order is always
   * recomputed.
   */
  private static Expr nearestNodeWithOnlineMemory(Expr from) {
    return argMin("m", NODES,
        exists("b", BLOCKS, and(eq(blockHome(B), var("m")), read(MEM_ONLINE, B))),
        topo(DISTANCE, from, var("m")));
  }

  /**
   * KVM's per-CPU allocation ({@code alloc_vmcs_cpu}) for any possible CPU:
   * {@code __alloc_pages_node(cpu_to_node(c))} dereferences {@code NODE_DATA(nid)}. Oopses on
   * {@code NUMA_NO_NODE} or a missing pgdat; otherwise a self-loop (where the page comes
   * from changes no state, only the trace shows it).
   */
  public static final ActionRule ALLOC_FOR_CPU = new ActionRule("alloc_for_cpu", "c", CPUS,
      null, TRUE, block(
      call("hardware_setup"),
      call("alloc_kvm_area"),
      call("alloc_vmcs_cpu(%d)", C),
      call("__alloc_pages_node(cpu_to_node(%d) = %d)", C, nid(C)),
      when(and(eq(nid(C), NO_NODE), knobIs(KernelKnobs.NO_NODE_IN_ALLOCATOR, "numa_mem_id")),
          call("numa_mem_id(= %d)", nid(lit(0)))),
      Rules.let("t", allocTarget(C),
          call("node_zonelist(NODE_DATA(%d))", var("t")),
          ifElse(oopses(var("t")), block(
              ifElse(eq(var("t"), NO_NODE),
                  block(call("oops: NODE_DATA(%d) out of bounds", var("t"))),
                  block(call("oops: NODE_DATA(%d) is NULL", var("t")))),
              set(OOPS, TRUE)), block(
              Rules.let("served", nearestNodeWithOnlineMemory(var("t")),
                  ifElse(eq(var("served"), NO_NODE),
                      block(call("allocation fails: no online memory")),
                      block(call("get_page_from_freelist(node %d)", var("served"))))))))));

  // ---- Properties -------------------------------------------------------------------

  /** A built-in invariant: {@code holds} is parsed from {@code source}, as a user's would be. */
  private static PropertyRule.Invariant invariant(String name, String description,
      String source) {
    try {
      return new PropertyRule.Invariant(name, description, INVARIANTS.parse(source), source);
    } catch (InvariantException e) {
      throw new IllegalStateException("built-in invariant " + name + ": " + e.getMessage(), e);
    }
  }

  /** The state invariants of {@code MODEL.md}, in its order, then {@code alloc_local}. */
  private static final List<PropertyRule> PROPERTIES = List.of(
      invariant("cpu_node_has_pgdat", "cpu_to_node() never returns an index without NODE_DATA",
          "forall c in cpus: cpu.nid[c] != -1 && node.pgdat[cpu.nid[c]]"),
      invariant("online_node_links_cpus", "re-onlined nodes re-register their CPUs",
          "forall c in cpus: cpu.present[c] && node.online[cpu.home[c]] -> cpu.link[c] == cpu.home[c]"),
      invariant("no_dangling_links", "every cpuN link is of a present CPU under a registered node",
          "forall c in cpus: cpu.link[c] != -1 -> cpu.present[c] && node.registered[cpu.link[c]]"),
      invariant("online_node_has_pgdat", "every online node has NODE_DATA",
          "forall n in nodes: node.online[n] -> node.pgdat[n]"),
      invariant("registered_iff_online",
          "a node's sysfs directory exists exactly while it is online",
          "forall n in nodes: node.registered[n] <-> node.online[n]"),
      invariant("online_cpu_on_online_node", "every online CPU is mapped to an online node",
          "forall c in cpus: cpu.online[c] -> cpu.nid[c] != -1 && node.online[cpu.nid[c]]"),
      invariant("memory_on_online_node", "every present memory block sits on an online node",
          "forall b in blocks: mem.present[b] -> node.online[mem.home[b]]"),
      invariant("no_oops", "the kernel never oopses", "!oops"),
      new PropertyRule.ActionProperty("alloc_local",
          "a present CPU's served allocation comes from the node nearest its home",
          ALLOC_FOR_CPU,
          Rules.let("t", allocTarget(C), and(read(CPU_PRESENT, C), not(oopses(var("t"))),
              ne(nearestNodeWithOnlineMemory(var("t")), NO_NODE))),
          Rules.let("t", allocTarget(C), eq(nearestNodeWithOnlineMemory(var("t")),
              nearestNodeWithOnlineMemory(cpuHome(C))))));

  /** The whole model of {@code MODEL.md}. */
  public static final RuleSet RULES = new RuleSet(
      SLOTS, TOPOLOGY,
      not(read(OOPS)),
      BOOT,
      List.of(TRY_ONLINE_NODE, TRY_OFFLINE_NODE),
      List.of(ADD_MEMORY, ADD_MEMORY_FAILS, ONLINE_MEMORY, OFFLINE_MEMORY, REMOVE_MEMORY,
          HOTADD_CPU, CPU_UP, CPU_DOWN, HOTREMOVE_CPU, ALLOC_FOR_CPU),
      PROPERTIES);
}
