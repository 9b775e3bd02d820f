package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.checker.Progress;

/**
 * The level driver: one level-synchronous breadth-first search, level by level until
 * done or stopped (stop-at-first, the state limit, a replay's last level, or the heap).
 * It owns the search's storage while it runs and hands out only what outlives it, in a
 * {@link SearchOutcome}; the frontier buffers, the expansion and the helper threads live
 * only as long as the level loop.
 *
 * <p>Each level's chunks are merged into the store in chunk order as soon as they and all
 * earlier ones are done, while the workers expand later chunks; with stop-at-first a level
 * is merged only after its violations are known, so that the search stops before storing
 * the next level.
 */
final class LevelSearch {
  /** How often, at most, progress is reported within a level. */
  static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;
  private final SearchPlan plan;
  private final MemoryBudget budget;
  private final Storage storage;
  private final int levelLimit;
  private final long progressIntervalNanos;
  private final Progress progress;
  private final LevelStarts levels = new LevelStarts();
  private final PropertyLedger ledger;
  // How the search ended so far: why it stopped early (null: not stopped), whether a
  // resource limit stopped it, and the deepest level whose states were all checked.
  private String stopReason;
  private boolean resourceLimit;
  private int depth = -1;
  private long lastReport;

  /**
   * A search of {@code plan}; {@code keepStateOrder} asks for a store that can read states
   * back by index (a replay's), {@code levelLimit} for the last level to store (the levels
   * before it are expanded; {@link Integer#MAX_VALUE} for all), and progress is reported
   * within a level at most every {@code progressIntervalNanos}; an exact search that is
   * not a replay logs parents for its first {@code pathLogLimit} states ({@link
   * Storage#choose}).
   */
  LevelSearch(SearchPlan plan, MemoryBudget budget, boolean keepStateOrder, int levelLimit,
      long progressIntervalNanos, int pathLogLimit) {
    this.plan = plan;
    this.budget = budget;
    this.storage = Storage.choose(plan, keepStateOrder, budget, pathLogLimit);
    this.levelLimit = levelLimit;
    this.progressIntervalNanos = progressIntervalNanos;
    this.progress = plan.options.progress();
    this.ledger = new PropertyLedger(plan.propertyCount());
  }

  /** Runs the search; {@code start} is when the run started ({@link System#nanoTime()}). */
  SearchOutcome run(long start) {
    lastReport = start;
    try {
      exploreLevels(start);
    } catch (OutOfMemoryError e) {
      // The level loop's buffers went with its frame; what is left is the store.
      stop("out of memory (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB)", true);
    } catch (MemoryLimitException | StoreFullException e) {
      stop(e.getMessage(), true);
    }
    StateStore store = storage.store();
    return new SearchOutcome(store.size(), ledger.transitions(), Math.max(depth, 0),
        stopReason, resourceLimit, stats(), ledger.witnesses(), levels,
        Trail.of(storage));
  }

  private void stop(String reason, boolean resource) {
    stopReason = reason;
    resourceLimit = resource;
  }

  /** The level loop; its locals are the search's working memory, released on return. */
  private void exploreLevels(long start) {
    StateStore store = storage.store();
    Frontier frontier = new Frontier(storage, plan.words, budget);
    ChunkExpansion expansion = ChunkExpansion.forPlan(plan, storage, frontier);
    try (LevelScheduler scheduler = new LevelScheduler(expansion, plan.options.workers(),
        plan.options.chunkStates())) {
      levels.add(0);
      frontier.addInitialStates(plan.ts.initialStates(), plan.sym);
      for (int level = 0; ; level++) {
        int lo = levels.start(level);
        int hi = store.size();
        if (lo == hi) {
          return;
        }
        if (level >= levelLimit) {
          stop("replayed up to level " + level, false); // stored, not expanded
          return;
        }
        Level current = new Level(level, lo, hi, frontier.current(), ledger.settled());
        // With stop-at-first the level's successors must not be stored before its
        // violations are known; otherwise chunks are merged as soon as they are done.
        boolean pipelined = !plan.options.stopAtFirst();
        if (pipelined) {
          levels.add(hi);
          scheduler.expand(current, true, (r, end) -> {
            ledger.collect(r);
            frontier.merge(r);
            expansion.recycle(r);
            reportWithinLevel(current, end, start);
          });
          ledger.endLevel();
          depth = level;
        } else {
          List<Candidates> chunks = new ArrayList<>();
          scheduler.expand(current, false, (r, end) -> {
            ledger.collect(r);
            chunks.add(r);
            reportWithinLevel(current, end, start);
          });
          boolean violatedNow = ledger.endLevel();
          depth = level;
          if (violatedNow || ledger.anyViolated()) {
            stop("stopped at the first violation (--stop-at-first)", false);
            return;
          }
          levels.add(hi);
          for (Candidates r : chunks) {
            frontier.merge(r);
            expansion.recycle(r);
          }
        }
        frontier.advance();
        long now = System.nanoTime();
        progress.levelDone(store.size(), level, (now - start) / 1_000_000);
        lastReport = now;
        if (plan.options.maxStates() > 0 && store.size() >= plan.options.maxStates()) {
          stop("state limit of " + plan.options.maxStates() + " reached", true);
          return;
        }
      }
    }
  }

  /** Reports progress within a long level, at most once per interval. */
  private void reportWithinLevel(Level level, int expandedTo, long start) {
    long now = System.nanoTime();
    if (now - lastReport >= progressIntervalNanos && expandedTo < level.end()) {
      lastReport = now;
      progress.levelProgress(storage.store().size(), level.number(),
          expandedTo - level.start(), level.size(), (now - start) / 1_000_000);
    }
  }

  private Map<String, Number> stats() {
    StateStore store = storage.store();
    ParentLog parentLog = storage.parentLog();
    StateSymmetry sym = plan.sym;
    Map<String, Number> stats = new LinkedHashMap<>();
    // A fingerprint store's log is part of its storage; an exact search's log only serves
    // its paths, is bounded, and is reported on its own.
    boolean pathsOnly = parentLog != null && parentLog.limited();
    long bytes = store.bytesUsed()
        + (parentLog == null || pathsOnly ? 0 : parentLog.bytesUsed());
    stats.put("storeBytes", bytes);
    stats.put("bytesPerState", store.size() == 0 ? 0.0 : (double) bytes / store.size());
    if (pathsOnly) {
      stats.put("pathLogBytes", parentLog.bytesUsed());
    }
    stats.put("workers", plan.options.workers());
    stats.put("symmetry", sym == null ? 0 : 1);
    if (sym != null) {
      stats.put("orbits", store.size());
      stats.put("symmetryGroupOrder", sym.order());
    }
    stats.put("fingerprintBits", plan.options.fingerprintBits());
    if (store instanceof FingerprintStateStore fp) {
      stats.put("fingerprintCollisionProbability", fp.collisionProbability());
    }
    return stats;
  }
}
