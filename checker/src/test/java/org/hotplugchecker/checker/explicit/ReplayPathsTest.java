package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.explicit.symmetry.Symmetries;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A replay's paths come from its parent log; they must be the paths the backward search
 * over its stored states finds (the first discoverer in index, then action order), for
 * every stored state, with and without symmetry and for any worker count.
 */
class ReplayPathsTest {
  @ParameterizedTest(name = "{0}")
  @MethodSource("org.hotplugchecker.checker.ReferenceCases#all")
  void referenceCases(ReferenceCases.Case c) {
    HotplugModel model = new HotplugModel(c.topology());
    assertSamePaths(new SearchPlan(model, ExplorerOptions.defaults().withWorkers(2), null));
  }

  @Property(tries = 40)
  void randomTopologies(@ForAll(supplier = SymmetricTopologies.Any.class) Topology t) {
    HotplugModel model = new HotplugModel(t);
    assertSamePaths(new SearchPlan(model, ExplorerOptions.defaults().withWorkers(1), null));
    assertSamePaths(new SearchPlan(model, ExplorerOptions.defaults().withWorkers(2),
        Symmetries.of(model)));
  }

  private static void assertSamePaths(SearchPlan plan) {
    SearchOutcome replay = new LevelSearch(plan, new MemoryBudget(), true, Integer.MAX_VALUE,
        LevelSearch.PROGRESS_INTERVAL_NANOS, 0).run(System.nanoTime());
    StateStore states = replay.trail().states();
    List<Integer> all = new ArrayList<>();
    // Every state of small spaces; else every 97th, and the last one.
    int step = states.size() <= 5_000 ? 1 : 97;
    for (int i = 0; i < states.size(); i += step) {
      all.add(i);
    }
    all.add(states.size() - 1);
    PathSource logged = replay.trail().paths(plan.ts, plan.sym, replay.levels(), all);
    assertInstanceOf(ParentLogPaths.class, logged, "a replay reads its paths off its log");
    PathSource searched = new BackwardPaths(plan.ts, states, plan.sym, replay.levels(), all);
    for (int end : all) {
      List<long[]> loggedStates = new ArrayList<>();
      List<Integer> loggedSteps = new ArrayList<>();
      logged.path(end, loggedStates, loggedSteps);
      List<long[]> searchedStates = new ArrayList<>();
      List<Integer> searchedSteps = new ArrayList<>();
      searched.path(end, searchedStates, searchedSteps);
      assertEquals(searchedSteps, loggedSteps, "actions to state " + end);
      assertEquals(searchedStates.size(), loggedStates.size(), "path length to " + end);
      for (int k = 0; k < searchedStates.size(); k++) {
        assertArrayEquals(searchedStates.get(k), loggedStates.get(k),
            "state " + k + " on the path to " + end);
      }
    }
  }
}
