package org.hotplugchecker.checker.symbolic;

/**
 * Settings of {@link KInductionEngine}.
 *
 * @param maxK the largest induction depth tried; the base case covers counterexamples of
 *     up to {@code maxK - 1} steps
 * @param stepFailLimit Choco fail limit of one induction-step question (0: none); a step
 *     that hits it counts as not inductive at that depth, which is sound
 */
public record KInductionOptions(int maxK, long stepFailLimit) {
  /** Default fail limit of one induction step. */
  public static final long DEFAULT_STEP_FAIL_LIMIT = 500_000;

  public KInductionOptions {
    if (maxK < 1) {
      throw new IllegalArgumentException("maxK must be at least 1, got " + maxK);
    }
    if (stepFailLimit < 0) {
      throw new IllegalArgumentException("stepFailLimit must not be negative");
    }
  }

  /** Induction up to {@code maxK} with the default step limit. */
  public static KInductionOptions upTo(int maxK) {
    return new KInductionOptions(maxK, DEFAULT_STEP_FAIL_LIMIT);
  }
}
