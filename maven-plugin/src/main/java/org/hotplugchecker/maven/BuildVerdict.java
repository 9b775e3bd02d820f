package org.hotplugchecker.maven;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;
import org.hotplugchecker.reports.RunStatus;
import org.hotplugchecker.reports.cli.TextRenderer;

/**
 * What the build says about checked specs: the failure message naming every spec and
 * property that is not as expected, with the first steps of its counterexample, and every
 * spec a resource limit left undecided. The judging itself is {@link CheckRun#status}'s,
 * the same as the command line's exit code.
 */
final class BuildVerdict {
  /** Steps of a counterexample quoted in the failure message. */
  static final int QUOTED_STEPS = 3;

  private BuildVerdict() {}

  /** The failure message for {@code runs}, or empty when the build may pass. */
  static String failureMessage(List<CheckRun> runs, String reportsHint) {
    List<String> lines = new ArrayList<>();
    for (CheckRun run : runs) {
      for (PropertyOutcome o : run.failures()) {
        String line = "spec '" + run.spec().name() + "' (" + run.spec().file() + "): property '"
            + o.name() + "' is " + TextRenderer.verdictText(o) + ", expected " + o.expectedText();
        line += o.trace()
            .map(t -> "; counterexample: " + TextRenderer.firstSteps(t, QUOTED_STEPS))
            .orElse("");
        lines.add(line);
      }
    }
    int failed = lines.size();
    for (CheckRun run : runs) {
      if (run.status() == RunStatus.INCOMPLETE) {
        lines.add("spec '" + run.spec().name() + "' (" + run.spec().file() + "): "
            + run.result().stopReason().orElse("a resource limit was hit")
            + ", so some properties are unknown");
      }
    }
    if (lines.isEmpty()) {
      return "";
    }
    String head = failed == 0 ? ""
        : failed + (failed == 1 ? " property is" : " properties are") + " not as expected";
    int incomplete = lines.size() - failed;
    if (incomplete > 0) {
      head += (head.isEmpty() ? "" : "; ") + incomplete
          + (incomplete == 1 ? " spec was" : " specs were") + " not checked to the end";
    }
    return head + ":\n" + String.join("\n", lines) + "\n" + reportsHint;
  }
}
