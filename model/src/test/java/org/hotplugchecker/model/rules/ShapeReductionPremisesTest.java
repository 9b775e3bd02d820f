package org.hotplugchecker.model.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What the sweep's reductions derive from the rule table and from a user invariant: the
 * shape method's premise holds for {@link HotplugRules#RULES}, {@link ShapePremise#flagsRead}
 * names the flags an invariant reads, and {@link RenamingInvariance} tells which invariants
 * a renaming of nodes, CPUs (CPU 0 stays) and blocks cannot change.
 */
class ShapeReductionPremisesTest {
  private static Expr parse(String source) throws Exception {
    return InvariantParser.parse(HotplugRules.RULES, source);
  }

  @Test
  void theRuleTableSatisfiesTheShapePremise() {
    assertEquals(List.of(), ShapePremise.HOTPLUG.violations(HotplugRules.RULES));
  }

  @Test
  void flagsReadAreNamedInOrder() throws Exception {
    assertEquals(List.of(HotplugRules.MEM_HOTPLUG, HotplugRules.CPU_BOOT),
        List.copyOf(ShapePremise.HOTPLUG.flagsRead(parse(
            "(forall b in blocks: mem.hotplug[b]) || (exists c in cpus: cpu.boot[c])"))));
    assertEquals(Set.of(), ShapePremise.HOTPLUG.flagsRead(parse(
        "forall c in cpus: cpu.online[c] -> node.online[cpu.home[c]]")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "forall n in nodes: node.online[n] -> node.pgdat[n]",
      "forall c in cpus: cpu.online[c] -> cpu.nid[c] == cpu.home[c]",
      "forall c in cpus: c == 0 -> cpu.online[c]",
      "cpu.online[0]",
      "forall c in cpus: cpu.nid[c] >= 0 || !cpu.present[c]",
      "forall n in nodes: forall m in nodes: distance[n][m] >= 10",
      "oops == false"})
  void renamingCannotChangeThese(String source) throws Exception {
    assertEquals(java.util.Optional.empty(), RenamingInvariance.problem(parse(source)), source);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "!node.online[1]",
      "cpu.online[1]",
      "mem.online[0]",
      "forall c in cpus: cpu.nid[c] < 1",
      "forall c in cpus: cpu.nid[c] == 0",
      "forall n in nodes: forall m in nodes: n < m -> node.online[n]",
      "forall c in cpus: c == 1 -> cpu.online[c]",
      "forall c in cpus: node.online[c]"})
  void renamingCanChangeThese(String source) throws Exception {
    assertTrue(RenamingInvariance.problem(parse(source)).isPresent(), source);
  }
}
