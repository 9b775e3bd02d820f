package org.hotplugchecker.checker.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * {@code bench --against TOOL}: on each rung, our command line as a fresh process
 * ({@code check --format json}) next to another model checker ({@link Rival}: SPIN, TLC)
 * on its export of the same model, both checking the same properties, alternating runs.
 * Prints for each tool the median run's wall time, CPU time, states/s and peak RSS (GNU
 * time), the rival's one-off export (and compile) time, and the ratios. A run that does
 * not complete, or a state count that differs, is said on the ratio line and fails the
 * comparison.
 */
public final class SideBySide {
  private static final long TIMEOUT_SECONDS = 6 * 3600;

  private final Rival rival;
  private final BenchOptions options;
  private final List<String> ourCommand;
  private final FreshProcessRun fresh;
  private final List<PropertyRule> properties; // built-in ones, in the table's order

  /**
   * A comparison with {@code rival} over {@code options}' rungs, kernels, arches and worker
   * counts (repeated {@code options.repeat()} times), both tools checking {@code
   * options.properties()} (all when empty); {@code ourCommand} starts our command line (e.g.
   * {@code java -jar hotplug-checker.jar}), to which {@code check ...} is appended.
   */
  public SideBySide(Rival rival, BenchOptions options, List<String> ourCommand) {
    this.rival = rival;
    this.options = options;
    this.ourCommand = List.copyOf(ourCommand);
    this.fresh = new FreshProcessRun(ourCommand);
    this.properties = options.properties().isEmpty() ? HotplugRules.RULES.properties()
        : options.properties();
  }

  /** What is missing to run a comparison with {@code rival}, or null when nothing is. */
  public static String missing(Rival rival) {
    String m = rival.missing();
    return m != null ? m : FreshProcessRun.missing();
  }

  /** One measured run of one tool. */
  private record Run(long states, TimedRun timed) {
    double statesPerSecond() {
      return states / Math.max(timed.wallSecs(), 1e-3);
    }
  }

  /**
   * Runs the comparison, printing to {@code out}.
   *
   * @return 0 when both tools completed every run and agreed on every state count, else 1
   */
  public int run(PrintStream out) throws IOException, InterruptedException {
    out.printf(Locale.ROOT, "# hotplug-checker vs %s, side by side: %d cores, load %s%n",
        rival.title(), Runtime.getRuntime().availableProcessors(), load());
    out.println("# properties: " + String.join(", ", properties.stream()
        .map(PropertyRule::name).toList()));
    out.println("# ours: " + String.join(" ", ourCommand) + " check --format json --workers W "
        + "SPEC (a fresh process per run); " + rival.tool() + ": " + rival.invocation());
    out.printf(Locale.ROOT, "%-7s %-7s %-15s %-5s %3s %12s %8s %8s %12s %8s  %s%n", "rung",
        "arch", "kernel", "tool", "wrk", "states", "wall s", "cpu s", "states/s", "peakMiB",
        "note");
    int status = 0;
    for (BenchOptions.Rung rung : options.rungs()) {
      for (Arch arch : options.arches()) {
        for (KernelVariant kernel : options.kernels()) {
          for (int w : options.workers()) {
            status |= compare(rung, arch, kernel, w, out);
          }
        }
      }
    }
    return status;
  }

  private int compare(BenchOptions.Rung rung, Arch arch, KernelVariant kernel, int workers,
      PrintStream out) throws IOException, InterruptedException {
    Topology t = Bench.topology(rung, arch, kernel);
    Path work = Files.createTempDirectory("bench-" + rival.tool());
    try {
      String name = rung + "-" + arch.specName() + "-" + kernel.specName();
      Rival.Prepared theirs = rival.prepare(options.model(t),
          "bench_" + name.replaceAll("\\W", "_"), workers, work);
      List<Run> ours = new ArrayList<>();
      List<Run> others = new ArrayList<>();
      String problem = null;
      for (int i = 0; i < options.repeat() && problem == null; i++) {
        FreshProcessRun.Result mine = fresh.run(name, t, workers, false, options.properties());
        long ourStates = mine.states();
        TimedRun o = mine.timed();
        ours.add(new Run(ourStates, o));
        TimedRun s = TimedRun.of(theirs.command(ourStates), theirs.directory(),
            TIMEOUT_SECONDS);
        Rival.Result r = theirs.result(s);
        others.add(new Run(r.states(), s));
        if (ourStates < 0) {
          problem = "ours did not finish (exit " + o.exitCode() + ")";
        } else if (r.problem() != null) {
          problem = r.problem();
        } else if (r.states() != ourStates) {
          problem = "STATE COUNTS DIFFER";
        }
      }
      Run o = median(ours);
      Run s = median(others);
      String head = String.format(Locale.ROOT, "%-7s %-7s %-15s", rung, arch.specName(),
          kernel.specName());
      row(out, head, "ours", workers, o, ours.size() > 1 ? "median of " + ours.size() : "");
      row(out, head, rival.tool(), theirs.workers(), s, String.format(Locale.ROOT,
          "+ %.2f s %s", theirs.setupSecs(), rival.setupNote()));
      out.printf(Locale.ROOT, "%s ratio %s/ours: wall %.2fx, cpu %.2fx, wall with %s's "
          + "%s %.2fx%s%n", head, rival.tool(), s.timed().wallSecs() / o.timed().wallSecs(),
          s.timed().cpuSecs() / Math.max(o.timed().cpuSecs(), 1e-3), rival.title(),
          rival.setupStep(),
          (s.timed().wallSecs() + theirs.setupSecs()) / o.timed().wallSecs(),
          problem == null ? "" : "  " + problem);
      out.flush();
      return problem == null ? 0 : 1;
    } finally {
      delete(work);
    }
  }

  private static void row(PrintStream out, String head, String tool, int workers, Run r,
      String note) {
    out.printf(Locale.ROOT, "%s %-5s %3d %,12d %8.2f %8.2f %,12.0f %,8d  %s%n", head, tool,
        workers, r.states(), r.timed().wallSecs(), r.timed().cpuSecs(), r.statesPerSecond(),
        r.timed().peakKib() >> 10, note);
  }

  private static Run median(List<Run> runs) {
    List<Run> byWall = runs.stream()
        .sorted(Comparator.comparingDouble(r -> r.timed().wallSecs())).toList();
    return byWall.get((byWall.size() - 1) / 2);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
