package org.hotplugchecker.cli;

import java.util.Optional;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.EngineConfig;
import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;
import org.hotplugchecker.model.ts.TransitionSystem;
import picocli.CommandLine.Option;

/**
 * How to search: the engine options shared by every subcommand that checks something
 * (a picocli mixin). They map onto {@link EngineConfig}, which the Maven plugin uses too;
 * validation and dispatch live there.
 */
public final class EngineOptions {
  @Option(names = "--engine", paramLabel = "ENGINE",
      description = "explicit (default: all reachable states), bmc (counterexamples up to "
          + "--depth) or kind (k-induction proofs up to k = --depth).")
  String engine = "explicit";

  @Option(names = "--depth", paramLabel = "K",
      description = "bmc: search bound (default " + EngineConfig.DEFAULT_BMC_DEPTH
          + "); kind: largest k (default " + EngineConfig.DEFAULT_KIND_DEPTH + ").")
  Integer depth;

  @Option(names = "--solver", paramLabel = "SAT",
      description = "bmc and kind: the SAT backend, sat4j (default: CDCL, fast) or choco "
          + "(Choco Solver's clause store under a CP search).")
  String solver;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads expanding each BFS level (default: ${DEFAULT-VALUE}; at most "
          + "the number of cores, more are capped with a warning); results do not depend "
          + "on it.")
  int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

  // The cores this JVM may use: more workers than that only take turns on them.
  private final int cores;

  /** Options as picocli fills them in, for the cores of this machine. */
  public EngineOptions() {
    this(Runtime.getRuntime().availableProcessors());
  }

  /** Options for a machine with {@code cores} cores (tests). */
  EngineOptions(int cores) {
    this.cores = Math.max(1, cores);
  }

  @Option(names = "--symmetry",
      description = "explicit: explore symmetry orbits of interchangeable nodes/CPUs/blocks; "
          + "verdicts and trace lengths are unchanged, states counts orbits.")
  boolean symmetry;

  @Option(names = "--fingerprint", paramLabel = "BITS",
      description = "explicit: store 64- or 128-bit state fingerprints instead of states "
          + "(less memory; the estimated chance of a missed state is printed).")
  int fingerprintBits;

  @Option(names = "--stop-at-first",
      description = "Stop after the BFS level of the first violation; other properties may "
          + "stay unknown (not held against the run).")
  boolean stopAtFirst;

  @Option(names = "--max-states", paramLabel = "N",
      description = "Stop once N states are stored (0 = no limit); undecided properties then "
          + "make the exit code 3.")
  long maxStates;

  /** The engine choice these options describe (valid or not), workers capped at the cores. */
  public EngineConfig config() {
    EngineConfig.Engine e = EngineConfig.Engine.fromUserName(engine).orElse(null);
    return new EngineConfig(e, Math.min(workers, cores), depth == null ? 0 : depth, symmetry,
        fingerprintBits, stopAtFirst, maxStates,
        solver == null ? null : SolverBackend.fromUserName(solver).orElse(null));
  }

  /**
   * The one-line warning that {@code --workers} asks for more threads than there are cores
   * and is capped (see {@link #config()}), or empty. Only the explicit engine uses workers.
   */
  Optional<String> workersWarning() {
    if (workers <= cores || config().engine() != EngineConfig.Engine.EXPLICIT) {
      return Optional.empty();
    }
    return Optional.of("warning: --workers " + workers + " is more than the " + cores
        + (cores == 1 ? " core" : " cores") + " available; using " + cores);
  }

  /** Rejects values or combinations no engine accepts; returns the problem, or null. */
  String validate() {
    if (EngineConfig.Engine.fromUserName(engine).isEmpty()) {
      return "unknown engine '" + engine + "' for --engine (one of "
          + EngineConfig.Engine.names() + ")";
    }
    if (solver != null && SolverBackend.fromUserName(solver).isEmpty()) {
      return "unknown SAT backend '" + solver + "' for --solver (one of "
          + SolverBackend.names() + ")";
    }
    if (depth != null && depth < 1) {
      return "--depth must be at least 1, got " + depth;
    }
    return config().problem().orElse(null);
  }

  /** Runs the chosen engine on {@code ts}. */
  public CheckResult check(TransitionSystem ts, Progress progress) {
    return config().run(ts, progress);
  }
}
