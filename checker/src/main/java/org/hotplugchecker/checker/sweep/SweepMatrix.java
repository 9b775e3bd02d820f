package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.topology.Arch;

/**
 * The text report's closing table, one per arch: each property's verdict over every
 * checked class ({@code violated@K}: K steps on the smallest violating class). With preset
 * kernels only, kernels are the columns; a knob sweep has too many kernels, with long
 * names, for that, so there kernels are the rows and the columns are the properties by
 * number, with a key.
 */
final class SweepMatrix {
  private SweepMatrix() {}

  static String of(SweepOptions options, List<SweepReport.ArchKernel> runs, boolean complete) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "%nkernel x property over %s: holds, vacuous, unknown, "
        + "or violated@K (K steps on the smallest violating class)%n",
        complete ? "every class of the bound" : "the checked classes"));
    for (Arch arch : options.arches()) {
      List<SweepReport.ArchKernel> row = runs.stream().filter(r -> r.arch() == arch).toList();
      if (row.isEmpty()) {
        continue;
      }
      if (options.sweepsKnobs()) {
        kernelRows(arch, row, sb);
      } else {
        kernelColumns(arch, row, sb);
      }
    }
    return sb.toString();
  }

  private static void kernelColumns(Arch arch, List<SweepReport.ArchKernel> row,
      StringBuilder sb) {
    List<String> properties = row.get(0).properties().stream().map(PropertySweep::property)
        .toList();
    int first = Math.max(arch.specName().length(),
        properties.stream().mapToInt(String::length).max().orElse(0));
    List<Integer> widths = new ArrayList<>();
    for (SweepReport.ArchKernel r : row) {
      int w = r.kernel().label().length();
      for (PropertySweep p : r.properties()) {
        w = Math.max(w, cell(p).length());
      }
      widths.add(w);
    }
    StringBuilder head = new StringBuilder(pad(arch.specName(), first));
    for (int k = 0; k < row.size(); k++) {
      head.append("  ").append(pad(row.get(k).kernel().label(), widths.get(k)));
    }
    sb.append('\n').append(head.toString().stripTrailing()).append('\n');
    for (int i = 0; i < properties.size(); i++) {
      StringBuilder line = new StringBuilder(pad(properties.get(i), first));
      for (int k = 0; k < row.size(); k++) {
        PropertySweep p = row.get(k).property(properties.get(i)).orElse(null);
        line.append("  ").append(pad(p == null ? "-" : cell(p), widths.get(k)));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static void kernelRows(Arch arch, List<SweepReport.ArchKernel> row,
      StringBuilder sb) {
    List<String> properties = row.get(0).properties().stream().map(PropertySweep::property)
        .toList();
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < properties.size(); i++) {
      key.append(i == 0 ? "" : ", ").append(i + 1).append(' ').append(properties.get(i));
    }
    sb.append('\n').append(arch.specName()).append(" (properties: ").append(key).append(")\n");
    int first = row.stream().mapToInt(r -> r.kernel().label().length()).max().orElse(0);
    List<Integer> widths = new ArrayList<>();
    for (int i = 0; i < properties.size(); i++) {
      int w = Integer.toString(i + 1).length();
      for (SweepReport.ArchKernel r : row) {
        w = Math.max(w, r.property(properties.get(i)).map(SweepMatrix::cell).orElse("-")
            .length());
      }
      widths.add(w);
    }
    StringBuilder head = new StringBuilder(pad("", first));
    for (int i = 0; i < properties.size(); i++) {
      head.append("  ").append(pad(Integer.toString(i + 1), widths.get(i)));
    }
    sb.append(head.toString().stripTrailing()).append('\n');
    for (SweepReport.ArchKernel r : row) {
      StringBuilder line = new StringBuilder(pad(r.kernel().label(), first));
      for (int i = 0; i < properties.size(); i++) {
        line.append("  ").append(pad(r.property(properties.get(i)).map(SweepMatrix::cell)
            .orElse("-"), widths.get(i)));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String cell(PropertySweep p) {
    return p.overall() == Verdict.VIOLATED
        ? "violated@" + p.smallest().map(PropertySweep.Violation::length).orElse(-1)
        : p.overall().specName();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
