package org.hotplugchecker.model.rules.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the analysis derives from the rule table and from user invariants. */
class SymmetryAnalysisTest {

  private static SymmetryConstraints withInvariant(String source) throws InvariantException {
    List<PropertyRule> props = new ArrayList<>(HotplugRules.RULES.properties());
    props.add(new PropertyRule.Invariant("user", "", InvariantParser.parse(HotplugRules.RULES,
        source), source));
    return SymmetryAnalysis.of(HotplugRules.RULES, props);
  }

  @Test
  void builtInPropertiesKeepNodesCpusAndBlocksPermutable() {
    SymmetryConstraints c = SymmetryAnalysis.of(HotplugRules.RULES,
        HotplugRules.RULES.properties());
    assertTrue(c.disabledBy().isEmpty(), c.reasons().toString());
    for (Domain d : Domain.values()) {
      assertTrue(c.permutes(d), d + ": " + c.reasons());
    }
    // alt-numa-mem-id reads cpu_to_node(0): CPU 0 is pinned, CPU 1 is not.
    assertTrue(c.fixes(Domain.CPUS, 0), c.reasons().toString());
    assertFalse(c.fixes(Domain.CPUS, 1), c.reasons().toString());
    assertFalse(c.fixes(Domain.NODES, 1), c.reasons().toString());
    // cpu.home and mem.home hold nodes; distances are plain numbers.
    assertEquals(Set.of(Domain.NODES), Set.copyOf(c.attrValueDomains().values()));
    assertTrue(c.attrValueDomains().keySet().stream().noneMatch(a -> a.name().contains("dist")));
    // alloc_local breaks ties by node index: judged on every node renaming.
    assertTrue(c.needsWitnesses(Domain.NODES));
  }

  @Test
  void literalIndicesPinTheirElements() throws InvariantException {
    SymmetryConstraints c = withInvariant("cpu.online[3] -> node.online[2] && mem.online[1]");
    assertTrue(c.disabledBy().isEmpty(), c.reasons().toString());
    assertTrue(c.fixes(Domain.CPUS, 3));
    assertTrue(c.fixes(Domain.NODES, 2));
    assertTrue(c.fixes(Domain.BLOCKS, 1));
    assertFalse(c.fixes(Domain.NODES, 1));
    assertFalse(c.fixes(Domain.CPUS, 2));
  }

  @Test
  void literalsComparedWithNodeValuesPinThoseNodes() throws InvariantException {
    SymmetryConstraints c = withInvariant(
        "forall c in cpus: cpu.nid[c] == 1 || cpu.link[c] != 3 || cpu.home[c] == 4");
    assertTrue(c.disabledBy().isEmpty(), c.reasons().toString());
    assertTrue(c.fixes(Domain.NODES, 1));
    assertTrue(c.fixes(Domain.NODES, 3));
    assertTrue(c.fixes(Domain.NODES, 4));
    assertFalse(c.fixes(Domain.NODES, 2));
    assertFalse(c.fixes(Domain.CPUS, 1));
  }

  @Test
  void anOrderThresholdPinsTheElementsBelowIt() throws InvariantException {
    SymmetryConstraints c = withInvariant("forall c in cpus: c < 2 || cpu.nid[c] <= 1");
    assertTrue(c.disabledBy().isEmpty(), c.reasons().toString());
    assertTrue(c.fixes(Domain.CPUS, 1));
    assertFalse(c.fixes(Domain.CPUS, 2));
    assertTrue(c.fixes(Domain.NODES, 1));
    assertFalse(c.fixes(Domain.NODES, 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "forall c in cpus: forall d in cpus: cpu.nid[c] <= cpu.nid[d]",
      "forall c in cpus: node.online[c]",
      "forall c in cpus: forall b in blocks: c == b",
      "forall n in nodes: distance[n][n] == n",
      "forall c in cpus: cpu.nid[c] == distance[0][1]",
      "forall n in nodes: forall m in nodes: n < m -> node.online[n]"})
  void whatCannotBeClassifiedTurnsSymmetryOff(String source) throws InvariantException {
    SymmetryConstraints c = withInvariant(source);
    assertTrue(c.disabledBy().isPresent(), source + ": " + c.reasons());
    assertTrue(c.disabledBy().get().startsWith("invariant user"), c.disabledBy().get());
    for (Domain d : Domain.values()) {
      assertFalse(c.permutes(d));
    }
  }
}
