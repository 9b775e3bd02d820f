package org.hotplugchecker.cli;

import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.ts.TransitionSystem;
import picocli.CommandLine.Option;

/**
 * How to search: the engine options shared by every subcommand that checks something
 * (a picocli mixin). New engines and reductions add their options here and dispatch in
 * {@link #check}.
 */
public final class EngineOptions {
  @Option(names = "--workers", paramLabel = "N",
      description = "Threads expanding each BFS level (default: ${DEFAULT-VALUE}); results do "
          + "not depend on it.")
  int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  @Option(names = "--stop-at-first",
      description = "Stop after the BFS level of the first violation; other properties may "
          + "stay unknown (not held against the run).")
  boolean stopAtFirst;

  @Option(names = "--max-states", paramLabel = "N",
      description = "Stop once N states are stored (0 = no limit); undecided properties then "
          + "make the exit code 3.")
  long maxStates;

  /** Rejects values no engine accepts; returns the problem, or null. */
  String validate() {
    if (workers < 1) {
      return "--workers must be at least 1, got " + workers;
    }
    if (maxStates < 0) {
      return "--max-states must not be negative, got " + maxStates;
    }
    return null;
  }

  /** Runs the chosen engine on {@code ts}. */
  public CheckResult check(TransitionSystem ts, Progress progress) {
    ExplorerOptions options = ExplorerOptions.defaults().withWorkers(workers)
        .withStopAtFirst(stopAtFirst).withMaxStates(maxStates).withProgress(progress);
    return new ExplicitExplorer().explore(ts, options);
  }
}
