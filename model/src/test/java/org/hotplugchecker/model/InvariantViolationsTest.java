package org.hotplugchecker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.symbolic.SampleInvariants;
import org.hotplugchecker.model.topology.Topology;

/**
 * The search's per-state invariant check, {@link HotplugModel#invariantViolations1(long,
 * long)} and its multi-word twin, restricted to the invariants still pending: on models
 * whose properties are a shuffled subset of the built-ins plus user invariants (so that
 * property indices are not rule positions), it reports exactly the pending invariants that
 * {@link HotplugModel#invariantHolds} finds violated, one by one.
 */
class InvariantViolationsTest {

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.smallWithKnobs();
  }

  @Property(tries = 60)
  void pendingInvariantsAreCheckedExactly(@ForAll("topologies") Topology t,
      @ForAll long seed) {
    Random random = new Random(seed);
    List<PropertyRule> props = new ArrayList<>(HotplugRules.RULES.properties());
    props.addAll(SampleInvariants.all().subList(0, 3));
    Collections.shuffle(props, random);
    props = props.subList(0, 1 + random.nextInt(props.size()));
    HotplugModel model = HotplugModel.checking(t, props);
    boolean oneWord = model.hasOneWordSuccessors();
    Set<List<Long>> seen = new HashSet<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>(model.initialStates());
    model.initialStates().forEach(s -> seen.add(key(s)));
    while (!queue.isEmpty() && seen.size() < 1_500) {
      long[] s = queue.poll();
      long violated = 0;
      long invariants = 0;
      for (int p = 0; p < props.size(); p++) {
        if (props.get(p) instanceof PropertyRule.Invariant) {
          invariants |= 1L << p;
          violated |= model.invariantHolds(p, s) ? 0 : 1L << p;
        }
      }
      for (long pending : List.of(-1L, invariants, 0L, random.nextLong(),
          invariants & -invariants)) {
        String where = " pending " + Long.toBinaryString(pending) + " of " + props + " in "
            + model.machine().variables(s);
        assertEquals(violated & pending, model.invariantViolationsN(s, pending), "N" + where);
        if (oneWord) {
          assertEquals(violated & pending, model.invariantViolations1(s[0], pending),
              "1" + where);
        }
      }
      for (int a = 0; a < model.actionCount(); a++) {
        long[] next = new long[s.length];
        if (model.successor(s, a, next) && seen.add(key(next))) {
          queue.add(next);
        }
      }
    }
  }

  private static List<Long> key(long[] s) {
    return Arrays.stream(s).boxed().toList();
  }
}
