package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.eval.ActionInstance;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.ts.PropertySpec;
import org.junit.jupiter.api.Test;

/**
 * The premises of {@link ShapeGroup}'s reduction, checked on the model itself: placed on
 * its shape's skeleton, every class's boot state is a start of the skeleton, every step
 * of the class is a step of the skeleton (same kind of action on the placed CPU or
 * block, same successor), and every property judges the placed state and step alike.
 * Together they make the class's reachable states a subset of the skeleton's.
 */
class ShapeGroupTest {
  private static final List<CanonicalTopology> CLASSES =
      new TopologyEnumerator(new SweepBounds(3, 2, 1)).classes();
  private static final Map<CanonicalTopology, ShapeGroup> GROUP_OF = groupOf(CLASSES);

  private static Map<CanonicalTopology, ShapeGroup> groupOf(List<CanonicalTopology> classes) {
    Map<CanonicalTopology, ShapeGroup> out = new HashMap<>();
    for (ShapeGroup g : ShapeGroup.of(classes)) {
      for (CanonicalTopology c : g.members()) {
        out.put(c, g);
      }
    }
    return out;
  }

  @Provide
  Arbitrary<CanonicalTopology> classes() {
    return Arbitraries.of(CLASSES);
  }

  @Property(tries = 80)
  void everyStepOfAClassIsAStepOfItsSkeleton(@ForAll("classes") CanonicalTopology c,
      @ForAll Arch arch, @ForAll KernelVariant kernel, @ForAll boolean fault) {
    Set<Fault> faults = fault ? Set.of(Fault.ADD_MEMORY_FAILS) : Set.of();
    HotplugModel member = new HotplugModel(c.toTopology(arch, kernel, faults));
    HotplugModel skeleton = GROUP_OF.get(c).model(arch, kernel.kernel(), faults);
    Map<ActionInstance, Integer> skeletonAction = new HashMap<>();
    for (int a = 0; a < skeleton.actionCount(); a++) {
      skeletonAction.put(skeleton.machine().actions().get(a), a);
    }
    int[] cpuAt = ShapeGroup.placement(c.cpuList(), true);
    int[] blockAt = ShapeGroup.placement(c.blockList(), false);

    long[] boot = member.initialStates().get(0);
    long[] placedBoot = placed(c, member, skeleton, boot);
    assertTrue(skeleton.initialStates().stream().anyMatch(s -> Arrays.equals(s, placedBoot)),
        "boot state of " + c.key() + " is not a start of its skeleton");

    Set<List<Long>> seen = new HashSet<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    seen.add(key(boot));
    queue.add(boot);
    long[] next = new long[member.stateWords()];
    long[] skeletonNext = new long[skeleton.stateWords()];
    while (!queue.isEmpty()) {
      long[] s = queue.poll();
      long[] t = placed(c, member, skeleton, s);
      for (int p = 0; p < member.properties().size(); p++) {
        if (member.properties().get(p).kind() == PropertySpec.Kind.INVARIANT) {
          assertEquals(member.invariantHolds(p, s), skeleton.invariantHolds(p, t),
              member.properties().get(p).name() + " on " + c.key());
        }
      }
      for (int a = 0; a < member.actionCount(); a++) {
        if (!member.successor(s, a, next)) {
          continue;
        }
        ActionInstance action = member.machine().actions().get(a);
        int index = action.rule().domain() == Domain.CPUS ? cpuAt[action.index()]
            : blockAt[action.index()];
        Integer b = skeletonAction.get(new ActionInstance(action.rule(), index));
        assertTrue(b != null, action.label() + " of " + c.key() + " has no skeleton action");
        assertTrue(skeleton.successor(t, b, skeletonNext), action.label() + " disabled");
        assertArrayEquals(placed(c, member, skeleton, next), skeletonNext,
            action.label() + " of " + c.key());
        for (int p = 0; p < member.properties().size(); p++) {
          if (member.properties().get(p).kind() != PropertySpec.Kind.INVARIANT) {
            assertEquals(member.checkTransition(p, s, a, next),
                skeleton.checkTransition(p, t, b, skeletonNext), action.label());
          }
        }
        if (seen.add(key(next))) {
          queue.add(next.clone());
        }
      }
    }
  }

  @Test
  void classesOfAShapeShareEverythingButTheirFlags() {
    List<ShapeGroup> groups = ShapeGroup.of(CLASSES);
    assertEquals(CLASSES.size(), groups.stream().mapToInt(ShapeGroup::size).sum());
    assertEquals(groups.size(), groups.stream().map(ShapeGroup::key).distinct().count());
    for (ShapeGroup g : groups) {
      var skeleton = g.skeleton(Arch.X86, KernelVariant.V5_0.kernel(), Set.of());
      assertTrue(skeleton.cpus().stream().allMatch(x -> x.boot() && x.hotplug()));
      assertTrue(skeleton.memory().stream().allMatch(x -> x.boot() && x.hotplug()));
      for (CanonicalTopology c : g.members()) {
        assertEquals(g.nodes(), c.nodes());
        assertEquals(c.cpuList().get(0).home(), skeleton.cpus().get(0).home(), c.key());
        for (int n = 0; n < c.nodes(); n++) {
          final int node = n;
          assertEquals(c.cpusOn(n), skeleton.cpus().stream().filter(x -> x.home() == node)
              .count(), c.key());
          assertEquals(c.blocksOn(n), skeleton.memory().stream()
              .filter(x -> x.home() == node).count(), c.key());
        }
      }
    }
  }

  private static long[] placed(CanonicalTopology c, HotplugModel member,
      HotplugModel skeleton, long[] state) {
    assertEquals(member.stateWords(), skeleton.stateWords());
    return ShapeGroup.onSkeleton(c, state, skeleton.machine().layout());
  }

  private static List<Long> key(long[] s) {
    return Arrays.stream(s).boxed().toList();
  }
}
