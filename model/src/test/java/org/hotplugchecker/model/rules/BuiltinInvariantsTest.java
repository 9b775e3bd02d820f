package org.hotplugchecker.model.rules;

import static org.hotplugchecker.model.rules.Domain.BLOCKS;
import static org.hotplugchecker.model.rules.Domain.CPUS;
import static org.hotplugchecker.model.rules.Domain.NODES;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_HOME;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_LINK;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_NID;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_PRESENT;
import static org.hotplugchecker.model.rules.HotplugRules.MEM_HOME;
import static org.hotplugchecker.model.rules.HotplugRules.MEM_PRESENT;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_PGDAT;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_REGISTERED;
import static org.hotplugchecker.model.rules.HotplugRules.OOPS;
import static org.hotplugchecker.model.rules.Rules.NO_NODE;
import static org.hotplugchecker.model.rules.Rules.and;
import static org.hotplugchecker.model.rules.Rules.eq;
import static org.hotplugchecker.model.rules.Rules.forall;
import static org.hotplugchecker.model.rules.Rules.iff;
import static org.hotplugchecker.model.rules.Rules.implies;
import static org.hotplugchecker.model.rules.Rules.ne;
import static org.hotplugchecker.model.rules.Rules.not;
import static org.hotplugchecker.model.rules.Rules.read;
import static org.hotplugchecker.model.rules.Rules.topo;
import static org.hotplugchecker.model.rules.Rules.var;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.lang.InvariantPrinter;
import org.junit.jupiter.api.Test;

/**
 * The built-in invariants are parsed from their {@code source}: the result is exactly the
 * expression the rule table used to build by hand, and printing it gives the source back.
 */
class BuiltinInvariantsTest {
  private static final Expr C = var("c");
  private static final Expr N = var("n");
  private static final Expr B = var("b");

  /** The hand-built expressions of the first rule table, by invariant name. */
  private static Map<String, Expr> handBuilt() {
    Map<String, Expr> m = new LinkedHashMap<>();
    Expr nid = read(CPU_NID, C);
    m.put("cpu_node_has_pgdat", forall("c", CPUS, and(ne(nid, NO_NODE), read(NODE_PGDAT, nid))));
    m.put("online_node_links_cpus", forall("c", CPUS, implies(
        and(read(CPU_PRESENT, C), read(NODE_ONLINE, topo(CPU_HOME, C))),
        eq(read(CPU_LINK, C), topo(CPU_HOME, C)))));
    m.put("no_dangling_links", forall("c", CPUS, implies(ne(read(CPU_LINK, C), NO_NODE),
        and(read(CPU_PRESENT, C), read(NODE_REGISTERED, read(CPU_LINK, C))))));
    m.put("online_node_has_pgdat", forall("n", NODES,
        implies(read(NODE_ONLINE, N), read(NODE_PGDAT, N))));
    m.put("registered_iff_online", forall("n", NODES,
        iff(read(NODE_REGISTERED, N), read(NODE_ONLINE, N))));
    m.put("online_cpu_on_online_node", forall("c", CPUS, implies(read(CPU_ONLINE, C),
        and(ne(nid, NO_NODE), read(NODE_ONLINE, nid)))));
    m.put("memory_on_online_node", forall("b", BLOCKS,
        implies(read(MEM_PRESENT, B), read(NODE_ONLINE, topo(MEM_HOME, B)))));
    m.put("no_oops", not(read(OOPS)));
    return m;
  }

  private static List<PropertyRule.Invariant> invariants() {
    return HotplugRules.RULES.properties().stream()
        .filter(p -> p instanceof PropertyRule.Invariant)
        .map(p -> (PropertyRule.Invariant) p).toList();
  }

  @Test
  void parsedSourcesEqualTheHandBuiltExpressions() {
    Map<String, Expr> expected = handBuilt();
    assertEquals(List.copyOf(expected.keySet()),
        invariants().stream().map(PropertyRule.Invariant::name).toList());
    for (PropertyRule.Invariant inv : invariants()) {
      assertEquals(expected.get(inv.name()), inv.holds(), inv.name());
    }
  }

  @Test
  void printingAParsedBuiltinGivesItsSourceBack() {
    for (PropertyRule.Invariant inv : invariants()) {
      assertEquals(inv.source(), InvariantPrinter.print(inv.holds()), inv.name());
    }
  }
}
