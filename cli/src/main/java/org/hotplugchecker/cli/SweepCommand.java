package org.hotplugchecker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotplugchecker.checker.sweep.SweepArguments;
import org.hotplugchecker.checker.sweep.SweepBounds;
import org.hotplugchecker.checker.sweep.SweepOptions;
import org.hotplugchecker.checker.sweep.SweepReport;
import org.hotplugchecker.checker.sweep.SweepResultsFile;
import org.hotplugchecker.checker.sweep.SweepRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sweep}: checks every property on every topology class within bounds, for the
 * chosen kernels and arches. Exit codes: 0 every property holds on every class, 1 some
 * class violates some property, 2 bad arguments, 3 internal error, 4 no violation found
 * but the time limit left classes unchecked.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
    description = {"Check every property on every topology class up to a bound.",
        "Classes: topologies up to renamings of nodes, CPUs and blocks that cannot change a "
            + "verdict (see CanonicalTopology). By default the classes that share a machine "
            + "shape (nodes, and where CPUs and blocks live) are checked by one exploration "
            + "started from each of their boot states (see ShapeGroup)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every property holds on every class", "1:some class violates a property",
        "2:bad arguments", "3:internal error", "4:time limit reached, no violation so far"})
final class SweepCommand implements Callable<Integer> {
  static final int HOLDS = 0;
  static final int BAD_ARGUMENTS = 2;
  static final int INTERNAL_ERROR = 3;

  @Spec
  CommandSpec spec;

  @Option(names = "--max-nodes", paramLabel = "N", defaultValue = "2",
      description = "possible nodes: 1..N (default: ${DEFAULT-VALUE})")
  int maxNodes;

  @Option(names = "--max-cpus-per-node", paramLabel = "C", defaultValue = "2",
      description = "CPUs per node: 0..C, at least one CPU in all (default: ${DEFAULT-VALUE})")
  int maxCpusPerNode;

  @Option(names = "--max-blocks-per-node", paramLabel = "B", defaultValue = "1",
      description = "memory blocks per node: 0..B (default: ${DEFAULT-VALUE})")
  int maxBlocksPerNode;

  @Option(names = "--kernels", paramLabel = "LIST", defaultValue = "all",
      description = "comma list of kernels: presets (v4.19), knob sets (v5.0+offline_guard="
          + "online_blocks), all (every preset) or knobs (every combination of the kernel"
          + " knobs; the report names the minimal fixes) (default: ${DEFAULT-VALUE})")
  String kernels;

  @Option(names = "--invariant", paramLabel = "NAME=EXPR",
      description = "also check a user invariant (MODEL.md 'User invariants') on every class"
          + " (repeatable); one that reads cpu.boot, cpu.hotplug, mem.boot or mem.hotplug"
          + " is checked without the shape method (one exploration per class), and one that"
          + " names a fixed index or orders indices without the symmetry reduction (every"
          + " labelled member of each class)")
  java.util.List<String> invariants;

  @Option(names = "--arch", paramLabel = "LIST", defaultValue = "all",
      description = "comma list of arches (x86, generic), or all (default: ${DEFAULT-VALUE})")
  String arches;

  @Option(names = "--faults", paramLabel = "LIST", defaultValue = "none",
      description = "faults enabled in every topology, or none (default: ${DEFAULT-VALUE})")
  String faults;

  @Option(names = "--results", paramLabel = "FILE",
      description = "JSON-lines file of finished checks: read to resume, appended to")
  Path results;

  @Option(names = "--workers", paramLabel = "N",
      description = "topologies explored at once (default: number of cores)")
  Integer workers;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json or markdown (default: ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--time-limit", paramLabel = "DURATION",
      description = "stop starting classes after this long (e.g. 30m); the report says what"
          + " was covered")
  String timeLimit;

  @Option(names = "--per-class",
      description = "explore every topology class on its own (exact per-class counts, "
          + "much slower) instead of one exploration per machine shape")
  boolean perClass;

  @Option(names = "--progress", negatable = true,
      description = "progress bar on stderr (default: only on a terminal)")
  Boolean progress;

