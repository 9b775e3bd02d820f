package org.hotplugchecker.checker.explicit;

import org.hotplugchecker.checker.Progress;

/**
 * Settings of the explicit explorer.
 *
 * @param workers threads expanding each BFS level (results do not depend on it; values
 *     below 2 mean one thread, the caller's)
 * @param stopAtFirst stop after the level where the first violation is found
 * @param maxStates stop (incomplete) once this many states are stored; 0 for no limit
 * @param progress receives progress after each level and, within a long level, about once
 *     a second
 * @param symmetry explore one canonical representative per symmetry orbit (needs a
 *     {@link StateSymmetry} for the transition system, see {@link ExplicitExplorer})
 * @param fingerprintBits 0 to store states exactly; 64 or 128 to store only fingerprints of
 *     that width (less memory, a small probability of missing states, which is reported)
 * @param chunkStates with several workers, the most states of a level a worker takes on at
 *     a time; 0 for the explorer's own sizes (128 to 2048 states, and levels of up to 256
 *     states expanded by one thread). Results do not depend on it: small values make even
 *     a small level run on several threads, which the tests of the parallel path use.
 */
public record ExplorerOptions(int workers, boolean stopAtFirst, long maxStates,
    Progress progress, boolean symmetry, int fingerprintBits, int chunkStates) {

  /** Checks the fingerprint width; a missing progress listener means none. */
  public ExplorerOptions {
    if (fingerprintBits != 0 && fingerprintBits != 64 && fingerprintBits != 128) {
      throw new IllegalArgumentException("fingerprint width must be 64 or 128, got "
          + fingerprintBits);
    }
    if (chunkStates < 0) {
      throw new IllegalArgumentException("chunk size must be 0 (default) or positive, got "
          + chunkStates);
    }
    if (progress == null) {
      progress = Progress.NONE;
    }
  }

  /** Exact, unreduced settings (the shape before symmetry and fingerprints existed). */
  public ExplorerOptions(int workers, boolean stopAtFirst, long maxStates, Progress progress) {
    this(workers, stopAtFirst, maxStates, progress, false, 0, 0);
  }

  /** One worker, full exploration, no progress, exact storage, no reduction. */
  public static ExplorerOptions defaults() {
    return new ExplorerOptions(1, false, 0, Progress.NONE, false, 0, 0);
  }

  /** These options with {@code n} workers. */
  public ExplorerOptions withWorkers(int n) {
    return new ExplorerOptions(n, stopAtFirst, maxStates, progress, symmetry, fingerprintBits,
        chunkStates);
  }

  /** These options with stop-at-first set. */
  public ExplorerOptions withStopAtFirst(boolean stop) {
    return new ExplorerOptions(workers, stop, maxStates, progress, symmetry, fingerprintBits,
        chunkStates);
  }

  /** These options with a progress listener. */
  public ExplorerOptions withProgress(Progress p) {
    return new ExplorerOptions(workers, stopAtFirst, maxStates, p, symmetry, fingerprintBits,
        chunkStates);
  }

  /** These options with a state limit. */
  public ExplorerOptions withMaxStates(long limit) {
    return new ExplorerOptions(workers, stopAtFirst, limit, progress, symmetry, fingerprintBits,
        chunkStates);
  }

  /** These options with symmetry reduction on or off. */
  public ExplorerOptions withSymmetry(boolean on) {
    return new ExplorerOptions(workers, stopAtFirst, maxStates, progress, on, fingerprintBits,
        chunkStates);
  }

  /** These options with fingerprint storage of {@code bits} (0 = exact, 64 or 128). */
  public ExplorerOptions withFingerprintBits(int bits) {
    return new ExplorerOptions(workers, stopAtFirst, maxStates, progress, symmetry, bits,
        chunkStates);
  }

  /** These options with chunks of at most {@code states} states (0: the default sizes). */
  public ExplorerOptions withChunkStates(int states) {
    return new ExplorerOptions(workers, stopAtFirst, maxStates, progress, symmetry,
        fingerprintBits, states);
  }
}
