package org.hotplugchecker.checker.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * Throughput benchmark of the explicit explorer over a ladder of generated topologies:
 * N nodes with C CPUs and B memory blocks each, all present at boot and hot-pluggable
 * except CPU 0 and block 0 (node 0's first CPU and block). Prints one line per run.
 */
public final class Bench {
  private static final BenchOptions.Rung WARMUP_RUNG = new BenchOptions.Rung(3, 2, 2);

  private Bench() {}

  /** The topology of one rung. */
  public static Topology topology(BenchOptions.Rung rung, Arch arch, KernelVariant kernel) {
    List<Component> cpus = new ArrayList<>();
    List<Component> blocks = new ArrayList<>();
    for (int n = 0; n < rung.nodes(); n++) {
      for (int i = 0; i < rung.cpusPerNode(); i++) {
        cpus.add(new Component(n, true, !(n == 0 && i == 0)));
      }
      for (int i = 0; i < rung.blocksPerNode(); i++) {
        blocks.add(new Component(n, true, !(n == 0 && i == 0)));
      }
    }
    return Topology.of(arch, kernel, rung.nodes(), null, cpus, blocks, java.util.Set.of());
  }

  /**
   * Runs the benchmark, printing a header and one line per run to {@code out}.
   *
   * @return 0 when every run completed, 1 if one stopped early (e.g. out of memory)
   */
  public static int run(BenchOptions options, PrintStream out) {
    return run(options, out, null);
  }

  /**
   * {@link #run(BenchOptions, PrintStream)}, and when {@code fresh} is not null each
   * measured configuration also checked once end to end in a fresh process, printed under
   * its warmed-up line.
   *
   * @return 0 when every run completed (and the fresh processes agreed on the state counts)
   */
  public static int run(BenchOptions options, PrintStream out, FreshProcessRun fresh) {
    Runtime rt = Runtime.getRuntime();
    out.printf(Locale.ROOT, "# explicit explorer benchmark: %d cores, max heap %d MiB, JVM %s%n",
        rt.availableProcessors(), rt.maxMemory() >> 20, System.getProperty("java.version"));
    out.println("# JVM flags: " + String.join(" ",
        ManagementFactory.getRuntimeMXBean().getInputArguments()));
    if (!options.properties().isEmpty()) {
      out.println("# properties: " + String.join(", ", options.properties().stream()
          .map(PropertyRule::name).toList()));
    }
    if (options.warmups() > 0 && !options.rungs().isEmpty()) {
      // A small rung: enough to compile the hot loop, cheap next to the measured ones. Every
      // arch and kernel is warmed up: their branches differ, and a variant first met in a
      // measured run would pay for recompilation there.
      for (int i = 0; i < options.warmups(); i++) {
        for (Arch arch : options.arches()) {
          for (KernelVariant kernel : options.kernels()) {
            Topology t = topology(WARMUP_RUNG, arch, kernel);
            for (int w : options.workers()) {
              new ExplicitExplorer().explore(options.model(t),
                  ExplorerOptions.defaults().withWorkers(w).withSymmetry(options.symmetry()));
            }
          }
        }
      }
    }
    out.printf(Locale.ROOT, "%-7s %-7s %-7s %3s %3s %13s %15s %5s %8s %8s %12s %8s %8s%n",
        "rung", "arch", "kernel", "wrk", "sym", "states", "transitions", "depth", "wall s",
        "cpu s", "states/s", "B/state", "peakMiB");
    int status = 0;
    boolean stop = false;
    for (BenchOptions.Rung rung : options.rungs()) {
      if (stop) {
        out.println("# skipped " + rung + " and larger: the previous rung took longer than "
            + options.stopAfterMillis() + " ms");
        break;
      }
      for (Arch arch : options.arches()) {
        for (KernelVariant kernel : options.kernels()) {
          HotplugModel model = options.model(topology(rung, arch, kernel));
          List<Boolean> symmetries = options.symmetry() ? List.of(false, true) : List.of(false);
          for (boolean sym : symmetries) {
            for (int w : options.workers()) {
              CheckResult r = measure(model, ExplorerOptions.defaults().withWorkers(w)
                  .withSymmetry(sym), options.repeat(), rung, arch, kernel, out);
              if (!r.complete()) {
                status = 1;
              }
              if (fresh != null && !endToEnd(fresh, rung, arch, kernel, w, sym,
                  options.properties(), r, out)) {
                status = 1;
              }
              if (options.stopAfterMillis() > 0 && r.millis() > options.stopAfterMillis()) {
                stop = true;
              }
            }
          }
        }
      }
    }
    return status;
  }

  /** Runs the configuration in a fresh process and prints its line; whether it agreed. */
  private static boolean endToEnd(FreshProcessRun fresh, BenchOptions.Rung rung, Arch arch,
      KernelVariant kernel, int workers, boolean sym, List<PropertyRule> properties,
      CheckResult warmed, PrintStream out) {
    try {
      FreshProcessRun.Result f = fresh.run(rung + "-" + arch.specName() + "-"
          + kernel.specName(), topology(rung, arch, kernel), workers, sym, properties);
      out.println(FreshProcessRun.line(f, warmed.states()));
      out.flush();
      return f.states() == warmed.states();
    } catch (java.io.IOException e) {
      out.println("  end to end (fresh process): failed: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** One timed run. */
  private record Run(CheckResult result, double wallSecs, double cpuSecs, long peakBytes) {
    double statesPerSecond() {
      return result.states() / wallSecs;
    }
  }

  /**
   * Times {@code repeat} runs and prints the one with the median wall time (with the
   * spread of all runs' states/s when there are several).
   */
  private static CheckResult measure(HotplugModel model, ExplorerOptions eo, int repeat,
      BenchOptions.Rung rung, Arch arch, KernelVariant kernel, PrintStream out) {
    List<Run> runs = new java.util.ArrayList<>();
    for (int i = 0; i < repeat; i++) {
      Run run = timedRun(model, eo);
      runs.add(run);
      if (!run.result().complete()) {
        break;
      }
    }
    List<Run> byWall = runs.stream()
        .sorted(java.util.Comparator.comparingDouble(Run::wallSecs)).toList();
    Run median = byWall.get((byWall.size() - 1) / 2);
    CheckResult r = median.result();
    Number storeBytes = r.stats().getOrDefault("storeBytes", 0);
    String spread = runs.size() < 2 ? "" : String.format(Locale.ROOT,
        "  median of %d runs, states/s %,.0f-%,.0f", runs.size(),
        byWall.get(byWall.size() - 1).statesPerSecond(), byWall.get(0).statesPerSecond());
    out.printf(Locale.ROOT, "%-7s %-7s %-7s %3d %3s %,13d %,15d %5d %8.2f %8.2f %,12.0f %8.1f %,8d%s%s%n",
        rung, arch.specName(), kernel.specName(), eo.workers(), eo.symmetry() ? "on" : "off",
        r.states(), r.transitions(), r.depth(), median.wallSecs(), median.cpuSecs(),
        median.statesPerSecond(), storeBytes.doubleValue() / Math.max(1, r.states()),
        median.peakBytes() >> 20, spread,
        r.complete() ? "" : "  STOPPED: " + r.stopReason().orElse("?"));
    out.flush();
    return r;
  }

  private static Run timedRun(HotplugModel model, ExplorerOptions eo) {
    System.gc();
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long cpu0 = processCpuNanos();
    long wall0 = System.nanoTime();
    CheckResult r = new ExplicitExplorer().explore(model, eo);
    double wallSecs = Math.max(System.nanoTime() - wall0, 1) / 1e9;
    double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    return new Run(r, wallSecs, cpuSecs, peak);
  }

  /** CPU time of the whole JVM (all threads, GC included), or 0 if unavailable. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /**
   * Command line: {@code Bench [rungs, e.g. 2x1x1,3x2x2] [kernels] [arches] [workers]
   * [sym]}; lists are comma-separated, omitted ones take the defaults.
   */
  public static void main(String[] args) {
    BenchOptions o = BenchOptions.defaults();
    if (args.length > 0) {
      o = o.withRungs(Arrays.stream(args[0].split(",")).map(BenchOptions.Rung::parse).toList());
    }
    if (args.length > 1) {
      o = o.withKernels(Arrays.stream(args[1].split(","))
          .map(k -> KernelVariant.fromSpecName(k).orElseThrow(
              () -> new IllegalArgumentException("unknown kernel " + k))).toList());
    }
    if (args.length > 2) {
      o = o.withArches(Arrays.stream(args[2].split(","))
          .map(a -> Arch.fromSpecName(a).orElseThrow(
              () -> new IllegalArgumentException("unknown arch " + a))).toList());
    }
    if (args.length > 3) {
      o = o.withWorkers(Arrays.stream(args[3].split(",")).map(Integer::parseInt).toList());
    }
    if (args.length > 4) {
      o = o.withSymmetry(Boolean.parseBoolean(args[4]) || args[4].equals("sym"));
    }
    System.exit(run(o, System.out));
  }
}
