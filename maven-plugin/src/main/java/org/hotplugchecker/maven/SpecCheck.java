package org.hotplugchecker.maven;

import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.reports.CheckRun;

/** Checks one spec: builds its model, runs the engine and explains the counterexamples. */
final class SpecCheck {
  private final Engines.Engine engine;

  SpecCheck(Engines.Engine engine) {
    this.engine = engine;
  }

  CheckRun run(Spec spec) {
    HotplugModel model = new HotplugModel(spec.topology(), spec.properties());
    CheckResult result = engine.check(model);
    return CheckRun.explain(spec, model, result);
  }
}
