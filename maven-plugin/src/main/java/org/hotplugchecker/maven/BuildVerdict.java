package org.hotplugchecker.maven;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;
import org.hotplugchecker.reports.RunStatus;
import org.hotplugchecker.reports.cli.TextRenderer;

/**
 * What the build says about checked specs: the failure message naming every spec and
 * property that is not as expected, with its counterexample in one line (the first steps
 * and the last), every expectation the run left undecided with the reason, and every spec
 * a resource limit left unfinished. The judging itself is {@link CheckRun#status}'s, the
 * same as the command line's exit code.
 */
final class BuildVerdict {
  /** Steps of a counterexample quoted in the failure message before its last one. */
  static final int QUOTED_STEPS = 3;

  private BuildVerdict() {}

  /** The failure message for {@code runs}, or empty when the build may pass. */
  static String failureMessage(List<CheckRun> runs, String reportsHint) {
    List<String> failures = new ArrayList<>();
    List<String> undecided = new ArrayList<>();
    List<String> unfinished = new ArrayList<>();
    for (CheckRun run : runs) {
      String spec = "spec '" + run.spec().name() + "' (" + run.spec().file() + "): ";
      for (PropertyOutcome o : run.failures()) {
        failures.add(spec + "property '" + o.name() + "' is " + TextRenderer.verdictText(o)
            + ", expected " + o.expectedText() + o.trace()
                .map(t -> "; counterexample: " + TextRenderer.oneLine(t, QUOTED_STEPS))
                .orElse(""));
      }
      for (PropertyOutcome o : run.undecidedExpectations()) {
        undecided.add(spec + "property '" + o.name() + "' was not decided, so its expectation "
            + o.expectedText() + " is not confirmed: " + run.undecidedReason(o));
      }
      if (run.status() != RunStatus.FAILED && run.result().resourceLimitHit()
          && run.outcomes().stream().anyMatch(o -> !o.decided())) {
        unfinished.add(spec + run.result().stopReason().orElse("a resource limit was hit")
            + ", so some properties are unknown");
      }
    }
    List<String> heads = new ArrayList<>();
    count(heads, failures.size(), " property is not as expected",
        " properties are not as expected");
    count(heads, undecided.size(), " expectation was not decided",
        " expectations were not decided");
    count(heads, unfinished.size(), " spec was not checked to the end",
        " specs were not checked to the end");
    if (heads.isEmpty()) {
      return "";
    }
    List<String> lines = new ArrayList<>(failures);
    lines.addAll(undecided);
    lines.addAll(unfinished);
    return String.join("; ", heads) + ":\n" + String.join("\n", lines) + "\n" + reportsHint;
  }

  private static void count(List<String> heads, int n, String one, String many) {
    if (n > 0) {
      heads.add(n + (n == 1 ? one : many));
    }
  }
}
