package org.hotplugchecker.checker.symbolic;

import org.hotplugchecker.checker.Progress;

/**
 * Settings of {@link BmcEngine}.
 *
 * @param maxDepth the largest counterexample length searched (K)
 * @param proveByDiameter after each depth, ask whether a longer simple path exists; when
 *     none does, every reachable state has been checked and the remaining properties hold
 * @param diameterFailLimit Choco fail limit of each such question (0: none); when one hits
 *     it, the engine stops asking and only bounded answers remain
 * @param progress told after each depth is fully checked (states are reported as -1)
 */
public record BmcOptions(int maxDepth, boolean proveByDiameter, long diameterFailLimit,
    Progress progress) {
  /** Default fail limit of a recurrence-diameter question. */
  public static final long DEFAULT_DIAMETER_FAIL_LIMIT = 200_000;

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
  }

  /** Without progress reports. */
  public BmcOptions(int maxDepth, boolean proveByDiameter, long diameterFailLimit) {
    this(maxDepth, proveByDiameter, diameterFailLimit, Progress.NONE);
  }

  /** Depth {@code maxDepth} with the recurrence-diameter proof on. */
  public static BmcOptions depth(int maxDepth) {
    return new BmcOptions(maxDepth, true, DEFAULT_DIAMETER_FAIL_LIMIT);
  }

  /** These options without the recurrence-diameter proof (bounded answers only). */
  public BmcOptions withoutDiameterProof() {
    return new BmcOptions(maxDepth, false, diameterFailLimit, progress);
  }

  /** These options with a progress listener. */
  public BmcOptions withProgress(Progress p) {
    return new BmcOptions(maxDepth, proveByDiameter, diameterFailLimit, p);
  }
}
