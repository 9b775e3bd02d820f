package org.hotplugchecker.checker.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The built-in backend: a fixed pool of threads of this JVM, one exploration per thread. */
public final class ThreadSweepBackend implements SweepBackend {
  /** Jobs queued per worker: enough to keep it busy, few enough to stop promptly. */
  private static final int QUEUE_PER_WORKER = 2;

  private final int workers;
  private final ExecutorService pool;
  private final Object sinkLock = new Object();

  /** A pool of {@code workers} daemon threads. */
  public ThreadSweepBackend(int workers) {
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
    }
    this.workers = workers;
    this.pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "sweep-worker");
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public int workers() {
    return workers;
  }

  @Override
  public void run(List<? extends SweepJob> jobs, OptionalLong deadline, JobSink sink)
      throws IOException {
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      if (deadline.isPresent() && System.nanoTime() - deadline.getAsLong() >= 0) {
        break;
      }
      SweepJob job = jobs.get(i);
      int index = i;
      futures.add(pool.submit(() -> {
        List<TopologyOutcome> outcomes = job.run();
        synchronized (sinkLock) {
          try {
            sink.finished(index, outcomes);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return null;
      }));
      throttle(futures, workers * QUEUE_PER_WORKER);
    }
    for (Future<?> f : futures) {
      await(f);
    }
  }

  /** Waits for the oldest unfinished jobs until fewer than {@code maxPending} are left. */
  private static void throttle(List<Future<?>> futures, int maxPending) throws IOException {
    long pending = futures.stream().filter(f -> !f.isDone()).count();
    for (Future<?> f : futures) {
      if (pending < maxPending) {
        return;
      }
      if (!f.isDone()) {
        await(f);
        pending--;
      }
    }
  }

  private static void await(Future<?> f) throws IOException {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SweepRunner.SweepException("sweep interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw new SweepRunner.SweepException("sweep failed: " + e.getCause(), e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }

  @Override
  public String toString() {
    return workers + " threads";
  }
}
