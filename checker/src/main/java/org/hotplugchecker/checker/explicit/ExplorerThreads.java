package org.hotplugchecker.checker.explicit;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The helper threads of all explorations in this JVM: a cached pool of daemon threads,
 * so that a run does not start (and a benchmark does not time) new threads each time,
 * and idle threads end by themselves after a minute. It holds no state of any run: a
 * run's {@link Crew} hands it one task per helper the run needs and, at the run's end,
 * waits until each of those tasks has let go of the run.
 */
final class ExplorerThreads {
  private ExplorerThreads() {}

  private static final class Holder {
    static final ExecutorService POOL = Executors.newCachedThreadPool(new ThreadFactory() {
      private final AtomicInteger count = new AtomicInteger();

      @Override
      public Thread newThread(Runnable r) {
        Thread t = new Thread(r, "explorer-worker-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
      }
    });
  }

  /** The shared pool (created on first use). */
  static ExecutorService pool() {
    return Holder.POOL;
  }
}
