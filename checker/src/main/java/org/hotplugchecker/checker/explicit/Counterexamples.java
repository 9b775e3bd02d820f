package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.hotplugchecker.checker.Counterexample;

/**
 * The counterexamples of a finished search, built on first request from its {@link
 * Trail}, or from a {@link Replay} when the trail kept nothing (the replay runs at most
 * once, for all properties).
 */
final class Counterexamples {
  private final SearchPlan plan;
  private final SearchOutcome found;
  private final Supplier<MemoryBudget> budgets;
  private CounterexampleBuilder builder;
  private String failure;

  /** The counterexamples of {@code found}; a replay gets its heap budget from {@code budgets}. */
  Counterexamples(SearchPlan plan, SearchOutcome found, Supplier<MemoryBudget> budgets) {
    this.plan = plan;
    this.found = found;
    this.budgets = budgets;
  }

  /**
   * The counterexample of violated property {@code p}, or empty when it cannot be built
   * ({@link #failure()} says why).
   */
  Optional<Counterexample> of(int p) {
    if (builder == null && failure == null) {
      prepare();
    }
    if (builder == null) {
      return Optional.empty();
    }
    Witnesses w = found.witnesses();
    return Optional.of(builder.build(p, w.state()[p], w.action()[p]));
  }

  /** Why {@link #of} gave nothing, or null. */
  String failure() {
    return failure;
  }

  private void prepare() {
    Trail trail = found.trail();
    if (trail.needsReplay()) {
      builder = new Replay(plan, found).run(budgets.get());
      if (builder == null) {
        failure = "the replay to rebuild it ran out of memory";
      }
      return;
    }
    Witnesses w = found.witnesses();
    List<Integer> ends = new ArrayList<>();
    for (int p = 0; p < plan.propertyCount(); p++) {
      if (w.violated(p)) {
        ends.add(w.state()[p]);
      }
    }
    builder = new CounterexampleBuilder(plan.ts, plan.sym,
        trail.paths(plan.ts, plan.sym, found.levels(), ends));
  }
}
