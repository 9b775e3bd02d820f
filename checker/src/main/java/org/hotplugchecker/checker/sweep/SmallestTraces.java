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
import org.hotplugchecker.model.topology.Topology;

/**
 * Gives each smallest violation of a sweep its shortest counterexample, step by step in
 * kernel terms, so the report is readable without running {@code check} on the spec.
 * Smallest violations are small classes, so exploring them again costs little.
 */
final class SmallestTraces {
  private SmallestTraces() {}

  /**
   * Explores each run's smallest violating classes again and attaches their traces. With
   * the symmetry reduction off ({@link SweepProperties#symmetryOff}) the violation may be
   * on a member other than the representative: every member is explored and the first
   * one with a counterexample of the shortest length is kept, with its topology.
   */
  static void attach(List<SweepReport.ArchKernel> runs, Set<Fault> faults,
      SweepProperties properties) {
    boolean members = properties.symmetryOff().isPresent();
    for (SweepReport.ArchKernel run : runs) {
      for (PropertySweep p : run.properties()) {
        p.smallest().ifPresent(v -> {
          List<Topology> candidates = members
              ? ClassMembers.of(v.topology()).stream()
                  .map(m -> m.toTopology(run.arch(), run.kernel(), faults)).toList()
              : List.of(v.topology().toTopology(run.arch(), run.kernel(), faults));
          for (Topology t : candidates) {
            HotplugModel model = HotplugModel.checking(t, properties.rules());
            PropertyResult r = new ExplicitExplorer().explore(model,
                ExplorerOptions.defaults()).property(p.property()).orElseThrow();
            if (r.counterexample().isPresent() && (!members || r.length() == v.length())) {
              p.setSmallestTrace(new TraceExplainer(model).explain(p.property(),
                  r.counterexample().get()), t);
              return;
            }
          }
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
