package org.hotplugchecker.checker.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.ShapePremise;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;

/**
 * Checks every property on every topology class within the bounds, for each chosen
 * arch and kernel, with the explicit explorer (one thread per exploration, explorations
 * in parallel): by default one exploration per machine shape ({@link ShapeSweep}), or
 * with {@link SweepOptions.Method#CLASSES} one per class. Finished checks are appended to the results file as they complete and a
 * rerun with the same file checks only what is missing. The report does not depend on
 * the number of workers or on completion order.
 */
public final class SweepRunner {
  /** Classes queued ahead of the workers: enough to keep them busy, few in memory. */
  private static final int QUEUE_PER_WORKER = 4;

  /** A sweep that could not complete (an exploration failed or the file broke). */
  public static final class SweepException extends RuntimeException {
    /** A failure with its cause (may be null). */
    public SweepException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final RuleSet rules;

  /** A runner of {@link HotplugRules#RULES}, the table every {@link HotplugModel} runs. */
  public SweepRunner() {
    this(HotplugRules.RULES);
  }

  /**
   * A runner that checks the shape method's premise ({@link ShapePremise}) on {@code rules}
   * instead: tests give a mutated table to see the method refuse it.
   */
  SweepRunner(RuleSet rules) {
    this.rules = rules;
  }

  /**
   * Why {@code options} cannot be swept as asked on a distributed backend, one line, or
   * empty: with a user invariant that the shape method cannot justify ({@link
   * SweepProperties#shapesOff}) the sweep explores every class on its own, which only runs
   * on this machine's threads. On threads nothing is refused: the reduction is switched off
   * for the run instead ({@link #effective}).
   */
  public static Optional<String> refusal(SweepOptions options, boolean distributed) {
    if (!distributed || options.method() != SweepOptions.Method.SHAPES) {
      return Optional.empty();
    }
    return options.properties().shapesOff().map(why -> why + ", so the sweep must explore"
        + " every class on its own, which runs on this machine's threads only: drop --spark");
  }

  /**
   * The options actually run: the shape method switched to one exploration per class when
   * a user invariant needs it ({@link SweepProperties#shapesOff}); the report says why.
   */
  public static SweepOptions effective(SweepOptions options) {
    if (options.method() == SweepOptions.Method.SHAPES
        && options.properties().shapesOff().isPresent()) {
      return options.withMethod(SweepOptions.Method.CLASSES);
    }
    return options;
  }

  /**
   * Enumerates the classes within {@code options.bounds()} and checks them all.
   *
   * @throws SweepException if the shape method's premise does not hold for the rule table
   */
  public SweepReport run(SweepOptions options) throws IOException {
    long start = System.nanoTime();
    List<CanonicalTopology> classes = new TopologyEnumerator(options.bounds()).classes();
    return run(options, classes, start);
  }

  /**
   * Like {@link #run(SweepOptions)}, with the explorations run by {@code backend} (which
   * stays open); the report's workers are the backend's. The report is the same whatever
   * the backend, apart from timing and workers.
   *
   * @throws IllegalArgumentException for {@link SweepOptions.Method#CLASSES}, which only
   *     runs on this JVM's threads
   */
  public SweepReport run(SweepOptions options, SweepBackend backend) throws IOException {
    if (options.method() != SweepOptions.Method.SHAPES) {
      throw new IllegalArgumentException("--per-class runs on this machine's threads only");
    }
    refusal(options, true).ifPresent(why -> {
      throw new IllegalArgumentException(why);
    });
    long start = System.nanoTime();
    List<CanonicalTopology> classes = new TopologyEnumerator(options.bounds()).classes();
    return shapes(options.withWorkers(backend.workers()), classes, start, backend);
  }

  /** Checks exactly {@code classes} (e.g. a subset chosen by a test). */
  public SweepReport run(SweepOptions options, List<CanonicalTopology> classes)
      throws IOException {
    return run(options, classes, System.nanoTime());
  }

