package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceExplainer;
import org.hotplugchecker.checker.trace.TraceStep;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.ts.VariableChange;
import org.hotplugchecker.model.topology.Fault;

/**
 * Gives each smallest violation of a sweep its shortest counterexample, step by step in
 * kernel terms, so the report is readable without running {@code check} on the spec.
 * Smallest violations are small classes, so exploring them again costs little.
 */
final class SmallestTraces {
  private SmallestTraces() {}

  /** Explores each run's smallest violating classes again and attaches their traces. */
  static void attach(List<SweepReport.ArchKernel> runs, Set<Fault> faults,
      SweepProperties properties) {
    for (SweepReport.ArchKernel run : runs) {
      for (PropertySweep p : run.properties()) {
        p.smallest().ifPresent(v -> {
          HotplugModel model = HotplugModel.checking(
              v.topology().toTopology(run.arch(), run.kernel(), faults), properties.rules());
          PropertyResult r = new ExplicitExplorer().explore(model, ExplorerOptions.defaults())
              .property(p.property()).orElseThrow();
          r.counterexample().ifPresent(cex ->
              p.setSmallestTrace(new TraceExplainer(model).explain(p.property(), cex)));
        });
      }
    }
  }

  /** One line per step: its kernel call chain, then what it changed. */
  static List<String> steps(Trace trace) {
    List<String> out = new ArrayList<>();
    for (TraceStep s : trace.steps()) {
      String changes = s.changes().stream().map(VariableChange::render)
          .collect(Collectors.joining(", "));
      out.add(s.number() + ". " + s.chainText() + (changes.isEmpty() ? "" : "  [" + changes
          + "]"));
    }
    return List.copyOf(out);
  }
}
