package org.hotplugchecker.model.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.kernel.ActionGuard;
import org.hotplugchecker.model.rules.eval.GuardMasks;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.gen.CompiledKernel;
import org.hotplugchecker.model.rules.gen.CompiledKernels;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * The kernel the build compiles from the rule table (both its one-word and its multi-word
 * methods), the guard masks derived from the rules, and {@link HotplugModel}'s fast paths
 * all agree with the interpreted rules on every reachable state of random topologies and
 * knob sets: enabledness, successors, invariants and action-property verdicts.
 */
class CompiledKernelTest {

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.smallWithKnobs();
  }

  @Provide
  Arbitrary<Topology> wide() {
    return TopologyArbitraries.topologies(5, 5, 5, TopologyArbitraries.kernels());
  }

  @Property(tries = 150)
  void compiledKernelAgreesWithTheInterpreter(@ForAll("topologies") Topology t) {
    compare(t, 4_000);
  }

  @Property(tries = 30)
  void compiledKernelAgreesOnWideStates(@ForAll("wide") Topology t) {
    compare(t, 1_500);
  }

  private static void compare(Topology t, int maxStates) {
    HotplugModel model = new HotplugModel(t);
    RuleMachine rules = model.machine();
    int n = rules.actions().size();
    int[] kinds = new int[n];
    int[] indices = new int[n];
    for (int a = 0; a < n; a++) {
      kinds[a] = HotplugRules.RULES.actions().indexOf(rules.actions().get(a).rule());
      indices[a] = rules.actions().get(a).index();
    }
    CompiledKernel kernel = CompiledKernels.hotplug(rules.facts(), rules.layout(), kinds,
        indices);
    boolean oneWord = model.hasOneWordSuccessors();
    List<ActionGuard> masks = new ArrayList<>();
    for (int a = 0; a < n; a++) {
      Optional<GuardMasks.Masks> m = GuardMasks.of(rules, a);
      assertTrue(m.isPresent(), "every guard of the table has masks: " + rules.actions().get(a));
      masks.add(ActionGuard.of(m.get()));
    }
    long[] boot = model.initialStates().get(0);
    assertArrayEquals(rules.bootState(), boot);
    assertArrayEquals(rules.bootState(), kernel.boot(), "compiled boot program");
    assertArrayEquals(rules.bootState(), HotplugModel.bootState(t));
    Set<List<Long>> seen = new HashSet<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    seen.add(key(boot));
    queue.add(boot);
    List<org.hotplugchecker.model.rules.PropertyRule> props = rules.properties();
    while (!queue.isEmpty() && seen.size() < maxStates) {
      long[] s = queue.poll();
      String where = " in " + rules.variables(s);
      long violated = 0;
      long invariants = 0;
      for (int p = 0; p < props.size(); p++) {
        if (props.get(p) instanceof PropertyRule.Invariant) {
          boolean holds = rules.holds(p, s);
          invariants |= 1L << p;
          violated |= holds ? 0 : 1L << p;
          assertEquals(holds, kernel.invariantN(p, s), props.get(p).name() + where);
          assertEquals(holds, model.invariantHolds(p, s), props.get(p).name() + where);
          if (oneWord) {
            assertEquals(holds, kernel.invariant1(p, s[0]), props.get(p).name() + where);
            assertEquals(!holds, (model.invariantViolations1(s[0], -1L) & (1L << p)) != 0,
                props.get(p).name() + where);
          }
        }
      }
      // violations: all invariants active, each alone, and a subset that varies by state
      List<Long> actives = new ArrayList<>(List.of(invariants, 0L,
          invariants & (seen.size() * 0x9E3779B97F4A7C15L)));
      for (long b = invariants; b != 0; b &= b - 1) {
        actives.add(b & -b);
      }
      for (long active : actives) {
        assertEquals(violated & active, kernel.violationsN(s, active),
            "violationsN of " + Long.toBinaryString(active) + where);
        if (oneWord) {
          assertEquals(violated & active, kernel.violations1(s[0], active),
              "violations1 of " + Long.toBinaryString(active) + where);
        }
      }
      long enabledSet = 0;
      List<long[]> successors = new ArrayList<>();
      for (int a = 0; a < n; a++) {
        String what = rules.actions().get(a).label() + where;
        boolean enabled = rules.enabled(a, s);
        assertEquals(enabled, kernel.guardN(kinds[a], indices[a], s), "guardN " + what);
        assertEquals(enabled, masks.get(a).admits(s), "masks " + what);
        if (oneWord) {
          assertEquals(enabled, kernel.guard1(kinds[a], indices[a], s[0]), "guard1 " + what);
        }
        long[] viaModel = new long[s.length];
        assertEquals(enabled, model.successor(s, a, viaModel), "model " + what);
        if (!enabled) {
          continue;
        }
        enabledSet |= 1L << a;
        long[] expected = s.clone();
        rules.fire(a, expected, null);
        long[] mine = s.clone();
        kernel.fireN(kinds[a], indices[a], mine);
        assertArrayEquals(expected, mine, "fireN " + what);
        assertArrayEquals(expected, viaModel, "model successor " + what);
        if (oneWord) {
          assertEquals(expected[0], kernel.fire1(kinds[a], indices[a], s[0]), "fire1 " + what);
          assertEquals(expected[0], model.successor1(s[0], a), "successor1 " + what);
        }
        successors.add(expected);
        for (int p = 0; p < props.size(); p++) {
          if (props.get(p) instanceof PropertyRule.ActionProperty) {
            TransitionVerdict v = rules.judge(p, s, a);
            assertEquals(v, model.checkTransition(p, s, a, expected), props.get(p).name() + what);
            if (v != TransitionVerdict.NOT_APPLICABLE || model.judges(p, a)) {
              int code = v == TransitionVerdict.NOT_APPLICABLE ? -1
                  : v == TransitionVerdict.HOLDS ? 1 : 0;
              assertEquals(code, kernel.judgeN(p, indices[a], s), props.get(p).name() + what);
              if (oneWord) {
                assertEquals(code, model.checkTransition1(p, s[0], a), props.get(p).name() + what);
              }
            }
          }
        }
        if (seen.add(key(expected))) {
          queue.add(expected);
        }
      }
      if (model.hasEnabledSets1()) {
        assertEquals(enabledSet, model.enabledSet1(s[0]), "enabled set" + where);
        long[] out = new long[n];
        int k = model.fireAll1(s[0], enabledSet, out);
        assertEquals(successors.size(), k);
        for (int i = 0; i < k; i++) {
          assertEquals(successors.get(i)[0], out[i], "fireAll1 #" + i + where);
        }
      }
    }
  }

  private static List<Long> key(long[] s) {
    List<Long> k = new ArrayList<>();
    for (long w : s) {
      k.add(w);
    }
    return k;
  }
}
