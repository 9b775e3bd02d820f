package org.hotplugchecker.maven;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.reports.files.Outcome;
import org.hotplugchecker.reports.files.SpecRun;
import org.hotplugchecker.reports.files.TraceText;

/**
 * Decides what the build says about checked specs: one log line per spec and per
 * property, and the failure message naming every spec and property that is not as
 * expected, with the first steps of its counterexample.
 */
final class BuildVerdict {
  /** Steps of a counterexample quoted in the failure message. */
  static final int QUOTED_STEPS = 3;

  private BuildVerdict() {}

  /** E.g. {@code s1-x86-v4.19 (x86, v4.19): 19 states, 76 transitions, 12 ms, explicit}. */
  static String specLine(SpecRun run) {
    var r = run.result();
    return run.spec().name() + " (" + run.spec().topology().arch() + ", "
        + run.spec().topology().kernel() + "): " + r.states() + " states, " + r.transitions()
        + " transitions, " + r.millis() + " ms, " + r.engine()
        + (r.complete() ? "" : ", INCOMPLETE: " + r.stopReason().orElse("stopped early"));
  }

  /** E.g. {@code   cpu_node_has_pgdat: violated (4), expected violated@4 - ok}. */
  static String propertyLine(Outcome o) {
    return "  " + o.property() + ": " + o.verdictText() + ", expected " + o.expectedText()
        + (o.asExpected() ? " - ok" : " - NOT AS EXPECTED");
  }

  /** The failure message for {@code runs}, or empty when every property is as expected. */
  static String failureMessage(List<SpecRun> runs, String reportsHint) {
    List<String> lines = new ArrayList<>();
    for (SpecRun run : runs) {
      for (Outcome o : run.unexpected()) {
        String line = "spec '" + run.spec().name() + "' (" + run.spec().file() + "): property '"
            + o.property() + "' is " + o.verdictText() + ", expected " + o.expectedText();
        line += run.trace(o.property())
            .map(t -> "; counterexample: " + TraceText.firstSteps(t, QUOTED_STEPS))
            .orElse("");
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    return lines.size() + (lines.size() == 1 ? " property is" : " properties are")
        + " not as expected:\n" + String.join("\n", lines) + "\n" + reportsHint;
  }
}
