package org.hotplugchecker.checker;

import java.util.Locale;
import java.util.Optional;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.checker.symbolic.BmcEngine;
import org.hotplugchecker.checker.symbolic.BmcOptions;
import org.hotplugchecker.checker.symbolic.KInductionEngine;
import org.hotplugchecker.checker.symbolic.KInductionOptions;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * One engine choice, shared by the command line and the Maven plugin so that both accept
 * the same engines, defaults and combinations.
 *
 * @param engine which engine runs
 * @param workers threads per BFS level (explicit only; results do not depend on it)
 * @param depth BMC bound or largest k of k-induction; 0 takes the engine's default
 * @param symmetry explore symmetry orbits instead of states (explicit only)
 * @param fingerprintBits 0 for exact state storage, 64 or 128 for fingerprints (explicit only)
 * @param stopAtFirst stop after the BFS level of the first violation (explicit only)
 * @param maxStates stop once this many states are stored, 0 for no limit (explicit only)
 * @param solver the SAT backend of bmc and kind, null for the default ({@code sat4j})
 */
public record EngineConfig(Engine engine, int workers, int depth, boolean symmetry,
    int fingerprintBits, boolean stopAtFirst, long maxStates, SolverBackend solver) {

  /** A choice on the default SAT backend. */
  public EngineConfig(Engine engine, int workers, int depth, boolean symmetry,
      int fingerprintBits, boolean stopAtFirst, long maxStates) {
    this(engine, workers, depth, symmetry, fingerprintBits, stopAtFirst, maxStates, null);
  }

  /** BMC bound used when none is given: deeper than every counterexample in specs/. */
  public static final int DEFAULT_BMC_DEPTH = 20;
  /** Largest k of k-induction used when none is given. */
  public static final int DEFAULT_KIND_DEPTH = 3;

  /** The engines, by the names users type. */
  public enum Engine {
    /** Breadth-first search of all reachable states. */
    EXPLICIT,
    /** Bounded model checking: counterexamples up to a depth. */
    BMC,
    /** k-induction: proofs for every depth, counterexamples by BMC. */
    KIND;

    /** The name users type, e.g. {@code bmc}. */
    public String userName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The engine called {@code name} (in any case, as enum options are), if any. */
    public static Optional<Engine> fromUserName(String name) {
      for (Engine e : values()) {
        if (e.userName().equalsIgnoreCase(name)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    /** {@code explicit, bmc, kind}. */
    public static String names() {
      return String.join(", ", java.util.Arrays.stream(values()).map(Engine::userName).toList());
    }
  }

  /** The explicit engine with {@code workers} threads and no reductions or limits. */
  public static EngineConfig explicit(int workers) {
    return new EngineConfig(Engine.EXPLICIT, workers, 0, false, 0, false, 0);
  }

  /** The depth actually used: {@link #depth} or the engine's default. */
  public int effectiveDepth() {
    if (depth > 0) {
      return depth;
    }
    return engine == Engine.KIND ? DEFAULT_KIND_DEPTH : DEFAULT_BMC_DEPTH;
  }

  /**
   * What is wrong with this combination, as one line naming the option the way the
   * command line spells it, or empty when it can run.
   */
  public Optional<String> problem() {
    if (engine == null) {
      return Optional.of("--engine must be one of " + Engine.names());
    }
    if (workers < 1) {
      return Optional.of("--workers must be at least 1, got " + workers);
    }
    if (maxStates < 0) {
      return Optional.of("--max-states must not be negative, got " + maxStates);
    }
    if (depth < 0) {
      return Optional.of("--depth must be at least 1, got " + depth);
    }
    if (fingerprintBits != 0 && fingerprintBits != 64 && fingerprintBits != 128) {
      return Optional.of("--fingerprint must be 64 or 128, got " + fingerprintBits);
    }
    if (engine == Engine.EXPLICIT && depth != 0) {
      return Optional.of("--depth works only with --engine bmc or kind");
    }
    if (engine == Engine.EXPLICIT && solver != null) {
      return Optional.of("--solver works only with --engine bmc or kind");
    }
    if (engine != Engine.EXPLICIT) {
      String only = " works only with --engine explicit (got --engine " + engine.userName() + ")";
      if (symmetry) {
        return Optional.of("--symmetry" + only);
      }
      if (fingerprintBits != 0) {
        return Optional.of("--fingerprint" + only);
      }
      if (stopAtFirst) {
        return Optional.of("--stop-at-first" + only);
      }
      if (maxStates != 0) {
        return Optional.of("--max-states" + only);
      }
    }
    return Optional.empty();
  }

  /**
   * Runs the engine on {@code ts}.
   *
   * @throws IllegalArgumentException when {@link #problem()} is not empty, or a symbolic
   *     engine is given something other than a hotplug model
   */
  public CheckResult run(TransitionSystem ts, Progress progress) {
    problem().ifPresent(p -> {
      throw new IllegalArgumentException(p);
    });
    return switch (engine) {
      case EXPLICIT -> new ExplicitExplorer().explore(ts, ExplorerOptions.defaults()
          .withWorkers(workers).withStopAtFirst(stopAtFirst).withMaxStates(maxStates)
          .withSymmetry(symmetry).withFingerprintBits(fingerprintBits)
          .withProgress(progress));
      case BMC -> new BmcEngine(BmcOptions.depth(effectiveDepth()).withProgress(progress)
          .withBackend(solver)).check(ts);
      case KIND -> new KInductionEngine(KInductionOptions.upTo(effectiveDepth())
          .withProgress(progress).withBackend(solver)).check(ts);
    };
  }
}
