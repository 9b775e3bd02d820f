package org.hotplugchecker.checker.symbolic;

import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;

/**
 * Settings of {@link BmcEngine}.
 *
 * @param maxDepth the largest counterexample length searched (K)
 * @param proveByDiameter after each depth, ask whether a longer simple path exists; when
 *     none does, every reachable state has been checked and the remaining properties hold
 * @param diameterFailLimit conflict limit of each such question (0: none); when one hits
 *     it, the engine stops asking and only bounded answers remain
 * @param progress told after each depth is fully checked
 * @param backend the SAT solver
 */
public record BmcOptions(int maxDepth, boolean proveByDiameter, long diameterFailLimit,
    Progress progress, SolverBackend backend) {
  /** Default conflict limit of a recurrence-diameter question. */
  public static final long DEFAULT_DIAMETER_FAIL_LIMIT = 20_000;

  /** Validates; a null progress listener means none, a null backend the default one. */
  public BmcOptions {
    if (maxDepth < 0) {
      throw new IllegalArgumentException("maxDepth must not be negative, got " + maxDepth);
    }
    if (diameterFailLimit < 0) {
      throw new IllegalArgumentException("diameterFailLimit must not be negative");
    }
    if (progress == null) {
      progress = Progress.NONE;
    }
    if (backend == null) {
      backend = SolverBackend.SAT4J;
    }
  }

  /** With progress reports, on the default backend. */
  public BmcOptions(int maxDepth, boolean proveByDiameter, long diameterFailLimit,
      Progress progress) {
    this(maxDepth, proveByDiameter, diameterFailLimit, progress, null);
  }

  /** Without progress reports, on the default backend. */
  public BmcOptions(int maxDepth, boolean proveByDiameter, long diameterFailLimit) {
    this(maxDepth, proveByDiameter, diameterFailLimit, Progress.NONE, null);
  }

  /** Depth {@code maxDepth} with the recurrence-diameter proof on. */
  public static BmcOptions depth(int maxDepth) {
    return new BmcOptions(maxDepth, true, DEFAULT_DIAMETER_FAIL_LIMIT);
  }

  /** These options without the recurrence-diameter proof (bounded answers only). */
  public BmcOptions withoutDiameterProof() {
    return new BmcOptions(maxDepth, false, diameterFailLimit, progress, backend);
  }

  /** These options with a progress listener. */
  public BmcOptions withProgress(Progress p) {
    return new BmcOptions(maxDepth, proveByDiameter, diameterFailLimit, p, backend);
  }

  /** These options on another SAT backend. */
  public BmcOptions withBackend(SolverBackend b) {
    return new BmcOptions(maxDepth, proveByDiameter, diameterFailLimit, progress, b);
  }
}
