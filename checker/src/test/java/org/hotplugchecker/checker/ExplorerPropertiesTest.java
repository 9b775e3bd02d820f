package org.hotplugchecker.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * The explicit explorer on random small topologies: independent of the worker count,
 * every counterexample replays, and counts, verdicts and counterexample lengths agree with
 * a naive breadth-first search written here from the {@link TransitionSystem} interface
 * alone.
 */
class ExplorerPropertiesTest {

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.small();
  }

  /** Machines with hotplug to do, whose levels are wide enough to split among workers. */
  @Provide
  Arbitrary<Topology> busy() {
    return TopologyArbitraries.busy();
  }

  /**
   * Chunk sizes for the parallel runs: the explorer expands a level of up to 256 states on
   * one thread with its own sizes, which most random machines never exceed; with these,
   * every level of more than two states is split among the workers.
   */
  @Provide
  Arbitrary<Integer> chunks() {
    return Arbitraries.of(1, 2, 5, 32);
  }

  private static CheckResult explore(TransitionSystem ts, int workers) {
    return new ExplicitExplorer().explore(ts, ExplorerOptions.defaults().withWorkers(workers));
  }

  private static CheckResult explore(TransitionSystem ts, int workers, int chunk) {
    return new ExplicitExplorer().explore(ts, ExplorerOptions.defaults().withWorkers(workers)
        .withChunkStates(chunk));
  }

  /** Everything of a result that must not depend on the worker count (not timings). */
  private static List<Object> observable(CheckResult r) {
    List<Object> o = new ArrayList<>(List.of(r.states(), r.transitions(), r.depth(),
        r.complete()));
    for (PropertyResult p : r.properties()) {
      o.add(p.property().name());
      o.add(p.verdict());
      o.add(p.counterexample().map(c -> c.actions()).orElse(null));
      o.add(p.counterexample().map(c -> c.states().stream().map(s -> Arrays.stream(s).boxed()
          .toList()).toList()).orElse(null));
    }
    return o;
  }

  @Property(tries = 60)
  void resultsAreTheSameForOneTwoAndThreeWorkers(@ForAll("topologies") Topology t,
      @ForAll("chunks") int chunk) {
    assertWorkersAgree(t, chunk);
  }

  @Property(tries = 40)
  void resultsAreTheSameForOneTwoAndThreeWorkersOnBusyMachines(@ForAll("busy") Topology t,
      @ForAll("chunks") int chunk) {
    assertWorkersAgree(t, chunk);
  }

  /** One worker's result, and the same with 2 and 3 workers, default and small chunks. */
  private static void assertWorkersAgree(Topology t, int chunk) {
    HotplugModel model = new HotplugModel(t);
    List<Object> one = observable(explore(model, 1));
    assertEquals(one, observable(explore(model, 2)), "2 workers");
    assertEquals(one, observable(explore(model, 2, chunk)), "2 workers, chunks of " + chunk);
    assertEquals(one, observable(explore(model, 3, chunk)), "3 workers, chunks of " + chunk);
  }

  /**
   * Small topologies have BFS levels below the explorer's chunk size, so they never take
   * the parallel path; this machine has levels of tens of thousands of states.
   */
  @Example
  void resultsAreTheSameForOneAndThreeWorkersOnLevelsLargerThanAChunk() {
    Topology t = Topology.of(Arch.GENERIC, KernelVariant.V4_19, 4, null,
        List.of(new Component(0, true, false), new Component(1, true, true),
            new Component(2, true, true), new Component(3, false, true),
            new Component(1, true, true)),
        List.of(new Component(0, true, false), new Component(1, true, true),
            new Component(2, true, true), new Component(3, false, true)),
        java.util.Set.of());
    HotplugModel model = new HotplugModel(t);
    CheckResult one = explore(model, 1);
    assertTrue(one.states() > 3 * 4096, "levels must exceed a chunk: " + one.states());
    assertEquals(observable(one), observable(explore(model, 3)));
  }

  /**
   * A worker that loses its core now and then (simulated by sleeping) makes the merging
   * thread expand that worker's chunks itself; the result must not change.
   */
  @Example
  void resultsAreTheSameWhenAWorkerIsLate() {
    Topology t = Topology.of(Arch.GENERIC, KernelVariant.V4_19, 3, null,
        List.of(new Component(0, true, false), new Component(1, true, true),
            new Component(2, true, true), new Component(1, false, true)),
        List.of(new Component(0, true, false), new Component(1, true, true),
            new Component(2, true, true)),
        java.util.Set.of());
    HotplugModel model = new HotplugModel(t);
    CheckResult one = explore(model, 1);
    assertTrue(one.states() > 2000, "levels must exceed a chunk: " + one.states());
    assertEquals(observable(one), observable(explore(new LateWorkers(model), 2)));
  }

  /** {@code model} seen through the general interface, sleeping on some worker calls. */
  private record LateWorkers(HotplugModel model) implements TransitionSystem {
    @Override
    public boolean successor(long[] state, int action, long[] out) {
      if (action == 0 && Thread.currentThread().getName().startsWith("explorer-worker")
          && Long.hashCode(state[0] * 0x9E3779B97F4A7C15L) % 97 == 0) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return model.successor(state, action, out);
    }

    @Override
    public int stateWords() {
      return model.stateWords();
    }

    @Override
    public int stateBits() {
      return model.stateBits();
    }

    @Override
    public List<long[]> initialStates() {
      return model.initialStates();
    }

    @Override
    public int actionCount() {
      return model.actionCount();
    }

    @Override
    public String actionLabel(int action) {
      return model.actionLabel(action);
    }

    @Override
    public List<PropertySpec> properties() {
      return model.properties();
    }

    @Override
    public boolean invariantHolds(int property, long[] state) {
      return model.invariantHolds(property, state);
    }

    @Override
    public TransitionVerdict checkTransition(int property, long[] from, int action,
        long[] to) {
      return model.checkTransition(property, from, action, to);
    }
  }

  /** Stopping at the first violating level finds the same shortest counterexamples there. */
  @Property(tries = 40)
  void stopAtFirstGivesTheFullRunsCounterexamples(@ForAll("topologies") Topology t,
      @ForAll("chunks") int chunk) {
    HotplugModel model = new HotplugModel(t);
    CheckResult full = explore(model, 1);
    CheckResult first = new ExplicitExplorer().explore(model,
        ExplorerOptions.defaults().withWorkers(2).withStopAtFirst(true).withChunkStates(chunk));
    for (int p = 0; p < full.properties().size(); p++) {
      PropertyResult f = first.properties().get(p);
      if (f.verdict() == Verdict.VIOLATED) {
        assertEquals(full.properties().get(p).counterexample().map(c -> c.actions()),
            f.counterexample().map(c -> c.actions()), f.property().name());
      }
    }
  }

  @Property(tries = 100)
  void everyCounterexampleReplaysToAViolation(@ForAll("topologies") Topology t) {
    HotplugModel model = new HotplugModel(t);
    CheckResult r = explore(model, 2);
    TraceReplayer replayer = new TraceReplayer(model);
    for (int p = 0; p < r.properties().size(); p++) {
      PropertyResult pr = r.properties().get(p);
      assertEquals(pr.verdict() == Verdict.VIOLATED, pr.counterexample().isPresent());
      int prop = p;
      pr.counterexample().ifPresent(cex -> assertEquals(Optional.empty(),
          replayer.problems(prop, cex), pr.property().name()));
    }
  }

  @Property(tries = 100)
  void countsVerdictsAndShortestLengthsMatchANaiveSearch(@ForAll("topologies") Topology t) {
    HotplugModel model = new HotplugModel(t);
    CheckResult r = explore(model, 1);
    NaiveSearch naive = NaiveSearch.run(model);
    assertTrue(r.complete());
    assertEquals(naive.states, r.states(), "states");
    assertEquals(naive.transitions, r.transitions(), "transitions");
    assertEquals(naive.maxDepth, r.depth(), "depth");
    for (int p = 0; p < model.properties().size(); p++) {
      PropertySpec spec = model.properties().get(p);
      PropertyResult pr = r.properties().get(p);
      Integer shortest = naive.shortestViolation.get(p);
      if (shortest != null) {
        assertEquals(Verdict.VIOLATED, pr.verdict(), spec.name());
        assertEquals(shortest.intValue(), pr.length(), spec.name() + " is not shortest");
      } else if (spec.kind() == PropertySpec.Kind.ACTION && !naive.exercised[p]) {
        assertEquals(Verdict.VACUOUS, pr.verdict(), spec.name());
      } else {
        assertEquals(Verdict.HOLDS, pr.verdict(), spec.name());
      }
    }
  }

  /** A textbook BFS over boxed states, sharing no code with the explorer. */
  static final class NaiveSearch {
    long states;
    long transitions;
    int maxDepth;
    final Map<Integer, Integer> shortestViolation = new HashMap<>();
    boolean[] exercised;

    static NaiveSearch run(TransitionSystem ts) {
      NaiveSearch n = new NaiveSearch();
      int props = ts.properties().size();
      n.exercised = new boolean[props];
      Map<List<Long>, Integer> depth = new HashMap<>();
      ArrayDeque<long[]> queue = new ArrayDeque<>();
      for (long[] init : ts.initialStates()) {
        if (depth.putIfAbsent(key(init), 0) == null) {
          queue.add(init);
        }
      }
      long[] next = new long[ts.stateWords()];
      while (!queue.isEmpty()) {
        long[] s = queue.poll();
        int d = depth.get(key(s));
        n.maxDepth = Math.max(n.maxDepth, d);
        for (int p = 0; p < props; p++) {
          if (ts.properties().get(p).kind() == PropertySpec.Kind.INVARIANT
              && !ts.invariantHolds(p, s)) {
            n.shortestViolation.merge(p, d, Math::min);
          }
        }
        for (int a = 0; a < ts.actionCount(); a++) {
          if (!ts.successor(s, a, next)) {
            continue;
          }
          n.transitions++;
          for (int p = 0; p < props; p++) {
            if (ts.properties().get(p).kind() == PropertySpec.Kind.ACTION) {
              TransitionVerdict v = ts.checkTransition(p, s, a, next);
              n.exercised[p] |= v != TransitionVerdict.NOT_APPLICABLE;
              if (v == TransitionVerdict.VIOLATED) {
                n.shortestViolation.merge(p, d + 1, Math::min);
              }
            }
          }
          if (depth.putIfAbsent(key(next), d + 1) == null) {
            queue.add(next.clone());
          }
        }
      }
      n.states = depth.size();
      return n;
    }

    private static List<Long> key(long[] s) {
      return Arrays.stream(s).boxed().toList();
    }
  }
}
