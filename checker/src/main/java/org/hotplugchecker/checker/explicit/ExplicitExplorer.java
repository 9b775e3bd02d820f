package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.symmetry.Symmetries;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * Exhaustive, level-synchronous breadth-first search over a {@link TransitionSystem}.
 *
 * <p>Each level is expanded in fixed-size chunks, in parallel when {@code workers > 1};
 * the chunks' new successors are merged into the store in chunk order and, within a
 * chunk, in (parent index, action id) order — each chunk as soon as it and all earlier
 * ones are done, while the workers expand later chunks. Every state therefore gets the
 * index a one-thread BFS would give it, so counts, verdicts and the chosen shortest
 * counterexample (lowest violating index at the first violating level) are the same for
 * any number of workers. (With stop-at-first a level is merged only after its violations
 * are known, so that the run stops before storing the next level.)
 *
 * <p>Running short of heap stops the run cleanly: the stores check headroom before they
 * grow ({@link MemoryLimitException}), and a stray {@link OutOfMemoryError} is caught too;
 * the result then has {@code resourceLimitHit}, a stop reason, the states found so far
 * and the deepest level whose states were all checked.
 *
 * <p>Paths: a compact parent log (an {@code int} and a {@code short} per state: the first
 * (index, action) that reached it, the very pair whose candidate the merge inserted first)
 * is kept for the first {@link ParentLog#PATHS_LIMIT} states, and a counterexample's
 * actions are read off it and replayed forwards. A larger exact search drops its log.
 * Then, if its store keeps states in index order, a path is rebuilt backwards, level by
 * level, by finding the first (index, action) of the previous level that leads to the
 * current state. One-word and two-word states are stored exactly but without index order
 * ({@link OneWordStateStore}, one memory access per lookup); the levels being expanded
 * are kept in frontier buffers, and a violation's path then comes from a replay of the
 * same search, with a store that keeps states and a log, until the deepest witness's
 * level is stored. Fingerprint mode, which cannot read old states back, always keeps the
 * log.
 *
 * <p>Helper threads come from a shared pool of daemon threads ({@link ExplorerThreads})
 * and stay for a whole run; the calling thread expands chunks too and does all merging.
 * Progress is reported after each level and, within a long level, about once a second.
 *
 * <p>With symmetry, the store holds canonical representatives; counterexamples are
 * turned back into concrete paths by {@link SymmetricPaths}.
 *
 * <p>The work is split as follows: {@link LevelSearch} drives the levels, {@link
 * LevelScheduler} and {@link Crew} share each level's chunks between threads, a {@link
 * ChunkExpansion} per kind of state expands them, {@link PropertyLedger} keeps the
 * witnesses, and {@link Counterexamples} builds the paths afterwards, from what the
 * search's {@link Trail} kept or from a {@link Replay}.
 */
public final class ExplicitExplorer {
  private final Supplier<MemoryBudget> budgets;
  private final long progressIntervalNanos;
  private final int pathLogLimit;

  /** An explorer that stops cleanly when the heap runs short. */
  public ExplicitExplorer() {
    this(MemoryBudget::new);
  }

  /** An explorer with its own idea of how much heap is left (tests). */
  ExplicitExplorer(Supplier<MemoryBudget> budgets) {
    this(budgets, LevelSearch.PROGRESS_INTERVAL_NANOS);
  }

  /**
   * An explorer reporting progress within a level at most every {@code
   * progressIntervalNanos} (tests).
   */
  ExplicitExplorer(Supplier<MemoryBudget> budgets, long progressIntervalNanos) {
    this(budgets, progressIntervalNanos, ParentLog.PATHS_LIMIT);
  }

  /**
   * An explorer whose exact searches log parents for their first {@code pathLogLimit}
   * states, 0 for none, so that counterexamples come from a replay (tests).
   */
  ExplicitExplorer(Supplier<MemoryBudget> budgets, long progressIntervalNanos,
      int pathLogLimit) {
    this.budgets = budgets;
    this.progressIntervalNanos = progressIntervalNanos;
    this.pathLogLimit = pathLogLimit;
  }

  /** Explores {@code ts} completely (or until an option stops it). */
  public CheckResult explore(TransitionSystem ts, ExplorerOptions options) {
    StateSymmetry symmetry = options.symmetry() ? Symmetries.of(ts) : null;
    return explore(ts, options, symmetry);
  }

  /**
   * Explores {@code ts} with an explicit symmetry group ({@code null}: none), ignoring
   * {@link ExplorerOptions#symmetry()}.
   */
  public CheckResult explore(TransitionSystem ts, ExplorerOptions options,
      StateSymmetry symmetry) {
    long start = System.nanoTime();
    SearchPlan plan = new SearchPlan(ts, options, symmetry);
    SearchOutcome found = new LevelSearch(plan, budgets.get(), false, Integer.MAX_VALUE,
        progressIntervalNanos, pathLogLimit).run(start);
    Counterexamples counterexamples = new Counterexamples(plan, found, budgets);
    List<PropertyResult> results = new ArrayList<>();
    for (int p = 0; p < plan.propertyCount(); p++) {
      results.add(resultOf(plan.props.get(p), p, found, counterexamples));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CheckResult("explicit", found.states(), found.transitions(), found.depth(),
        found.complete(), Optional.ofNullable(found.stopReason()), found.resourceLimit(),
        results, millis, found.stats());
  }

  private static PropertyResult resultOf(PropertySpec spec, int p, SearchOutcome found,
      Counterexamples counterexamples) {
    if (found.witnesses().violated(p)) {
      Optional<Counterexample> cex = counterexamples.of(p);
      return new PropertyResult(spec, Verdict.VIOLATED, cex,
          cex.isPresent() ? "" : "no counterexample: " + counterexamples.failure());
    }
    if (!found.complete()) {
      return new PropertyResult(spec, Verdict.UNKNOWN, Optional.empty(),
          "exploration stopped before every state was checked");
    }
    if (spec.kind() == PropertySpec.Kind.ACTION && !found.witnesses().exercised()[p]) {
      return new PropertyResult(spec, Verdict.VACUOUS, Optional.empty(),
          "no reachable transition exercised it");
    }
    return new PropertyResult(spec, Verdict.HOLDS, Optional.empty(), "");
  }
}
