package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/**
 * Progress within a long BFS level (issue 13: progress lines appeared only at a level's
 * end, and a 4x2x2 level takes many seconds): {@link Progress#levelProgress} comes between
 * the level's neighbours' {@link Progress#levelDone} calls, with what is expanded so far,
 * and at most once per interval.
 */
class WithinLevelProgressTest {
  private static final HotplugModel MODEL = new HotplugModel(
      Bench.topology(new BenchOptions.Rung(3, 2, 2), Arch.X86, KernelVariant.V5_0));

  /** One progress call: a level's end ({@code expanded == -1}) or a report within it. */
  private record Event(long states, int level, long expanded, long levelSize, long millis) {
    boolean done() {
      return expanded < 0;
    }
  }

  private static final class Recorder implements Progress {
    final List<Event> events = new ArrayList<>();

    @Override
    public void levelDone(long states, int depth, long elapsedMillis) {
      events.add(new Event(states, depth, -1, -1, elapsedMillis));
    }

    @Override
    public void levelProgress(long states, int level, long expanded, long levelSize,
        long elapsedMillis) {
      events.add(new Event(states, level, expanded, levelSize, elapsedMillis));
    }
  }

  private static Recorder explore(long intervalNanos, ExplorerOptions options,
      CheckResult expected) {
    Recorder recorder = new Recorder();
    CheckResult r = new ExplicitExplorer(MemoryBudget::new, intervalNanos)
        .explore(MODEL, options.withProgress(recorder));
    assertEquals(expected.states(), r.states());
    assertEquals(expected.transitions(), r.transitions());
    assertEquals(expected.verdicts(), r.verdicts());
    return recorder;
  }

  @Test
  void everyChunkButALevelsLastReportsWhatIsExpandedSoFar() {
    CheckResult plain = new ExplicitExplorer().explore(MODEL, ExplorerOptions.defaults());
    for (int workers : new int[] {1, 2}) {
      List<Event> events = explore(0, ExplorerOptions.defaults().withWorkers(workers), plain)
          .events;
      long initial = MODEL.initialStates().size();
      long before = 0; // states stored before the level being expanded
      long upTo = initial; // states stored up to and including it
      long lastExpanded = 0;
      int level = 0;
      int within = 0;
      for (Event e : events) {
        assertEquals(level, e.level(), e.toString());
        if (e.done()) {
          before = upTo;
          upTo = e.states();
          lastExpanded = 0;
          level++;
          continue;
        }
        within++;
        assertEquals(upTo - before, e.levelSize(), "the level's size: " + e);
        assertTrue(e.expanded() > lastExpanded && e.expanded() < e.levelSize(), e.toString());
        assertTrue(e.states() >= upTo, "states found so far include the level: " + e);
        lastExpanded = e.expanded();
      }
      assertEquals(plain.depth() + 1, level, "one levelDone per level");
      assertTrue(within >= 10, workers + " workers: " + within + " reports within levels");
    }
  }

  @Test
  void withStopAtFirstTheLevelIsStoredOnlyAtItsEnd() {
    ExplorerOptions options = ExplorerOptions.defaults().withWorkers(2).withStopAtFirst(true);
    CheckResult plain = new ExplicitExplorer().explore(MODEL, options);
    List<Event> events = explore(0, options, plain).events;
    long stored = MODEL.initialStates().size();
    int within = 0;
    for (Event e : events) {
      if (e.done()) {
        stored = e.states();
      } else {
        within++;
        assertEquals(stored, e.states(), "nothing of the level is stored yet: " + e);
      }
    }
    assertTrue(within > 0);
  }

  @Test
  void reportsWithinALevelComeAtMostOncePerInterval() {
    long intervalMillis = 20;
    CheckResult plain = new ExplicitExplorer().explore(MODEL, ExplorerOptions.defaults());
    List<Event> events = explore(intervalMillis * 1_000_000,
        ExplorerOptions.defaults().withWorkers(2), plain).events;
    for (int i = 1; i < events.size(); i++) {
      if (!events.get(i).done()) {
        // Both times are truncated to milliseconds, hence the one less.
        assertTrue(events.get(i).millis() - events.get(i - 1).millis() >= intervalMillis - 1,
            events.get(i - 1) + " then " + events.get(i));
      }
    }
  }

  @Test
  void aLevelOfOneChunkIsReportedOnlyAtItsEnd() {
    HotplugModel s1 = new HotplugModel(ReferenceCases.all().stream()
        .filter(c -> c.states() == 19).findFirst().orElseThrow().topology());
    Recorder recorder = new Recorder();
    new ExplicitExplorer(MemoryBudget::new, 0).explore(s1,
        ExplorerOptions.defaults().withWorkers(2).withProgress(recorder));
    assertTrue(recorder.events.stream().allMatch(Event::done), recorder.events.toString());
    assertTrue(recorder.events.size() > 3);
  }
}
