package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.statistics.Statistics;
import org.hotplugchecker.checker.explicit.symmetry.HotplugSymmetry;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.eval.TieBreaks;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * Judging a step with node ties broken by a witness renaming's ranks must give the verdict
 * of the renamed step, which is what lets the symmetric search judge images without
 * building them ({@link TieOrderJudge}); and the judge must find a violating image exactly
 * when building every image does. Checked on every reachable state of random topologies
 * with interchangeable nodes and distance matrices with repeated values (ties likely).
 */
class TieOrderJudgeTest {
  /**
   * Look-alike nodes (the same CPU and blocks on each), CPU 0 fixed on one of them, default
   * or uniform remote distances, any arch and kernel: node renamings remain, and the
   * allocator's nearest node is often a tie.
   */
  @Provide
  Arbitrary<Topology> topologies() {
    return Combinators.combine(
        Arbitraries.integers().between(2, 3),
        Arbitraries.of(Arch.values()),
        Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(KernelVariant.ALT_NUMA_MEM_ID)),
            Tuple.of(3, Arbitraries.of(KernelVariant.values()))),
        Arbitraries.integers().between(0, 3),
        Arbitraries.of(true, false),
        Arbitraries.integers().between(1, 2),
        Arbitraries.of(true, false),
        Arbitraries.of(0, 15, 40))
        .as((nodes, arch, kernel, cpu0Home, cpuBoot, blocksPerNode, blockBoot, remote) -> {
          List<Component> cpus = new ArrayList<>();
          cpus.add(new Component(cpu0Home % nodes, true, false));
          List<Component> blocks = new ArrayList<>();
          for (int n = 0; n < nodes; n++) {
            cpus.add(new Component(n, cpuBoot, true));
            for (int k = 0; k < blocksPerNode; k++) {
              blocks.add(new Component(n, blockBoot, true));
            }
          }
          int[][] distance = null;
          if (remote > 0) {
            distance = new int[nodes][nodes];
            for (int i = 0; i < nodes; i++) {
              for (int j = 0; j < nodes; j++) {
                distance[i][j] = i == j ? 10 : remote;
              }
            }
          }
          return Topology.of(arch, kernel, nodes, distance, cpus, blocks,
              Set.of(Fault.ADD_MEMORY_FAILS));
        });
  }

  @Property(tries = 60)
  void aTieOrderGivesTheVerdictOfTheRenamedStep(@ForAll("topologies") Topology t) {
    HotplugModel model = new HotplugModel(t);
    HotplugSymmetry sym = new HotplugSymmetry(model);
    Assume.that(sym.witnessCount() > 1);
    int w = model.stateWords();
    TieBreaks ties = new TieBreaks(Domain.NODES, t.nodes());
    OrbitImages built = new OrbitImages(model, sym, w);
    OrbitImages judged = new OrbitImages(model, sym, w);
    List<long[]> reachable = ReferenceBfs.reachable(model);
    Statistics.label("states").collect(reachable.size() / 1000 + "k");
    int tied = 0;
    int violatedByImageOnly = 0;
    for (long[] s : reachable) {
      built.reset(s);
      judged.reset(s);
      for (int p = 0; p < model.properties().size(); p++) {
        if (model.properties().get(p).kind() != PropertySpec.Kind.ACTION) {
          continue;
        }
        for (int a = 0; a < model.actionCount(); a++) {
          long[] next = new long[w];
          if (!model.successor(s, a, next)
              || model.checkTransition(p, s, a, next) == TransitionVerdict.NOT_APPLICABLE) {
            continue;
          }
          for (int e = 0; e < sym.witnessCount(); e++) {
            long[] image = new long[w];
            long[] imageNext = new long[w];
            sym.apply(e, s, image);
            sym.apply(e, next, imageNext);
            int b = sym.applyToAction(e, a);
            ties.order(sym.witnessNodeRenaming(e));
            assertEquals(model.checkTransition(p, image, b, imageNext),
                model.checkTransitionBreakingTies(p, s, a, ties),
                "element " + e + " on " + model.actionLabel(a));
            tied += ties.tiesMet() > 0 ? 1 : 0;
          }
          if (model.checkTransition(p, s, a, next) == TransitionVerdict.VIOLATED) {
            continue; // the search asks about images only of steps it found holding
          }
          boolean byImages = built.violatedByABuiltImage(p, a, next);
          assertEquals(byImages, judged.violatedByAnImage(p, a, next),
              "a violating image of " + model.actionLabel(a));
          violatedByImageOnly += byImages ? 1 : 0;
        }
      }
    }
    Statistics.label("ties met").collect(tied > 0);
    Statistics.label("violated on an image only").collect(violatedByImageOnly > 0);
  }
}
