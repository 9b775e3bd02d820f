package org.hotplugchecker.model.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;

/**
 * The rule table, interpreted, behaves exactly as the hand-written kernel it replaces: the
 * same packed boot state, action instances, guards, successors, call chains, property
 * verdicts and trace variables on every reachable state of random topologies and knob sets.
 */
class RuleMachineTest {

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.smallWithKnobs();
  }

  @Provide
  Arbitrary<Topology> wide() {
    return TopologyArbitraries.topologies(5, 5, 5, TopologyArbitraries.kernels());
  }

  @Property(tries = 150)
  void agreesWithTheHandWrittenKernel(@ForAll("topologies") Topology t) {
    compare(t, 4_000);
  }

  @Property(tries = 30)
  void agreesOnWideStates(@ForAll("wide") Topology t) {
    compare(t, 1_500);
  }

  private static void compare(Topology t, int maxStates) {
    HotplugModel model = new HotplugModel(t);
    RuleMachine rules = new RuleMachine(HotplugRules.RULES, t, HotplugRules.RULES.properties());
    assertEquals(model.stateWords(), rules.layout().words(), "words");
    assertEquals(model.stateBits(), rules.layout().bits(), "bits");
    List<String> labels = new ArrayList<>();
    rules.actions().forEach(a -> labels.add(a.label()));
    List<String> expected = new ArrayList<>();
    for (int a = 0; a < model.actionCount(); a++) {
      expected.add(model.actionLabel(a));
    }
    assertEquals(expected, labels, "action instances");
    long[] boot = model.initialStates().get(0);
    assertArrayEquals(boot, rules.bootState(), "boot state");
    List<PropertySpec> props = model.properties();
    Set<List<Long>> seen = new HashSet<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    seen.add(key(boot));
    queue.add(boot);
    long[] next = new long[boot.length];
    while (!queue.isEmpty() && seen.size() < maxStates) {
      long[] s = queue.poll();
      assertEquals(model.variables(s), rules.variables(s), "variables");
      for (int p = 0; p < props.size(); p++) {
        if (props.get(p).kind() == PropertySpec.Kind.INVARIANT) {
          assertEquals(model.invariantHolds(p, s), rules.holds(p, s),
              props.get(p).name() + " in " + model.variables(s));
        }
      }
      for (int a = 0; a < model.actionCount(); a++) {
        boolean enabled = model.successor(s, a, next);
        assertEquals(enabled, rules.enabled(a, s), model.actionLabel(a) + " enabled in "
            + model.variables(s));
        if (!enabled) {
          continue;
        }
        long[] mine = s.clone();
        List<String> calls = new ArrayList<>();
        rules.fire(a, mine, calls);
        assertArrayEquals(next, mine, model.actionLabel(a) + " from " + model.variables(s));
        assertEquals(model.callChain(s, a), calls, model.actionLabel(a) + " call chain");
        for (int p = 0; p < props.size(); p++) {
          if (props.get(p).kind() == PropertySpec.Kind.ACTION) {
            assertEquals(model.checkTransition(p, s, a, next), rules.judge(p, s, a),
                props.get(p).name() + " on " + model.actionLabel(a) + " from "
                    + model.variables(s));
          }
        }
        if (seen.add(key(next))) {
          queue.add(next.clone());
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