  @Option(names = "--spark", arity = "0..1", fallbackValue = "", paramLabel = "MASTER",
      description = "run the explorations as an Apache Spark job on MASTER: local[N],"
          + " local-cluster[W,C,MB], spark://HOST:PORT, k8s://...; without MASTER, the one"
          + " spark-submit set (default: this machine's threads)")
  String spark;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE",
      description = "a Spark setting for --spark, e.g. spark.executor.memory=8g (repeatable)")
  java.util.Map<String, String> sparkConf;

  private WriterStream progressStream;

  /**
   * Ctrl-C (or a kill) during the sweep: ends the progress line and says what is kept,
   * as the JVM shuts down. Checks finished so far are already in the results file.
   */
  private void interrupted(PrintWriter err) {
    progressStream.mute(); // the bar must not redraw over the message
    StringBuilder sb = new StringBuilder(progressStream.midLine() ? "\n" : "");
    if (results == null) {
      sb.append("interrupted: no results file, so nothing is kept; rerun with --results FILE "
          + "to keep finished checks");
    } else {
      sb.append("interrupted: ").append(savedResults()).append(" results saved in ").append(results).append("; rerun with --results ")
          .append(results).append(" to continue");
    }
    err.println(sb);
    err.flush();
  }

  /** The records of the results file a rerun would reuse (this model revision). */
  private String savedResults() {
    try {
      return Integer.toString(SweepResultsFile.read(results).size());
    } catch (IOException | RuntimeException e) {
      return "the";
    }
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    progressStream = new WriterStream(err);
    SweepOptions options;
    org.hotplugchecker.checker.sweep.SweepBackend backend;
    try {
      if (!List.of("text", "json", "markdown").contains(format)) {
        throw new IllegalArgumentException("--format: expected text, json or markdown, got '"
            + format
            + "'");
      }
      options = SweepOptions.defaults(new SweepBounds(maxNodes, maxCpusPerNode,
              maxBlocksPerNode))
          .withKernels(SweepArguments.kernels(kernels))
          .withArches(SweepArguments.arches(arches))
          .withFaults(SweepArguments.faults(faults));
      if (invariants != null) {
        options = options.withProperties(org.hotplugchecker.checker.sweep.SweepProperties.with(
            invariants.stream().map(SweepArguments::invariant).toList()));
      }
      if (perClass) {
        options = options.withMethod(SweepOptions.Method.CLASSES);
      }
      if (workers != null) {
        options = options.withWorkers(workers);
      }
      if (results != null) {
        options = options.withResultsFile(results);
      }
      if (timeLimit != null) {
        options = options.withTimeLimit(SweepArguments.duration(timeLimit));
      }
      // The same rule as check: a bar only when stderr is a terminal, whatever stdout is.
      if (progress != null ? progress : ProgressPrinter.stderrIsTerminal()) {
        options = options.withProgress(WriterStream.printStream(progressStream));
      }
      SweepRunner.refusal(options, spark != null).ifPresent(why -> {
        throw new IllegalArgumentException(why);
      });
      backend = SweepBackends.open(spark, sparkConf, perClass, workers != null);
    } catch (IllegalArgumentException e) {
      err.println("sweep: " + e.getMessage());
      err.flush();
      return BAD_ARGUMENTS;
    }
    Thread onInterrupt = new Thread(() -> interrupted(err), "sweep-interrupted");
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    try {
      SweepReport report = backend == null ? new SweepRunner().run(options)
          : new SweepRunner().run(options, backend);
      Runtime.getRuntime().removeShutdownHook(onInterrupt);
      out.print(switch (format) {
        case "json" -> report.toJson();
        case "markdown" -> report.toMarkdown();
        default -> report.toText();
      });
      out.flush();
      return report.exitCode();
    } catch (IOException e) {
      err.println("sweep: cannot use results file " + results + ": " + e.getMessage());
      err.flush();
      return INTERNAL_ERROR;
    } catch (SweepRunner.SweepException e) {
      err.println("sweep: " + e.getMessage());
      err.flush();
      return INTERNAL_ERROR;
    } catch (RuntimeException | OutOfMemoryError e) {
      err.println("sweep: internal error: " + e);
      err.flush();
      return INTERNAL_ERROR;
    } finally {
      if (backend != null) {
        err.println("sweep: " + backend);
        err.flush();
        backend.close();
      }
    }
  }
}
