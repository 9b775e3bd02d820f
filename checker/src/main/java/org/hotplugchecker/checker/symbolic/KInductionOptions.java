package org.hotplugchecker.checker.symbolic;

import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;

/**
 * Settings of {@link KInductionEngine}.
 *
 * @param maxK the largest induction depth tried; the base case covers counterexamples of
 *     up to {@code maxK - 1} steps
 * @param stepFailLimit conflict limit of one induction-step (or lemma) question (0: none);
 *     a step that hits it counts as not inductive at that depth, which is sound
 * @param progress told after the lemmas and after each induction depth
 * @param backend the SAT solver
 */
public record KInductionOptions(int maxK, long stepFailLimit, Progress progress,
    SolverBackend backend) {
  /** Default conflict limit of one induction step. */
  public static final long DEFAULT_STEP_FAIL_LIMIT = 200_000;

  /** Validates; a null progress listener means none, a null backend the default one. */
  public KInductionOptions {
    if (maxK < 1) {
      throw new IllegalArgumentException("maxK must be at least 1, got " + maxK);
    }
    if (stepFailLimit < 0) {
      throw new IllegalArgumentException("stepFailLimit must not be negative");
    }
    if (progress == null) {
      progress = Progress.NONE;
    }
    if (backend == null) {
      backend = SolverBackend.SAT4J;
    }
  }

  /** With progress reports, on the default backend. */
  public KInductionOptions(int maxK, long stepFailLimit, Progress progress) {
    this(maxK, stepFailLimit, progress, null);
  }

  /** Settings without progress reports, on the default backend. */
  public KInductionOptions(int maxK, long stepFailLimit) {
    this(maxK, stepFailLimit, Progress.NONE, null);
  }

  /** Induction up to {@code maxK} with the default step limit. */
  public static KInductionOptions upTo(int maxK) {
    return new KInductionOptions(maxK, DEFAULT_STEP_FAIL_LIMIT);
  }

  /** These settings with a progress listener. */
  public KInductionOptions withProgress(Progress p) {
    return new KInductionOptions(maxK, stepFailLimit, p, backend);
  }

  /** These settings on another SAT backend. */
  public KInductionOptions withBackend(SolverBackend b) {
    return new KInductionOptions(maxK, stepFailLimit, progress, b);
  }
}
