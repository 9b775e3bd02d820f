package org.hotplugchecker.checker.symbolic;

import org.hotplugchecker.checker.Progress;

/**
 * Settings of {@link KInductionEngine}.
 *
 * @param maxK the largest induction depth tried; the base case covers counterexamples of
 *     up to {@code maxK - 1} steps
 * @param stepFailLimit Choco fail limit of one induction-step question (0: none); a step
 *     that hits it counts as not inductive at that depth, which is sound
 * @param progress told after each induction depth is done (states are reported as -1)
 */
public record KInductionOptions(int maxK, long stepFailLimit, Progress progress) {
  /** Default fail limit of one induction step. */
  public static final long DEFAULT_STEP_FAIL_LIMIT = 500_000;

  /** Settings without progress reports. */
  public KInductionOptions(int maxK, long stepFailLimit) {
    this(maxK, stepFailLimit, Progress.NONE);
  }

  /** Validates; a null progress listener means none. */
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
  }

  /** Induction up to {@code maxK} with the default step limit. */
  public static KInductionOptions upTo(int maxK) {
    return new KInductionOptions(maxK, DEFAULT_STEP_FAIL_LIMIT);
  }

  /** These settings with a progress listener. */
  public KInductionOptions withProgress(Progress p) {
    return new KInductionOptions(maxK, stepFailLimit, p);
  }
}
