package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.HotplugModel;
import org.junit.jupiter.api.Test;

/**
 * A one-word exact search without a parent log (one that outgrew it) rebuilds
 * counterexamples by a replay, which needs the heap: by
 * then nothing of the first search's storage may be reachable. The first search's budget
 * is referenced by its store and buffers only, so once the replay asks for heap, that
 * budget must be collectable (no field nulled in the right order makes it so; the
 * storage simply has no owner left).
 */
class ReplayMemoryTest {

  /** The replay's budget: on its first request, checks whether the search's is gone. */
  private static final class Watching extends MemoryBudget {
    private final WeakReference<MemoryBudget> search;
    final List<Boolean> searchGone = new ArrayList<>();

    Watching(WeakReference<MemoryBudget> search) {
      super(0);
      this.search = search;
    }

    @Override
    void require(long bytes, String what) {
      if (searchGone.isEmpty()) {
        for (int i = 0; i < 10 && search.get() != null; i++) {
          System.gc();
        }
        searchGone.add(search.get() == null);
      }
    }
  }

  @Test
  void theSearchStorageIsUnreachableWhenTheReplayRuns() {
    ReferenceCases.Case c = ReferenceCases.all().stream()
        .filter(x -> x.verdicts().values().stream().anyMatch(v -> v.startsWith("violated")))
        .filter(x -> new HotplugModel(x.topology()).stateWords() == 1)
        .findFirst().orElseThrow();
    HotplugModel model = new HotplugModel(c.topology());
    List<WeakReference<MemoryBudget>> searches = new ArrayList<>();
    List<Watching> replays = new ArrayList<>();
    CheckResult r = new ExplicitExplorer(() -> {
      if (searches.isEmpty()) {
        MemoryBudget first = new MemoryBudget(0);
        searches.add(new WeakReference<>(first));
        return first;
      }
      Watching w = new Watching(searches.get(0));
      replays.add(w);
      return w;
    }, LevelSearch.PROGRESS_INTERVAL_NANOS, 0) // no parent log: paths need a replay
        .explore(model, ExplorerOptions.defaults().withWorkers(2));
    assertEquals(1, replays.size(), "one replay");
    assertEquals(List.of(true), replays.get(0).searchGone);
    assertTrue(r.properties().stream().filter(p -> p.verdict() == Verdict.VIOLATED)
        .allMatch(p -> p.counterexample().isPresent()), r.properties().toString());
  }
}
