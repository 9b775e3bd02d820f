package org.hotplugchecker.checker.explicit;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * The helper threads of one search, borrowed from the shared pool ({@link
 * ExplorerThreads}) and kept for the whole search: between levels they wait for the next
 * level's work instead of being handed a task per level. They are started as levels need
 * them (never more than a level has chunks to share), and they park while there is no
 * work: only while the crew fits in the cores do they first spin briefly, since levels
 * follow each other quickly. {@link #close} waits until every helper has let go of the
 * search, so nothing of it stays reachable from a pool thread.
 */
final class Crew implements AutoCloseable {
  private static final int SPINS = 2_000;
  private final ExecutorService pool;
  private final ChunkExpansion expansion;
  private final int maxHelpers;
  private final int spins;
  private volatile LevelWork published;
  private final Queue<Thread> waiting = new ConcurrentLinkedQueue<>();
  private final Semaphore exited = new Semaphore(0);
  private int started;

  /**
   * A crew of up to {@code maxHelpers} helpers expanding chunks with {@code expansion};
   * none is started yet.
   */
  Crew(ExecutorService pool, ChunkExpansion expansion, int maxHelpers) {
    this.pool = pool;
    this.expansion = expansion;
    this.maxHelpers = maxHelpers;
    this.spins = maxHelpers < Runtime.getRuntime().availableProcessors() ? SPINS : 0;
  }

  /** Hands {@code work} to the helpers, starting more if its chunks can use them. */
  void publish(LevelWork work) {
    int wanted = Math.min(maxHelpers, work.chunks() - 1);
    while (started < wanted) {
      pool.execute(this::help);
      started++; // counted only once the pool has taken it: close() waits for it
    }
    release(work);
  }

  private void release(LevelWork work) {
    published = work;
    for (Thread t : waiting) {
      LockSupport.unpark(t);
    }
  }

  private void help() {
    // Registered before the first look at published, so no publication can be missed:
    // an unpark that comes before the park lets the park return at once.
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
      exited.release();
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
      if (spin < spins) {
        Thread.onSpinWait();
      } else {
        LockSupport.park(this);
      }
    }
  }

  /** Lets the helpers go and waits until each has stopped working for this search. */
  @Override
  public void close() {
    release(LevelWork.END);
    exited.acquireUninterruptibly(started);
  }
}
