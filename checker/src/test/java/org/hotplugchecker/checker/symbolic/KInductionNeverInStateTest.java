package org.hotplugchecker.checker.symbolic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.PackedLayout;
import org.hotplugchecker.model.rules.eval.RandomWalks;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.hotplugchecker.model.topology.Topology;

/**
 * k-induction on the user's plainest reachability question, "is the machine ever in state
 * U?", asked as the invariant "never U" with every element of U spelled out: U reachable
 * (a random walk's state), or mostly not (re-drawn elements, components of different
 * reachable states). Unlike the random expressions of {@link SymbolicDifferentialTest},
 * these are violated deep down as often as at a short length, and hold for reasons that
 * lemmas of one or two atoms may or may not capture.
 */
class KInductionNeverInStateTest {
  @Provide
  Arbitrary<Topology> busy() {
    return TopologyArbitraries.busy();
  }

  /** How the state U of "never in state U" is made from a random walk's last state. */
  enum Shape {
    /** U is the walk's state itself: reachable, at most the walk's length deep. */
    WALKED,
    /** A few of its elements re-drawn: mostly unreachable, excluded by a simple lemma. */
    REDRAWN,
    /** Each component from it or from a longer walk's state: each one reachable alone. */
    MIXED
  }

  /**
   * "Never in state U", for U from {@link Shape}: k-induction proves it only if the
   * explicit engine finds U unreachable, and refutes it only if U is reachable, with the
   * explicit engine's shortest length.
   */
  @Property(tries = 100)
  void kInductionAgreesWithExplicitOnNeverReachingAState(@ForAll("busy") Topology t,
      @ForAll @IntRange(min = 0, max = 8) int walk, @ForAll @IntRange(min = 1, max = 3) int redraw,
      @ForAll long seed, @ForAll Shape shape) throws Exception {
    RuleMachine plain = new RuleMachine(HotplugRules.RULES, t, List.of());
    Random random = new Random(seed);
    long[] u = RandomWalks.fromBoot(plain, random, walk);
    switch (shape) {
      case WALKED -> { }
      case REDRAWN -> redraw(plain, u, redraw, random);
      case MIXED -> mix(plain, u, RandomWalks.fromBoot(plain, random, walk + 3), random);
    }
    String source = "!(" + String.join(" && ", atoms(plain, u)) + ")";
    PropertyRule.Invariant never = new PropertyRule.Invariant("never_u", source,
        InvariantParser.parse(HotplugRules.RULES, source), source);
    RuleMachineSystem ts = RuleMachineSystem.of(t, List.of(never));
    PropertyResult e = new ExplicitExplorer().explore(ts, ExplorerOptions.defaults())
        .property("never_u").orElseThrow();
    PropertyResult k = new KInductionEngine(new KInductionOptions(3, 20_000))
        .check(SymbolicModel.of(ts, ts.machine())).property("never_u").orElseThrow();
    Statistics.label("explicit, kind").collect(shape, e.verdict(), k.verdict());
    assertTrue(SymbolicDifferentialTest.kInductionAgrees(e, k), () -> "explicit "
        + SymbolicDifferentialTest.describe(e) + ", kind "
        + SymbolicDifferentialTest.describe(k) + ": " + source + " on " + t);
  }

  /** Gives {@code count} random elements of {@code s} a random value of their type. */
  private static void redraw(RuleMachine m, long[] s, int count, Random random) {
    PackedLayout layout = m.layout();
    int nodes = m.facts().size(Domain.NODES);
    for (int k = 0; k < count; k++) {
      int slot = random.nextInt(layout.slots().size());
      Slot sl = layout.slots().get(slot);
      int size = layout.size(slot);
      if (size == 0) {
        continue;
      }
      int value = sl.type() == Type.BOOL ? random.nextInt(2) : random.nextInt(nodes + 1) - 1;
      layout.setValue(s, slot, random.nextInt(size), value);
    }
  }

  /**
   * Takes each component (a node, a CPU, a block: all its elements together) from
   * {@code other} or keeps it, at random: every component's values are then those of a
   * reachable state, which lemmas over one component cannot exclude.
   */
  private static void mix(RuleMachine m, long[] s, long[] other, Random random) {
    PackedLayout layout = m.layout();
    for (Domain d : Domain.values()) {
      for (int i = 0; i < m.facts().size(d); i++) {
        if (random.nextBoolean()) {
          for (int slot = 0; slot < layout.slots().size(); slot++) {
            if (layout.slots().get(slot).index() == d) {
              layout.setValue(s, slot, i, layout.value(other, slot, i));
            }
          }
        }
      }
    }
  }

  /** Every element of {@code s} as an atom of the invariant language. */
  private static List<String> atoms(RuleMachine m, long[] s) {
    PackedLayout layout = m.layout();
    List<String> out = new ArrayList<>();
    for (int slot = 0; slot < layout.slots().size(); slot++) {
      Slot sl = layout.slots().get(slot);
      for (int i = 0; i < layout.size(slot); i++) {
        String name = sl.isScalar() ? sl.name() : sl.name() + "[" + i + "]";
        int v = layout.value(s, slot, i);
        out.add(sl.type() == Type.BOOL ? (v != 0 ? name : "!" + name) : name + " == " + v);
      }
    }
    return out;
  }
}