  private SweepReport run(SweepOptions asked, List<CanonicalTopology> classes, long start)
      throws IOException {
    SweepOptions options = effective(asked);
    List<String> properties = options.properties().names();
    if (options.method() == SweepOptions.Method.SHAPES) {
      try (ThreadSweepBackend threads = new ThreadSweepBackend(options.workers())) {
        return shapes(options, classes, start, threads);
      }
    }
    Map<String, PropertySweep[]> sweeps = new LinkedHashMap<>();
    List<SweepReport.ArchKernel> runs = new ArrayList<>();
    for (Arch arch : options.arches()) {
      for (Kernel kernel : options.kernels()) {
        PropertySweep[] ps = properties.stream().map(PropertySweep::new)
            .toArray(PropertySweep[]::new);
        sweeps.put(runKey(arch, kernel), ps);
        runs.add(new SweepReport.ArchKernel(arch, kernel, List.of(ps)));
      }
    }
    Map<String, String> previous = options.resultsFile().isPresent()
        ? SweepResultsFile.readPacked(options.resultsFile().get(), options.properties())
        : Map.of();
    long checksPerClass = (long) options.arches().size() * options.kernels().size();
    ProgressBar bar = new ProgressBar(options.progress().orElse(null),
        checksPerClass * classes.size());
    AtomicLong explored = new AtomicLong();
    AtomicLong reused = new AtomicLong();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    SweepResultsFile file = options.resultsFile().isPresent()
        ? SweepResultsFile.openForAppend(options.resultsFile().get()) : null;
    ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
      Thread t = new Thread(r, "sweep-worker");
      t.setDaemon(true);
      return t;
    });
    Semaphore queue = new Semaphore(options.workers() * QUEUE_PER_WORKER);
    long limit = options.timeLimit().map(Duration::toNanos).orElse(0L);
    int started = 0;
    try {
      for (CanonicalTopology topology : classes) {
        if (failure.get() != null
            || (options.timeLimit().isPresent() && System.nanoTime() - start >= limit)) {
          // Classes start smallest first, so what was checked is a prefix of the list.
          break;
        }
        started++;
        queue.acquireUninterruptibly();
        pool.execute(() -> {
          try {
            int fresh = checkClass(topology, options, properties, previous, sweeps, file,
                explored, reused);
            bar.advance(fresh, checksPerClass - fresh);
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          } finally {
            queue.release();
          }
        });
      }
      pool.shutdown();
      while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
        // keep waiting: every queued class finishes (or fails) on its own
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new SweepException("sweep interrupted", e);
    } finally {
      if (file != null) {
        file.close();
      }
    }
    bar.finish();
    Throwable t = failure.get();
    if (t != null) {
      throw new SweepException("sweep failed: " + t, t);
    }
    SmallestTraces.attach(runs, options.faults(), options.properties());
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new SweepReport(options, classes.size(), started, explored.get(), reused.get(),
        millis, runs, started == 0 ? Optional.empty()
            : Optional.of(classes.get(started - 1).key()), 0);
  }

  private SweepReport shapes(SweepOptions options, List<CanonicalTopology> classes,
      long start, SweepBackend backend) throws IOException {
    try {
      ShapePremise.HOTPLUG.require(rules);
    } catch (IllegalStateException e) {
      throw new SweepException(e.getMessage(), e);
    }
    List<String> properties = options.properties().names();
    Map<String, String> previous = options.resultsFile().isPresent()
        ? SweepResultsFile.readPacked(options.resultsFile().get(), options.properties())
        : Map.of();
    SweepResultsFile file = options.resultsFile().isPresent()
        ? SweepResultsFile.openForAppend(options.resultsFile().get()) : null;
    try {
      return new ShapeSweep(options, properties, previous, file, backend).run(classes, start);
    } finally {
      if (file != null) {
        file.close();
      }
    }
  }

  private static String runKey(Arch arch, Kernel kernel) {
    return arch.specName() + "|" + kernel.label();
  }

  /**
   * Checks one class on every arch and kernel not already in the results file; returns
   * how many checks were explored now.
   */
  private static int checkClass(CanonicalTopology topology, SweepOptions options,
      List<String> properties, Map<String, String> previous,
      Map<String, PropertySweep[]> sweeps, SweepResultsFile file, AtomicLong explored,
      AtomicLong reused) throws IOException {
    List<TopologyOutcome> fresh = new ArrayList<>();
    for (Arch arch : options.arches()) {
      for (Kernel kernel : options.kernels()) {
        String key = TopologyOutcome.key(topology.key(), arch, kernel, options.faults());
        String packed = previous.get(key);
        TopologyOutcome outcome;
        if (packed != null) {
          outcome = new TopologyOutcome(topology.key(), arch, kernel, options.faults(), 0, 0,
              0, SweepResultsFile.unpack(packed, properties));
          reused.incrementAndGet();
        } else {
          outcome = check(topology, arch, kernel, options);
          fresh.add(outcome);
          explored.incrementAndGet();
        }
        PropertySweep[] ps = sweeps.get(runKey(arch, kernel));
        for (int i = 0; i < properties.size(); i++) {
          String p = properties.get(i);
          ps[i].add(topology, outcome.verdict(p), outcome.length(p));
        }
      }
    }
    if (file != null && !fresh.isEmpty()) {
      file.append(fresh);
    }
    return fresh.size();
  }

  /** Explores one class on one arch and kernel with one thread. */
  static TopologyOutcome check(CanonicalTopology topology, Arch arch, Kernel kernel,
      SweepOptions options) {
    return new SweepRun(arch, kernel).check(topology, options.faults(), options.properties());
  }
}
