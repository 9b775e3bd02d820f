package org.hotplugchecker.reports.files;

import java.util.List;
import java.util.stream.Collectors;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceStep;
import org.hotplugchecker.model.ts.VariableChange;

/** Plain-text rendering of a trace, for junit.xml and build logs. */
public final class TraceText {
  private TraceText() {}

  /** Every step: number, call chain and changed variables, one step per few lines. */
  public static String render(Trace trace) {
    StringBuilder sb = new StringBuilder();
    sb.append(trace.property()).append(" violated after ").append(trace.length())
        .append(trace.length() == 1 ? " step" : " steps").append(trace.length() == 0
            ? " (the boot state already violates it)\n" : ":\n");
    for (TraceStep s : trace.steps()) {
      sb.append("  ").append(s.number()).append(". ").append(s.action()).append('\n');
      sb.append("     ").append(s.chainText()).append('\n');
      if (!s.changes().isEmpty()) {
        sb.append("     ").append(changes(s.changes())).append('\n');
      }
    }
    return sb.toString();
  }

  /** The first {@code max} steps on one line: {@code 1. a → b; 2. c; ...}. */
  public static String firstSteps(Trace trace, int max) {
    if (trace.steps().isEmpty()) {
      return "the boot state already violates it";
    }
    String steps = trace.steps().stream().limit(max)
        .map(s -> s.number() + ". " + s.chainText())
        .collect(Collectors.joining("; "));
    return trace.length() > max ? steps + "; ... (" + trace.length() + " steps)" : steps;
  }

  /** Changes joined: {@code cpu_to_node(1): 1 → -1, node_online(1): true → false}. */
  public static String changes(List<VariableChange> changes) {
    return changes.stream().map(VariableChange::render).collect(Collectors.joining(", "));
  }
}
