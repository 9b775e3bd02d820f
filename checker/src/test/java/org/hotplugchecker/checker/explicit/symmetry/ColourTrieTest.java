package org.hotplugchecker.checker.explicit.symmetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.symmetry.SymmetryAnalysis;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * The trie must find exactly the renamings whose colour sequence is the smallest, as
 * comparing every renaming's sequence does: colours drawn from a few values (ties at every
 * position) on groups of look-alike nodes, some with a fixed node.
 */
class ColourTrieTest {
  @Provide
  Arbitrary<long[]> colours() {
    return Arbitraries.of(Long.MIN_VALUE, -1L, 0L, 1L, 7L, Long.MAX_VALUE).array(long[].class)
        .ofSize(6);
  }

  @Property(tries = 400)
  void findsTheRenamingsOfTheSmallestSequence(@ForAll @IntRange(min = 2, max = 6) int nodes,
      @ForAll boolean cpu0Fixed, @ForAll("colours") long[] colours) {
    RenamingGroup group = group(nodes, cpu0Fixed);
    long[] colour = Arrays.copyOf(colours, nodes);
    int[] out = new int[group.renamings()];
    int count = new ColourTrie(group).smallest(colour, out);
    Set<Integer> found = new TreeSet<>();
    for (int k = 0; k < count; k++) {
      found.add(out[k]);
    }
    assertEquals(bruteForce(group, colour), found);
  }

  private static Set<Integer> bruteForce(RenamingGroup group, long[] colour) {
    long[] least = null;
    Set<Integer> out = new TreeSet<>();
    for (int p = 0; p < group.renamings(); p++) {
      long[] seq = new long[group.nodes()];
      for (int j = 0; j < seq.length; j++) {
        seq[j] = colour[group.sigmaInverse(p)[j]];
      }
      int c = least == null ? -1 : Arrays.compare(seq, least);
      if (c < 0) {
        least = seq;
        out.clear();
      }
      if (c <= 0) {
        out.add(p);
      }
    }
    return out;
  }

  /** Look-alike nodes with a CPU and a block each; CPU 0 (not hot-pluggable) pins node 0. */
  private static RenamingGroup group(int nodes, boolean cpu0Fixed) {
    List<Component> cpus = new ArrayList<>();
    List<Component> blocks = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      cpus.add(new Component(n, true, !(cpu0Fixed && n == 0)));
      blocks.add(new Component(n, true, true));
    }
    Topology t = Topology.of(Arch.GENERIC, KernelVariant.V5_0, nodes, null, cpus, blocks,
        Set.of());
    HotplugModel model = new HotplugModel(t);
    return new RenamingGroup(model.machine(), model.initialStates().get(0),
        SymmetryAnalysis.of(model.rules(), model.propertyRules()));
  }
}
