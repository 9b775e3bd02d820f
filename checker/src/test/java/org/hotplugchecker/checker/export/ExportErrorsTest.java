package org.hotplugchecker.checker.export;

import static org.hotplugchecker.model.rules.Rules.TRUE;
import static org.hotplugchecker.model.rules.Rules.block;
import static org.hotplugchecker.model.rules.Rules.lit;
import static org.hotplugchecker.model.rules.Rules.not;
import static org.hotplugchecker.model.rules.Rules.read;
import static org.hotplugchecker.model.rules.Rules.set;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.model.rules.ActionRule;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.Stmt;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an export must refuse, and an error of the rules that SPIN must see as one. */
class ExportErrorsTest {
  @TempDir Path dir;

  private static Topology s1() {
    return ReferenceCases.all().get(0).topology();
  }

  /** The rule table with one more action over the CPUs, {@code extra}, running {@code body}. */
  private static RuleSet withAction(List<Stmt> body) {
    RuleSet r = HotplugRules.RULES;
    List<ActionRule> actions = new ArrayList<>(r.actions());
    actions.add(new ActionRule("extra", "c", Domain.CPUS, null, not(read(HotplugRules.OOPS)),
        body));
    return new RuleSet(r.slots(), r.topology(), r.enabledOnlyWhen(), r.boot(), r.procedures(),
        actions, r.properties());
  }

  @Test
  void anIntInvariantIsRefused() {
    RuleMachine m = new RuleMachine(HotplugRules.RULES, s1(), List.of(
        new PropertyRule.Invariant("an_int", "not a bool", read(HotplugRules.CPU_NID, lit(0)),
            null)));
    ExportException e = assertThrows(ExportException.class,
        () -> new PromelaExporter(m).export());
    assertTrue(e.getMessage().contains("an_int"), e.getMessage());
  }

  @Test
  void twoPropertiesOfOneNameAreRefusedNotMerged() {
    RuleMachine m = new RuleMachine(HotplugRules.RULES, s1(), List.of(
        TestInvariants.invariant("a", TRUE), TestInvariants.invariant("a", TRUE)));
    assertThrows(ExportException.class, () -> new PromelaExporter(m).export());
    assertThrows(ExportException.class, () -> new TlaExporter(m, "x").config());
  }

  @Test
  void aWriteOutOfRangeFailsInSpinAsInTheRuleMachine() throws Exception {
    SpinAgreementTest.assumeSpin();
    RuleMachine m = new RuleMachine(withAction(block(
        set(HotplugRules.NODE_ONLINE, read(HotplugRules.CPU_LINK, lit(7)), TRUE))), s1(),
        List.of());
    int extra = m.actions().size() - 1;
    assertThrows(IllegalStateException.class, () -> m.fire(extra, m.bootState(), null));
    SpinResult r = new SpinRunner(dir, 300, SpinRunner.QUICK)
        .verify(new PromelaExporter(m).export(), 100_000, 16);
    assertEquals(List.of("write_in_range"), List.copyOf(r.violated().keySet()), r.output());
  }
}
