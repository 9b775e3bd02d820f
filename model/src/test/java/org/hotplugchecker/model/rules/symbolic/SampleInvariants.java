package org.hotplugchecker.model.rules.symbolic;

import static org.hotplugchecker.model.rules.HotplugRules.CPU_HOME;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_HOTPLUG;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_LINK;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_NID;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_PRESENT;
import static org.hotplugchecker.model.rules.HotplugRules.DISTANCE;
import static org.hotplugchecker.model.rules.HotplugRules.MEM_BOOT;
import static org.hotplugchecker.model.rules.HotplugRules.MEM_HOME;
import static org.hotplugchecker.model.rules.HotplugRules.MEM_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.MEM_PRESENT;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_PGDAT;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_REGISTERED;
import static org.hotplugchecker.model.rules.HotplugRules.OOPS;
import static org.hotplugchecker.model.rules.Rules.and;
import static org.hotplugchecker.model.rules.Rules.eq;
import static org.hotplugchecker.model.rules.Rules.exists;
import static org.hotplugchecker.model.rules.Rules.forall;
import static org.hotplugchecker.model.rules.Rules.iff;
import static org.hotplugchecker.model.rules.Rules.implies;
import static org.hotplugchecker.model.rules.Rules.lit;
import static org.hotplugchecker.model.rules.Rules.lt;
import static org.hotplugchecker.model.rules.Rules.ne;
import static org.hotplugchecker.model.rules.Rules.not;
import static org.hotplugchecker.model.rules.Rules.or;
import static org.hotplugchecker.model.rules.Rules.read;
import static org.hotplugchecker.model.rules.Rules.topo;
import static org.hotplugchecker.model.rules.Rules.var;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.PropertyRule;

/**
 * Hand-written invariants of the user-invariant language, built with {@code Rules}: the
 * four of {@code shared/reference/knobs-invariants.json} and a few that exercise what
 * the built-ins do not (orders, distances, comparisons of two state integers, Boolean
 * equality, out-of-range reads, nested quantifiers, fixed indices), until the parser and
 * its random-expression generator land. Shared with the checker's tests (test-jar).
 */
public final class SampleInvariants {
  private SampleInvariants() {}

  private static final Expr C = var("c");
  private static final Expr N = var("n");
  private static final Expr B = var("b");
  private static final Expr M = var("m");

  /** The four user invariants of {@code knobs-invariants.json}, by name, in file order. */
  public static List<PropertyRule.Invariant> reference() {
    return List.of(
        inv("online_cpu_linked", "forall c in cpus: cpu.online[c] -> cpu.link[c] == cpu.nid[c]",
            forall("c", Domain.CPUS, implies(read(CPU_ONLINE, C),
                eq(read(CPU_LINK, C), read(CPU_NID, C))))),
        inv("node_with_memory_is_online",
            "forall b in blocks: mem.online[b] -> node.online[mem.home[b]]",
            forall("b", Domain.BLOCKS, implies(read(MEM_ONLINE, B),
                read(NODE_ONLINE, topo(MEM_HOME, B))))),
        inv("some_cpu_online_per_online_node",
            "forall n in nodes: node.online[n] -> exists c in cpus: cpu.online[c] && cpu.nid[c] == n",
            forall("n", Domain.NODES, implies(read(NODE_ONLINE, N),
                exists("c", Domain.CPUS, and(read(CPU_ONLINE, C), eq(read(CPU_NID, C), N)))))),
        inv("hotpluggable_cpu_keeps_home",
            "forall c in cpus: cpu.hotplug[c] && cpu.nid[c] != -1 -> cpu.nid[c] == cpu.home[c]",
            forall("c", Domain.CPUS, implies(and(topo(CPU_HOTPLUG, C),
                ne(read(CPU_NID, C), lit(-1))), eq(read(CPU_NID, C), topo(CPU_HOME, C))))));
  }

  /** {@link #reference()} and more, each different in what it exercises. */
  public static List<PropertyRule.Invariant> all() {
    List<PropertyRule.Invariant> out = new ArrayList<>(reference());
    out.add(inv("link_below_nid_or_none",
        "forall c in cpus: cpu.link[c] < cpu.nid[c] || !(cpu.nid[c] < cpu.link[c])",
        forall("c", Domain.CPUS, or(lt(read(CPU_LINK, C), read(CPU_NID, C)),
            not(lt(read(CPU_NID, C), read(CPU_LINK, C)))))));
    out.add(inv("near_memory",
        "forall c in cpus: cpu.present[c] -> exists m in nodes: distance[cpu.nid[c]][m] <= 20 && node.online[m]",
        forall("c", Domain.CPUS, implies(read(CPU_PRESENT, C), exists("m", Domain.NODES,
            and(new Expr.Compare(Expr.CompareOp.LE, topo(DISTANCE, read(CPU_NID, C), M),
                lit(20)), read(NODE_ONLINE, M)))))));
    out.add(inv("pgdat_of_mapped_node",
        "forall c in cpus: node.pgdat[cpu.nid[c]] == node.registered[cpu.link[c]]",
        forall("c", Domain.CPUS, eq(read(NODE_PGDAT, read(CPU_NID, C)),
            read(NODE_REGISTERED, read(CPU_LINK, C))))));
    out.add(inv("node0_online_or_oops", "node.online[0] || oops || cpu.nid[7] == -1",
        or(read(NODE_ONLINE, lit(0)), read(OOPS), eq(read(CPU_NID, lit(7)), lit(-1)))));
    out.add(inv("boot_memory_present_iff_online",
        "forall b in blocks: mem.boot[b] -> (mem.present[b] <-> mem.online[b])",
        forall("b", Domain.BLOCKS, implies(topo(MEM_BOOT, B),
            iff(read(MEM_PRESENT, B), read(MEM_ONLINE, B))))));
    out.add(inv("far_nid", "exists c in cpus: cpu.nid[c] >= 1 && cpu.home[c] > cpu.link[c]",
        exists("c", Domain.CPUS, and(new Expr.Compare(Expr.CompareOp.GE, read(CPU_NID, C),
            lit(1)), new Expr.Compare(Expr.CompareOp.GT, topo(CPU_HOME, C),
            read(CPU_LINK, C))))));
    out.add(inv("online_of_online_node_of_present",
        "forall c in cpus: cpu.present[c] == node.online[cpu.nid[cpu.link[c]]]",
        forall("c", Domain.CPUS, eq(read(CPU_PRESENT, C),
            read(NODE_ONLINE, read(CPU_NID, read(CPU_LINK, C)))))));
    return out;
  }

  private static PropertyRule.Invariant inv(String name, String source, Expr holds) {
    return new PropertyRule.Invariant(name, source, holds, source);
  }
}
