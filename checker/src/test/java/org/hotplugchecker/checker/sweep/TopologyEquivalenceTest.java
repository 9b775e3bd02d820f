package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * Topologies in one class have the same verdicts and shortest-counterexample lengths on
 * every kernel and arch (the explicit explorer is the judge), and the conditions the
 * equivalence puts on renamings are needed.
 */
class TopologyEquivalenceTest {
  private static final ExplicitExplorer EXPLORER = new ExplicitExplorer();

  /** Verdicts such as {@code violated@4} by property, for one topology. */
  private static Map<String, String> verdicts(Topology t) {
    return TopologyOutcome.of("", t.arch(), t.kernel(), t.faults(),
        EXPLORER.explore(new HotplugModel(t), ExplorerOptions.defaults())).verdicts();
  }

  /** Verdicts on every arch, kernel and fault setting. */
  private static Map<String, Map<String, String>> allVerdicts(Topology shape) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Arch arch : Arch.values()) {
      for (KernelVariant kernel : KernelVariant.values()) {
        for (Set<Fault> faults : List.of(Set.<Fault>of(), Set.of(Fault.ADD_MEMORY_FAILS))) {
          Topology t = shape.withArch(arch).withKernel(kernel);
          t = Topology.of(arch, kernel, t.nodes(), null, t.cpus(), t.memory(), faults);
          out.put(arch + "/" + kernel + "/" + faults, verdicts(t));
        }
      }
    }
    return out;
  }

  @Test
  void everyLabelledTopologyAgreesWithItsRepresentative() {
    // Exhaustive over labelled shapes of up to 2 nodes with 1 CPU and 1 block per node,
    // and 1 node with up to 3 CPUs and 2 blocks: all 12 kernel/arch pairs, with and
    // without the fault.
    List<Topology> labelled = new ArrayList<>(Labelled.all(new SweepBounds(2, 1, 1)));
    labelled.addAll(Labelled.all(new SweepBounds(1, 3, 1)));
    Map<String, Map<String, Map<String, String>>> byClass = new LinkedHashMap<>();
    int compared = 0;
    for (Topology t : labelled) {
      CanonicalTopology c = CanonicalTopology.of(t);
      Map<String, Map<String, String>> expected = byClass.computeIfAbsent(c.key(),
          k -> allVerdicts(c.toTopology(Arch.X86, KernelVariant.V5_0, Set.of())));
      assertEquals(expected, allVerdicts(t), () -> Labelled.text(t) + " vs class " + c);
      compared++;
    }
    assertTrue(compared > byClass.size(), "some classes have several members");
  }

  @Property(tries = 60)
  void admissibleRenamingKeepsClassAndVerdicts(
      @ForAll("shapes") Topology t, @ForAll("seeds") long seed) {
    Topology renamed = randomAdmissibleRenaming(t, new Random(seed));
    assertEquals(CanonicalTopology.of(t).key(), CanonicalTopology.of(renamed).key());
    assertEquals(verdicts(t), verdicts(renamed),
        () -> Labelled.text(t) + " renamed " + Labelled.text(renamed));
  }

  @Provide
  Arbitrary<Topology> shapes() {
    return Arbitraries.oneOf(TopologyArbitraries.withinBounds(3, 1, 1),
        TopologyArbitraries.withinBounds(2, 2, 1), TopologyArbitraries.withinBounds(3, 2, 0));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  private static Topology randomAdmissibleRenaming(Topology t, Random random) {
    List<int[]> sigmas = Labelled.permutations(t.nodes());
    List<int[]> pis = Labelled.permutations(t.cpus().size());
    List<int[]> candidates = new ArrayList<>();
    List<int[]> candidatePis = new ArrayList<>();
    for (int[] sigma : sigmas) {
      for (int[] pi : pis) {
        if (Labelled.admissible(t, sigma, pi)) {
          candidates.add(sigma);
          candidatePis.add(pi);
        }
      }
    }
    int pick = random.nextInt(candidates.size());
    List<int[]> rhos = Labelled.permutations(t.memory().size());
    return Labelled.rename(t, candidates.get(pick), candidatePis.get(pick),
        rhos.get(random.nextInt(rhos.size())));
  }

  /**
   * The node-order conditions are needed: swapping two nodes whose order the semantics
   * reads (memory nodes, boot-online nodes) changes some verdict or length. (The
   * condition on CPUs absent at boot is conservative: searches found no verdict that
   * depends on their order, but no proof that none does, so the classes keep it.)
   */
  @Test
  void swappingOrderedNodesCanChangeVerdicts() {
    for (Topology t : Labelled.all(new SweepBounds(2, 1, 1))) {
      int[] swap = {1, 0};
      int[] sameCpus = identity(t.cpus().size());
      if (t.nodes() == 2 && !Labelled.admissible(t, swap, sameCpus)) {
        Topology swapped = Labelled.rename(t, swap, sameCpus, identity(t.memory().size()));
        if (!allVerdicts(t).equals(allVerdicts(swapped))) {
          return;
        }
      }
    }
    throw new AssertionError("no inadmissible node swap changed any verdict");
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }
}
