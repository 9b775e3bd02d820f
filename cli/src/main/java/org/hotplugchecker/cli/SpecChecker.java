package org.hotplugchecker.cli;

import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.reports.CheckRun;

/** Checks one loaded spec: builds its model, runs the engine, explains the traces. */
public final class SpecChecker {
  private final EngineOptions engine;

  /** A checker using {@code engine}. */
  public SpecChecker(EngineOptions engine) {
    this.engine = engine;
  }

  /** Checks {@code spec}'s properties on its topology. */
  public CheckRun check(Spec spec, Progress progress) {
    return CheckRun.check(spec, ts -> engine.check(ts, progress));
  }
}
