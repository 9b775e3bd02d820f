package org.hotplugchecker.checker.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.lang.InvariantArbitraries;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.hotplugchecker.model.topology.Topology;

/**
 * The engine (rule table, compiled kernel, interpreter for user invariants) against the
 * clean-room oracle on what the rule table added: random knob sets, random well-typed user
 * invariants, and the built-in properties restated by hand in other words.
 */
class OracleKnobsAndInvariantsTest {

  @Provide
  Arbitrary<Topology> withKnobs() {
    return TopologyArbitraries.smallWithKnobs();
  }

  @Provide
  Arbitrary<InvariantArbitraries.Generated> invariants() {
    return InvariantArbitraries.invariants();
  }

  @Property(tries = 300)
  void engineAgreesWithOracleOnRandomKnobSets(@ForAll("withKnobs") Topology topo) {
    assertEquals(Optional.empty(), Differential.mismatch(topo));
  }

  @Property(tries = 300)
  void engineAgreesWithOracleOnRandomUserInvariants(@ForAll("withKnobs") Topology topo,
      @ForAll("invariants") InvariantArbitraries.Generated a,
      @ForAll("invariants") InvariantArbitraries.Generated b) {
    Map<String, String> user = new LinkedHashMap<>();
    user.put("user_a", a.source());
    user.put("user_b", b.source());
    assertEquals(Optional.empty(), Differential.mismatch(topo, user));
  }

  /**
   * MODEL.md's properties 1-8 in words other than the table's (other quantifier nesting,
   * variable names, connectives): as user invariants they get exactly the built-ins'
   * verdicts and counterexample lengths, which the oracle computes on its own.
   */
  @Property(tries = 200)
  void builtInsRestatedByHandGetTheBuiltInsVerdicts(@ForAll("withKnobs") Topology topo)
      throws InvariantException {
    Map<String, String> restated = new LinkedHashMap<>();
    restated.put("r_cpu_node_has_pgdat",
        "!(exists x in cpus: cpu.nid[x] == -1 || !node.pgdat[cpu.nid[x]])");
    restated.put("r_online_node_links_cpus", "forall n in nodes: forall c in cpus: "
        + "node.online[n] && cpu.present[c] && cpu.home[c] == n -> cpu.link[c] == n");
    restated.put("r_no_dangling_links",
        "forall c in cpus: cpu.link[c] == -1 || cpu.present[c] && node.registered[cpu.link[c]]");
    restated.put("r_online_node_has_pgdat", "!(exists n in nodes: node.online[n] && !node.pgdat[n])");
    restated.put("r_registered_iff_online",
        "forall n in nodes: node.registered[n] == node.online[n]");
    restated.put("r_online_cpu_on_online_node", "forall c in cpus: cpu.online[c] -> "
        + "(exists n in nodes: cpu.nid[c] == n && node.online[n])");
    restated.put("r_memory_on_online_node",
        "forall b in blocks: forall n in nodes: mem.present[b] && mem.home[b] == n -> node.online[n]");
    restated.put("r_no_oops", "oops == false");
    assertEquals(Optional.empty(), Differential.mismatch(topo, restated));
    Map<String, Expr> parsed = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : restated.entrySet()) {
      parsed.put(e.getKey(), InvariantParser.parse(HotplugRules.RULES, e.getValue()));
    }
    Map<String, String> verdicts = OracleExplorer.explore(topo, parsed).verdicts();
    restated.keySet().forEach(r -> assertEquals(verdicts.get(r.substring(2)), verdicts.get(r),
        r + " restates " + r.substring(2)));
  }
}
