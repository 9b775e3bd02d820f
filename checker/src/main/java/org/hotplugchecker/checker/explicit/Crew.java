package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper threads of one search, borrowed from the shared pool ({@link
 * ExplorerThreads}) and started once: between levels they wait for the next level's
 * work (spinning briefly, as levels follow each other quickly, then parked), instead of
 * being handed a new task per level.
 */
final class Crew implements AutoCloseable {
  private static final int SPINS = 2_000;
  private static final long PARK_NANOS = 200_000;
  private final ChunkExpansion expansion;
  private volatile LevelWork published;
  private final List<Future<?>> tasks = new ArrayList<>();
  private final Queue<Thread> waiting = new ConcurrentLinkedQueue<>();

  /** A crew of {@code helpers} helpers expanding chunks with {@code expansion}. */
  Crew(ExecutorService pool, ChunkExpansion expansion, int helpers) {
    this.expansion = expansion;
    for (int h = 0; h < helpers; h++) {
      tasks.add(pool.submit(this::help));
    }
  }

  /** Hands {@code work} to the helpers (or {@link LevelWork#END} to let them go). */
  void publish(LevelWork work) {
    published = work;
    for (Thread t : waiting) {
      LockSupport.unpark(t);
    }
  }

  private void help() {
    waiting.add(Thread.currentThread());
    try {
      LevelWork seen = null;
      for (LevelWork w = next(null); w != LevelWork.END; w = next(seen)) {
        seen = w;
        try {
          for (int c = w.claim(); c >= 0; c = w.claim()) {
            Candidates r = expansion.expand(w.level, w.bounds[c], w.bounds[c + 1], false,
                w, c);
            if (w.abandoned(c)) {
              expansion.recycle(r); // the merging thread did it itself
            } else {
              w.done(c, r);
            }
          }
        } catch (Throwable t) {
          w.fail(t);
          return;
        }
      }
    } finally {
      waiting.remove(Thread.currentThread());
    }
  }

  /** The first published work other than {@code seen}. */
  private LevelWork next(LevelWork seen) {
    for (int spin = 0; ; spin++) {
      LevelWork w = published;
      if (w != seen && w != null) {
        return w;
      }
      if (Thread.currentThread().isInterrupted()) {
        return LevelWork.END;
      }
      if (spin < SPINS) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(PARK_NANOS);
      }
    }
  }

  /** Lets the helpers go. */
  @Override
  public void close() {
    publish(LevelWork.END);
    tasks.forEach(f -> f.cancel(false));
  }
}
