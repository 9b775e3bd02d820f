package org.hotplugchecker.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.TransitionVerdict;
import org.junit.jupiter.api.Test;

/** The one-word fast path gives exactly the general path's successors, invariants and alloc_local verdicts. */
class OneWordKernelTest {

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.small();
  }

  @Property(tries = 100)
  void successor1AgreesWithSuccessorOnEveryReachableState(@ForAll("topologies") Topology t) {
    HotplugModel model = new HotplugModel(t);
    if (!model.hasOneWordSuccessors()) {
      return; // small topologies always fit one word; nothing to compare otherwise
    }
    // The same model with the properties in reverse order: the bit set follows the order.
    java.util.List<HotplugProperty> reversed = new java.util.ArrayList<>(model.hotplugProperties());
    java.util.Collections.reverse(reversed);
    HotplugModel reversedModel = new HotplugModel(t, reversed);
    long[] next = new long[1];
    int allocLocal = model.hotplugProperties().indexOf(HotplugProperty.ALLOC_LOCAL);
    Set<Long> seen = new HashSet<>();
    ArrayDeque<Long> queue = new ArrayDeque<>();
    long boot = model.initialStates().get(0)[0];
    seen.add(boot);
    queue.add(boot);
    while (!queue.isEmpty() && seen.size() < 5_000) {
      long s = queue.poll();
      int[] enabledIds = new int[model.actionCount()];
      int count = model.enabled1(s, enabledIds);
      int k = 0;
      for (int a = 0; a < model.actionCount(); a++) {
        if (model.successor1(s, a) != HotplugModel.DISABLED) {
          assertTrue(k < count && enabledIds[k] == a, model.actionLabel(a) + " is enabled");
          assertEquals(model.successor1(s, a), model.fire1(s, a));
          k++;
        }
      }
      assertEquals(k, count, "enabled actions of " + Long.toHexString(s));
      if (model.hasEnabledSets1()) {
        long set = model.enabledSet1(s);
        assertEquals(count, Long.bitCount(set), "enabled set of " + Long.toHexString(s));
        long[] all = new long[model.actionCount()];
        assertEquals(count, model.fireAll1(s, set, all));
        for (int e = 0; e < count; e++) {
          assertTrue((set & (1L << enabledIds[e])) != 0, "in the enabled set");
          assertEquals(model.fire1(s, enabledIds[e]), all[e],
              "fireAll, " + model.actionLabel(enabledIds[e]) + " from " + Long.toHexString(s));
        }
      }
      long violations = model.invariantViolations1(s);
      for (int p = 0; p < model.hotplugProperties().size(); p++) {
        HotplugProperty property = model.hotplugProperties().get(p);
        if (property != HotplugProperty.ALLOC_LOCAL) {
          boolean holds = property.invariantHolds(model.view(new long[] {s}), model.kernel());
          assertEquals(holds, model.invariantHolds(p, new long[] {s}),
              property + " in " + Long.toHexString(s) + " of " + t);
          assertEquals(holds, (violations & (1L << p)) == 0,
              "all invariants at once: " + property + " in " + Long.toHexString(s) + " of " + t);
        } else {
          assertEquals(0, violations & (1L << p), "alloc_local is no invariant");
        }
        int q = reversed.indexOf(property);
        assertEquals((violations >>> p) & 1, (reversedModel.invariantViolations1(s) >>> q) & 1,
            property + " in the reversed model");
      }
      for (int a = 0; a < model.actionCount(); a++) {
        boolean enabled = model.successor(new long[] {s}, a, next);
        long fast = model.successor1(s, a);
        assertEquals(enabled ? next[0] : HotplugModel.DISABLED, fast,
            model.actionLabel(a) + " from " + Long.toHexString(s) + " in " + t);
        KernelAction action = model.action(a);
        for (int p = 0; p < model.hotplugProperties().size() && enabled; p++) {
          if (!model.judges(p, a)) {
            assertEquals(TransitionVerdict.NOT_APPLICABLE,
                model.checkTransition(p, new long[] {s}, a, next), "judges " + p + ", " + a);
          }
        }
        if (enabled && action.kind() == ActionKind.ALLOC_FOR_CPU) {
          Boolean general = HotplugProperty.allocLocal(model.view(new long[] {s}),
              action.index(), model.kernel());
          TransitionVerdict expected = general == null ? TransitionVerdict.NOT_APPLICABLE
              : general ? TransitionVerdict.HOLDS : TransitionVerdict.VIOLATED;
          assertEquals(expected, model.checkTransition(allocLocal, new long[] {s}, a, next),
              "alloc_local on " + action + " from " + Long.toHexString(s) + " in " + t);
        }
        if (enabled && seen.add(fast)) {
          queue.add(fast);
        }
      }
    }
  }

  @Test
  void smallTopologiesUseTheFastPath() {
    Topology t = TopologyArbitraries.small().sample();
    assertTrue(new HotplugModel(t).hasOneWordSuccessors(), t.toString());
  }
}
