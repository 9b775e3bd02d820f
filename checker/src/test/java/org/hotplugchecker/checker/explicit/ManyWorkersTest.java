package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/**
 * Far more workers than cores (issue 13: {@code --workers 1000} on a 19-state spec hung
 * while hundreds of helpers spun): helpers are started only as a level's chunks can use
 * them and park while idle, so such a run takes time in proportion to the work, and gives
 * the one-worker result. The timeout is generous; these runs take well under a second.
 */
class ManyWorkersTest {
  private static final Duration GENEROUS = Duration.ofSeconds(60);

  private static List<Object> observable(CheckResult r) {
    List<Object> o = new ArrayList<>(List.of(r.states(), r.transitions(), r.depth(),
        r.complete()));
    for (PropertyResult p : r.properties()) {
      o.add(p.property().name());
      o.add(p.verdict());
      o.add(p.counterexample().map(c -> c.actions()).orElse(null));
    }
    return o;
  }

  private static CheckResult explore(HotplugModel model, int workers) {
    return new ExplicitExplorer().explore(model,
        ExplorerOptions.defaults().withWorkers(workers));
  }

  @Test
  void aThousandWorkersOnTheNineteenStatesOfS1FinishWithTheOneWorkerResult() {
    ReferenceCases.Case s1 = ReferenceCases.all().stream()
        .filter(c -> c.states() == 19).findFirst().orElseThrow();
    HotplugModel model = new HotplugModel(s1.topology());
    List<Object> one = observable(explore(model, 1));
    CheckResult many = assertTimeoutPreemptively(GENEROUS, () -> explore(model, 1000));
    assertEquals(one, observable(many));
    assertEquals(19, many.states());
  }

  @Test
  void aThousandWorkersOnLevelsOfManyChunksGiveTheOneWorkerResult() {
    HotplugModel model = new HotplugModel(
        Bench.topology(new BenchOptions.Rung(3, 2, 1), Arch.X86, KernelVariant.V4_19));
    CheckResult one = explore(model, 1);
    assertTrue(one.states() > 20 * LevelScheduler.MIN_CHUNK,
        "levels must split into many chunks: " + one.states());
    for (int workers : new int[] {1000, 64}) {
      CheckResult many = assertTimeoutPreemptively(GENEROUS, () -> explore(model, workers));
      assertEquals(observable(one), observable(many), workers + " workers");
    }
  }
}
