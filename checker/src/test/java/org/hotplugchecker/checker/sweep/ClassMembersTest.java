package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.topology.Topology;

/**
 * The members of a class are exactly the labelled topologies whose representative it is:
 * over every class of a bound they are every labelled topology of the bound, each once
 * (checked against {@link Labelled}, written independently of the canonical form).
 */
class ClassMembersTest {
  @Provide
  Arbitrary<SweepBounds> bounds() {
    return Arbitraries.of(new SweepBounds(2, 1, 1), new SweepBounds(1, 3, 1),
        new SweepBounds(2, 2, 0), new SweepBounds(3, 1, 0), new SweepBounds(1, 2, 2));
  }

  @Property(tries = 5)
  void membersOfEveryClassAreEveryLabelledTopologyOnce(@ForAll("bounds") SweepBounds b) {
    Set<List<Object>> labelled = new HashSet<>();
    for (Topology t : Labelled.all(b)) {
      labelled.add(List.of(t.nodes(), t.cpus(), t.memory()));
    }
    Set<List<Object>> members = new HashSet<>();
    long count = 0;
    for (CanonicalTopology c : new TopologyEnumerator(b).classes()) {
      List<ClassMembers.Member> ms = ClassMembers.of(c);
      assertEquals(c.cpuList(), ms.get(0).cpus(), "the representative comes first");
      for (ClassMembers.Member m : ms) {
        Topology t = m.toTopology(org.hotplugchecker.model.topology.Arch.X86,
            org.hotplugchecker.model.topology.KernelVariant.V5_0.kernel(), Set.of());
        assertEquals(c, CanonicalTopology.of(t), m.toString());
        members.add(List.of(m.nodes(), m.cpus(), m.blocks()));
        count++;
      }
    }
    assertEquals(count, members.size(), "a member is listed twice");
    assertEquals(labelled, members);
    assertTrue(count >= new TopologyEnumerator(b).classes().size());
  }
}
