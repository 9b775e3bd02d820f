package org.hotplugchecker.model.rules.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.Rules;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.TransitionVerdict;
import org.junit.jupiter.api.Test;

/**
 * The terms are the rule machine: on every reachable state of random topologies and knob
 * sets, each guard term is the machine's enabledness, each next-value term its successor,
 * each property term its verdict (built-ins and hand-written user invariants), and what an
 * action changes or reads stays inside its derived write and read sets.
 */
class SymbolicMachineTest {
  /** States on which the read sets are checked by perturbing every unread element. */
  private static final int PERTURBED_STATES = 40;

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.smallWithKnobs();
  }

  @Property(tries = 120)
  void termsAreTheRuleMachine(@ForAll("topologies") Topology t) {
    List<PropertyRule> props = new ArrayList<>(HotplugRules.RULES.properties());
    props.addAll(SampleInvariants.all());
    RuleMachine machine = new RuleMachine(HotplugRules.RULES, t, props);
    SymbolicMachine sym = new SymbolicMachine(machine);
    assertEquals(machine.actions().size(), sym.actions().size());
    assertEquals(props.size(), sym.properties().size());
    List<long[]> states = reachable(machine);
    for (int i = 0; i < states.size(); i++) {
      checkState(machine, sym, states.get(i), i < PERTURBED_STATES);
    }
  }

  private static void checkState(RuleMachine machine, SymbolicMachine sym, long[] s,
      boolean perturb) {
    StateElements el = sym.elements();
    TermEval eval = new TermEval(el.values(s));
    String where = " in " + machine.variables(s);
    for (SymbolicAction a : sym.actions()) {
      boolean enabled = machine.enabled(a.id(), s);
      assertEquals(enabled, eval.bool(a.guard()), a + " enabled" + where);
      if (!enabled) {
        continue;
      }
      long[] next = s.clone();
      machine.fire(a.id(), next, null);
      int[] expected = el.values(next);
      int[] before = el.values(s);
      for (int e = 0; e < el.count(); e++) {
        Term n = a.next(e);
        int got = n.isInt() ? eval.integer(n) : (eval.bool(n) ? 1 : 0);
        assertEquals(expected[e], got, a + ": " + el.name(e) + " after it" + where);
        if (expected[e] != before[e]) {
          assertTrue(a.writes().get(e), a + " changes " + el.name(e) + " outside its writes");
        }
      }
      if (perturb) {
        checkReads(machine, sym, a, s);
      }
    }
    for (int p = 0; p < sym.properties().size(); p++) {
      SymbolicProperty sp = sym.properties().get(p);
      if (sp.isInvariant()) {
        boolean holds = machine.holds(p, s);
        assertEquals(holds, eval.bool(sp.holds()), sp.rule().name() + where);
        assertEquals(!holds, eval.bool(sp.bad()), sp.rule().name() + " bad" + where);
        continue;
      }
      boolean bad = false;
      boolean judged = false;
      for (SymbolicProperty.Step step : sp.steps()) {
        if (!machine.enabled(step.action(), s)) {
          continue;
        }
        TransitionVerdict v = machine.judge(p, s, step.action());
        assertEquals(v != TransitionVerdict.NOT_APPLICABLE, eval.bool(step.applies()),
            sp.rule().name() + " applies to " + step.action() + where);
        if (v != TransitionVerdict.NOT_APPLICABLE) {
          assertEquals(v == TransitionVerdict.HOLDS, eval.bool(step.holds()),
              sp.rule().name() + " holds on " + step.action() + where);
        }
        bad |= v == TransitionVerdict.VIOLATED;
        judged |= v != TransitionVerdict.NOT_APPLICABLE;
      }
      assertEquals(bad, eval.bool(sp.bad()), sp.rule().name() + " bad" + where);
      assertEquals(judged, eval.bool(sp.exercised()), sp.rule().name() + " exercised" + where);
    }
  }

  /**
   * Changing an element the action does not read (to any other value) changes neither
   * whether the reference interpreter enables it nor what it writes.
   */
  private static void checkReads(RuleMachine machine, SymbolicMachine sym, SymbolicAction a,
      long[] s) {
    StateElements el = sym.elements();
    int[] base = el.values(s);
    long[] next = s.clone();
    machine.fire(a.id(), next, null);
    int[] after = el.values(next);
    for (int e = 0; e < el.count(); e++) {
      if (a.reads().get(e)) {
        continue;
      }
      int range = el.isInt(e) ? el.nodes() + 1 : 2;
      for (int k = 0; k < range; k++) {
        int v = el.isInt(e) ? k - 1 : k;
        if (v == base[e]) {
          continue;
        }
        int[] changed = base.clone();
        changed[e] = v;
        long[] other = el.pack(changed);
        String what = a + " with " + el.name(e) + " = " + v + " instead of " + base[e];
        assertTrue(machine.enabled(a.id(), other), what + " is disabled");
        long[] otherNext = other.clone();
        machine.fire(a.id(), otherNext, null);
        int[] otherAfter = el.values(otherNext);
        for (int w : a.written()) {
          assertEquals(after[w], otherAfter[w], what + ": " + el.name(w));
        }
      }
    }
  }

  @Test
  void countInAnInvariantIsRefusedByName() {
    Topology t = TopologyArbitraries.small().sample();
    PropertyRule counting = new PropertyRule.Invariant("counting", "", Rules.eq(
        Rules.count("n", Domain.NODES, Rules.read(HotplugRules.NODE_ONLINE, Rules.var("n"))),
        Rules.lit(1)), null);
    RuleMachine machine = new RuleMachine(HotplugRules.RULES, t, List.of(counting));
    UnsupportedRuleException e = assertThrows(UnsupportedRuleException.class,
        () -> new SymbolicMachine(machine));
    assertTrue(e.getMessage().startsWith("Count "), e.getMessage());
  }

  @Test
  void independentActionsShareNoWrittenElement() {
    Topology t = TopologyArbitraries.small().sample();
    SymbolicMachine sym = new SymbolicMachine(new RuleMachine(HotplugRules.RULES, t,
        HotplugRules.RULES.properties()));
    ActionDependencies d = sym.dependencies();
    for (SymbolicAction a : sym.actions()) {
      assertTrue(!d.independent(a.id(), a.id()));
      for (SymbolicAction b : sym.actions()) {
        if (d.independent(a.id(), b.id())) {
          assertTrue(!a.writes().intersects(b.reads()) && !b.writes().intersects(a.reads()));
          assertEquals(d.independent(a.id(), b.id()), d.independent(b.id(), a.id()));
        }
      }
    }
  }

  /** The reachable states of {@code m}, breadth first. */
  static List<long[]> reachable(RuleMachine m) {
    Set<List<Long>> seen = new HashSet<>();
    List<long[]> out = new ArrayList<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    long[] boot = m.bootState();
    seen.add(key(boot));
    queue.add(boot);
    while (!queue.isEmpty()) {
      long[] s = queue.poll();
      out.add(s);
      for (int a = 0; a < m.actions().size(); a++) {
        if (m.enabled(a, s)) {
          long[] n = s.clone();
          m.fire(a, n, null);
          if (seen.add(key(n))) {
            queue.add(n);
          }
        }
      }
    }
    return out;
  }

  private static List<Long> key(long[] s) {
    return Arrays.stream(s).boxed().toList();
  }
}
