package org.hotplugchecker.checker.sweep;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;

/**
 * The Markdown form of a sweep report ({@code sweep --format markdown}): what was swept,
 * one table row per arch and kernel, and, for a knob sweep, the holding kernels and the
 * minimal fixes ({@link KnobFixes}) — the same facts as the text report, for pasting into
 * an issue or a review.
 */
final class SweepMarkdown {
  private SweepMarkdown() {}

  static String of(SweepReport r) {
    SweepOptions o = r.options();
    StringBuilder sb = new StringBuilder("# Sweep\n\n");
    sb.append(String.format(Locale.ROOT, "Bounds: 1..%d nodes, 0..%d CPUs and 0..%d blocks "
        + "per node; %d topology classes, %d checked%s; method: %s.%n",
        o.bounds().maxNodes(), o.bounds().maxCpusPerNode(), o.bounds().maxBlocksPerNode(),
        r.classes(), r.checkedClasses(), r.complete() ? "" : " (INCOMPLETE: time limit)",
        o.method().name().toLowerCase(Locale.ROOT)));
    if (o.properties().hasUserInvariants()) {
      sb.append("\nUser invariants:\n\n");
      o.properties().userSources().forEach((name, src) -> sb.append("* `").append(name)
          .append("`: `").append(src.strip()).append("`\n"));
    }
    o.properties().symmetryOff().ifPresent(why -> sb.append("\nSymmetry reduction off (")
        .append(why).append("): every labelled member of each class was explored.\n"));
    sb.append("\n| arch | kernel | every property holds | violated (shortest) |\n"
        + "|---|---|---|---|\n");
    for (SweepReport.ArchKernel run : r.runs()) {
      String violated = run.properties().stream()
          .filter(p -> p.overall() == Verdict.VIOLATED)
          .map(p -> p.property() + "@" + p.smallest().map(PropertySweep.Violation::length)
              .orElse(-1))
          .collect(Collectors.joining(", "));
      sb.append("| ").append(run.arch().specName()).append(" | `")
          .append(run.kernel().label()).append("` | ").append(run.allHold() ? "yes" : "no")
          .append(" | ").append(violated.isEmpty() ? "-" : violated).append(" |\n");
    }
    if (o.sweepsKnobs()) {
      fixes(r.knobFixes(), r.complete(), sb);
    }
    return sb.toString();
  }

  private static void fixes(List<KnobFixes> all, boolean complete, StringBuilder sb) {
    sb.append("\n## Minimal fixes\n\nA kernel holds when every property holds or is vacuous"
        + " on every ").append(complete ? "class of the bound" : "checked class")
        .append("; a minimal fix of a failing preset is a holding kernel that changes the"
            + " fewest of its knobs.\n");
    for (KnobFixes f : all) {
      sb.append("\n### ").append(f.arch().map(Arch::specName).orElse("every arch"))
          .append(String.format(Locale.ROOT, ": %d kernels hold%n%n", f.holding().size()));
      f.holding().forEach(k -> sb.append("* `").append(k.label()).append("`\n"));
      if (f.holding().isEmpty()) {
        sb.append("No swept kernel holds.\n");
      }
      if (!f.fixes().isEmpty()) {
        sb.append("\n| failing preset | knobs changed | minimal fixes |\n|---|---|---|\n");
      }
      for (KnobFixes.Fix fix : f.fixes()) {
        sb.append("| `").append(fix.preset().label()).append("` | ")
            .append(fix.kernels().isEmpty() ? "-" : Integer.toString(fix.changes()))
            .append(" | ").append(fix.kernels().isEmpty() ? "no swept kernel holds"
                : fix.kernels().stream().map(k -> "`" + String.join(" ",
                    KnobFixes.changes(fix.preset(), k)) + "`").collect(Collectors.joining(", ")))
            .append(" |\n");
      }
    }
  }
}
