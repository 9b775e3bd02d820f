package org.hotplugchecker.maven;

import java.util.List;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.ts.TransitionSystem;

/** The engines the plugin can run, by the name users configure. */
final class Engines {
  /** Engine names this build of the plugin accepts. */
  static final List<String> AVAILABLE = List.of("explicit");

  private Engines() {}

  /** Runs one engine on a transition system. */
  @FunctionalInterface
  interface Engine {
    CheckResult check(TransitionSystem ts);
  }

  /**
   * The engine called {@code name}, using {@code workers} threads.
   *
   * @throws IllegalArgumentException with a one-line message when there is no such engine
   */
  static Engine of(String name, int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    if ("explicit".equals(name)) {
      ExplorerOptions options = ExplorerOptions.defaults().withWorkers(workers);
      return ts -> new ExplicitExplorer().explore(ts, options);
    }
    throw new IllegalArgumentException("unknown engine '" + name + "' (available: "
        + String.join(", ", AVAILABLE) + ")");
  }
}
