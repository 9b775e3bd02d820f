package org.hotplugchecker.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.checker.bench.FreshProcessRun;
import org.hotplugchecker.checker.bench.Rival;
import org.hotplugchecker.checker.bench.SideBySide;
import org.hotplugchecker.checker.bench.SpinRival;
import org.hotplugchecker.checker.bench.TlcRival;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: times the explicit engine on a ladder of growing topologies (the numbers
 * in docs/benchmarks.md), or with {@code --against spin|tlc} our command line next to SPIN
 * or TLC.
 * With {@code --end-to-end} each configuration is also checked once by our command line as
 * a fresh process, next to the warmed-up figure. Exit codes: 0 measured, 2 bad arguments (or
 * the other tool missing), 3 a run stopped early, the tools or processes disagreed on a
 * state count, or an internal error.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Time the explicit engine on growing topologies (see docs/benchmarks.md).",
        "Omitted lists take the default ladder: 2x1x1,2x2x2,3x1x1,3x2x1,3x2x2; v5.0,v4.19; "
            + "x86,generic; 1,2 workers."})
final class BenchCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--rungs", paramLabel = "LIST", split = ",",
      description = "Topology shapes NODESxCPUSxBLOCKS per node, e.g. 2x1x1,3x2x2.")
  List<String> rungs;

  @Option(names = "--kernels", paramLabel = "LIST", split = ",",
      description = "Kernel variants, e.g. v5.0,v4.19.")
  List<String> kernels;

  @Option(names = "--arch", paramLabel = "LIST", split = ",",
      description = "Architectures: x86, generic.")
  List<String> arches;

  @Option(names = "--workers", paramLabel = "LIST", split = ",",
      description = "Worker counts to time, e.g. 1,2.")
  List<Integer> workers;

  @Option(names = "--symmetry", description = "Also time each run with symmetry reduction.")
  boolean symmetry;

  @Option(names = "--warmups", paramLabel = "N",
      description = "Untimed warm-up runs before measuring (default: 2).")
  Integer warmups;

  @Option(names = "--repeat", paramLabel = "N",
      description = "Timed runs per configuration; the line shows the run with the median "
          + "wall time and the spread of states/s (default: 1).")
  Integer repeat;

  @Option(names = "--against", paramLabel = "TOOL",
      description = "Run another model checker side by side instead: spin (needs spin, gcc and "
          + "/usr/bin/time) or tlc (needs TLC's class path in TLC_CLASSPATH, e.g. "
          + "tla2tools.jar, and /usr/bin/time). Each rung runs our command line as a fresh "
          + "process and the other tool on its Promela or TLA+ export, alternating, --repeat "
          + "times; prints wall, CPU, states/s, peak RSS and the ratio.")
  Against against;

  @Option(names = "--end-to-end",
      description = "Also check each configuration once as a user runs it, our command line "
          + "as a fresh process (needs /usr/bin/time): wall, CPU, states/s and peak RSS "
          + "with JVM start-up and reporting, printed under the warmed-up line.")
  boolean endToEnd;

  @Option(names = "--property", paramLabel = "NAME",
      description = "Check only this property (repeatable; default: all); with --against, "
          + "in both tools.")
  List<String> properties = new ArrayList<>();

  /** Tools {@code --against} can run. */
  enum Against {
    spin, tlc;

    Rival rival() {
      return this == spin ? new SpinRival() : TlcRival.fromEnvironment();
    }
  }

  @Option(names = "--stop-after", paramLabel = "SECONDS",
      description = "Skip the remaining rungs once one run took longer (default: never).")
  Long stopAfterSeconds;

  @Override
  public Integer call() {
    BenchOptions options;
    try {
      options = options();
    } catch (IllegalArgumentException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("bench: " + e.getMessage());
      err.flush();
      return ExitCode.USAGE;
    }
    // Bench prints to a PrintStream; pass its lines on to picocli's writer as they come.
    PrintStream ps = WriterStream.printStream(new WriterStream(spec.commandLine().getOut()));
    if (against != null) {
      return againstRival(against.rival(), options, ps);
    }
    FreshProcessRun fresh = null;
    if (endToEnd) {
      String missing = FreshProcessRun.missing();
      if (missing != null) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("bench --end-to-end: " + missing);
        return ExitCode.USAGE;
      }
      fresh = new FreshProcessRun(ourCommand());
    }
    int code = Bench.run(options, ps, fresh);
    ps.flush();
    // A run stopped early (memory) is a resource limit, as for check.
    return code == 0 ? ExitCode.OK : ExitCode.INCOMPLETE;
  }

  private int againstRival(Rival rival, BenchOptions options, PrintStream out) {
    PrintWriter err = spec.commandLine().getErr();
    String what = "bench --against " + rival.tool() + ": ";
    if (endToEnd) {
      err.println(what + "--end-to-end does not apply (our side already runs as a fresh "
          + "process)");
      return ExitCode.USAGE;
    }
    String missing = SideBySide.missing(rival);
    if (missing != null) {
      err.println(what + missing);
      return ExitCode.USAGE;
    }
    if (symmetry) {
      err.println(what + "--symmetry does not apply (" + rival.title() + " counts every "
          + "state)");
      return ExitCode.USAGE;
    }
    try {
      int code = new SideBySide(rival, options, ourCommand()).run(out);
      out.flush();
      return code == 0 ? ExitCode.OK : ExitCode.INCOMPLETE;
    } catch (IOException e) {
      out.flush();
      err.println(what + e.getMessage().lines().findFirst().orElse(""));
      return ExitCode.INCOMPLETE;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCode.INCOMPLETE;
    }
  }

  /**
   * Our command line as a user starts it: the {@code bin/hotplug-checker} launcher this
   * process was started by, which picks the JIT and the class-data archive per command
   * (system property {@code hotplug.launcher}, set by the launcher; {@code JAVA_OPTS}
   * reaches it through the environment). Without a launcher: this JVM's java with its heap
   * and GC flags, then {@code -jar} the jar this runs from (or the class path and main class
   * when not from a jar, as in tests).
   */
  static List<String> ourCommand() {
    String launcher = System.getProperty("hotplug.launcher");
    if (launcher != null && Files.isExecutable(Path.of(launcher))) {
      return List.of(launcher);
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
        "java").toString()));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:")).forEach(cmd::add);
    Path jar = null;
    try {
      jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
    } catch (URISyntaxException | SecurityException e) {
      // fall back on the class path
    }
    if (jar != null && jar.toString().endsWith(".jar")) {
      cmd.addAll(List.of("-jar", jar.toString()));
    } else {
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
    }
    return cmd;
  }

  private BenchOptions options() {
    BenchOptions o = BenchOptions.defaults();
    if (rungs != null) {
      List<BenchOptions.Rung> parsed = new ArrayList<>();
      for (String r : rungs) {
        BenchOptions.Rung rung;
        try {
          rung = BenchOptions.Rung.parse(r);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("--rungs: rung must look like 3x2x2, got '" + r
              + "'");
        }
        if (rung.nodes() < 1 || rung.cpusPerNode() < 0 || rung.blocksPerNode() < 0
            || rung.cpusPerNode() == 0) {
          throw new IllegalArgumentException("--rungs: need at least 1 node and 1 CPU per "
              + "node, got '" + r + "'");
        }
        parsed.add(rung);
      }
      o = o.withRungs(parsed);
    }
    if (kernels != null) {
      List<KernelVariant> ks = new ArrayList<>();
      for (String k : kernels) {
        ks.add(KernelVariant.fromSpecName(k).orElseThrow(() -> new IllegalArgumentException(
            "--kernels: unknown kernel '" + k + "'")));
      }
      o = o.withKernels(ks);
    }
    if (arches != null) {
      List<Arch> as = new ArrayList<>();
      for (String a : arches) {
        as.add(Arch.fromSpecName(a).orElseThrow(() -> new IllegalArgumentException(
            "--arch: unknown arch '" + a + "' (x86 or generic)")));
      }
      o = o.withArches(as);
    }
    if (workers != null) {
      if (workers.stream().anyMatch(w -> w < 1)) {
        throw new IllegalArgumentException("--workers: every count must be at least 1, got "
            + workers);
      }
      o = o.withWorkers(workers);
    }
    o = o.withSymmetry(symmetry);
    if (warmups != null) {
      if (warmups < 0) {
        throw new IllegalArgumentException("--warmups must not be negative, got " + warmups);
      }
      o = o.withWarmups(warmups);
    }
    if (repeat != null) {
      o = o.withRepeat(repeat);
    }
    if (stopAfterSeconds != null) {
      if (stopAfterSeconds < 1) {
        throw new IllegalArgumentException("--stop-after must be at least 1 second, got "
            + stopAfterSeconds);
      }
      o = o.withStopAfterMillis(stopAfterSeconds * 1000);
    }
    List<PropertyRule> only = new ArrayList<>();
    for (String name : properties) {
      only.add(HotplugRules.RULES.property(name).orElseThrow(() ->
          new IllegalArgumentException("unknown property '" + name + "' for --property")));
    }
    return o.withProperties(only);
  }
}
