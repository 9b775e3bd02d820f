package org.hotplugchecker.checker.explicit;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One level's chunks: claimed by the helpers and the merging thread, done in any order,
 * taken by the merging thread in chunk order. A helper's failure is kept for the merging
 * thread to rethrow.
 */
final class LevelWork {
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicReferenceArray<Candidates> done;
  private final AtomicLongArray claimedAt;
  private final int chunks;
  private volatile Throwable failure;
  // Chunks below this are merged or no longer wanted; the merging thread takes them in order.
  private volatile int taken;
  /** The level and its chunks' bounds (chunk {@code c} is {@code [bounds[c], bounds[c + 1])}). */
  final Level level;
  final int[] bounds;
  /** No more work: the run is over. */
  static final LevelWork END = new LevelWork(null, new int[] {0});

  LevelWork(Level level, int[] bounds) {
    this.level = level;
    this.bounds = bounds;
    int chunks = bounds.length - 1;
    this.chunks = chunks;
    this.done = new AtomicReferenceArray<>(chunks);
    this.claimedAt = new AtomicLongArray(chunks);
  }

  /** Number of chunks. */
  int chunks() {
    return chunks;
  }

  /** The next unclaimed chunk, or -1. */
  int claim() {
    if (next.get() >= chunks) {
      return -1;
    }
    int c = next.getAndIncrement();
    if (c >= chunks) {
      return -1;
    }
    claimedAt.set(c, System.nanoTime());
    return c;
  }

  /** When chunk {@code c} was claimed ({@link System#nanoTime()}), or 0 if not yet. */
  long claimedAt(int c) {
    return claimedAt.get(c);
  }

  void done(int c, Candidates r) {
    done.set(c, r);
  }

  Candidates result(int c) {
    return done.get(c);
  }

  /** Whether chunk {@code c} is no longer wanted (taken, done by the merging thread). */
  boolean abandoned(int c) {
    return c < taken;
  }

  void take(int c) {
    taken = c + 1;
    done.set(c, null); // let the buffer go once merged
  }

  void fail(Throwable t) {
    failure = t;
    cancel();
  }

  void cancel() {
    taken = chunks;
    next.set(chunks);
  }

  void rethrowFailure() {
    Throwable t = failure;
    if (t instanceof Error err) {
      throw err;
    }
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }
}
