package org.hotplugchecker.cli;

import java.util.Optional;
import org.hotplugchecker.checker.EngineConfig;
import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.symmetry.SymmetryAnalysis;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.reports.CheckRun;

/** Checks one loaded spec: builds its model, runs the engine, explains the traces. */
public final class SpecChecker {
  private final EngineOptions engine;

  /** A checker using {@code engine}. */
  public SpecChecker(EngineOptions engine) {
    this.engine = engine;
  }

  /**
   * The one-line note that {@code --symmetry} is off for {@code spec} because the symmetry
   * analysis cannot classify one of its invariants (the run then explores every state), or
   * empty.
   */
  public Optional<String> symmetryNote(Spec spec) {
    EngineConfig config = engine.config();
    if (!config.symmetry() || config.engine() != EngineConfig.Engine.EXPLICIT) {
      return Optional.empty();
    }
    return SymmetryAnalysis.of(HotplugRules.RULES, spec.properties()).disabledBy()
        .map(why -> "note: " + spec.name() + ": --symmetry is off for this run: " + why);
  }

  /** Checks {@code spec}'s properties on its topology. */
  public CheckRun check(Spec spec, Progress progress) {
    return CheckRun.check(spec, ts -> engine.check(ts, progress));
  }
}
