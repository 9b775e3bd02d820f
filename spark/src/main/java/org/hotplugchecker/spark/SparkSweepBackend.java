package org.hotplugchecker.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.hotplugchecker.checker.sweep.SweepBackend;
import org.hotplugchecker.checker.sweep.SweepJob;
import org.hotplugchecker.checker.sweep.SweepRunner;
import org.hotplugchecker.checker.sweep.TopologyOutcome;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Runs a sweep's jobs as Spark jobs: one Spark job per {@link #run} call, one task per
 * {@link TaskBatch}, heaviest first. Outcomes come back to the driver as each task
 * succeeds and go to the sweep's sink there (so the results file is written by the driver
 * only). Spark calls the result handler once per task that succeeds, so an attempt lost
 * with its executor is run again elsewhere and recorded once. Speculation stays off
 * ({@link SparkSettings}): it would run a long exploration twice for nothing.
 */
public final class SparkSweepBackend implements SweepBackend {
  private final JavaSparkContext spark;
  private volatile TaskHook hook;
  private final AtomicInteger jobGroups = new AtomicInteger();
  private final Map<String, Integer> tasksByExecutor = new TreeMap<>();
  private int tasks;
  private int rerun;

  /** Starts a Spark context with {@code conf} (see {@link SparkSettings#conf}). */
  public SparkSweepBackend(SparkConf conf) {
    this(conf, TaskHook.NONE);
  }

  SparkSweepBackend(SparkConf conf, TaskHook hook) {
    this.spark = new JavaSparkContext(conf);
    this.hook = hook;
  }

  /** The Spark context, for tests that watch the cluster. */
  JavaSparkContext context() {
    return spark;
  }

  /** Sets the hook of the tasks of later runs (tests only). */
  void hook(TaskHook h) {
    this.hook = h;
  }

  /** The cores Spark schedules on now (its default parallelism). */
  @Override
  public int workers() {
    return spark.defaultParallelism();
  }

  @Override
  public void run(List<? extends SweepJob> jobs, OptionalLong deadline, JobSink sink)
      throws IOException {
    boolean late = deadline.isPresent() && System.nanoTime() - deadline.getAsLong() >= 0;
    if (jobs.isEmpty() || late) {
      return;
    }
    List<TaskBatch> batches = TaskBatches.of(jobs, spark.defaultParallelism());
    // One batch per partition, in order: Spark starts lower partitions first.
    JavaRDD<TaskBatch> rdd = spark.parallelize(batches, batches.size());
    String group = "hotplug-sweep-" + jobGroups.incrementAndGet();
    spark.setJobGroup(group, "hotplug-checker sweep: " + jobs.size() + " jobs in "
        + batches.size() + " tasks", true);
    AtomicBoolean timedOut = new AtomicBoolean();
    ScheduledExecutorService timer = null;
    if (deadline.isPresent()) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sweep-deadline");
        t.setDaemon(true);
        return t;
      });
      // Again every second: a cancel that comes before the job is submitted is lost.
      timer.scheduleWithFixedDelay(() -> {
        timedOut.set(true);
        spark.cancelJobGroup(group);
      }, Math.max(0, deadline.getAsLong() - System.nanoTime()), TimeUnit.SECONDS.toNanos(1),
          TimeUnit.NANOSECONDS);
    }
    IOException[] sinkFailure = new IOException[1];
    List<Object> partitions = new ArrayList<>();
    for (int p = 0; p < batches.size(); p++) {
      partitions.add(p);
    }
    ClassTag<TaskOutcome> tag = ClassTag$.MODULE$.apply(TaskOutcome.class);
    try {
      spark.sc().runJob(rdd.rdd(), new RunBatch(hook),
          CollectionConverters.asScala(partitions).toSeq(),
          (Object partition, TaskOutcome outcome) -> {
            record(outcome, sink, sinkFailure, group);
            return BoxedUnit.UNIT;
          }, tag);
    } catch (Exception e) {
      // Java sees Spark's SparkException as unchecked.
      if (sinkFailure[0] != null) {
        throw sinkFailure[0];
      }
      if (!timedOut.get()) {
        throw new SweepRunner.SweepException("sweep failed on Spark: " + rootMessage(e), e);
      }
      // The time limit cancelled the job: what finished before is recorded, the rest is not.
    } finally {
      if (timer != null) {
        timer.shutdownNow();
      }
      spark.clearJobGroup();
    }
    if (sinkFailure[0] != null) {
      throw sinkFailure[0];
    }
  }

  /** On the driver, once per successful task (Spark's result handler). */
  private void record(TaskOutcome outcome, JobSink sink, IOException[] sinkFailure,
      String group) {
    synchronized (this) {
      tasks++;
      tasksByExecutor.merge(outcome.executor(), 1, Integer::sum);
      if (outcome.attempt() > 0) {
        rerun++;
      }
    }
    if (sinkFailure[0] != null) {
      return;
    }
    try {
      for (int i = 0; i < outcome.indexes().size(); i++) {
        List<TopologyOutcome> o = outcome.outcomes().get(i);
        sink.finished(outcome.indexes().get(i), o);
      }
    } catch (IOException e) {
      sinkFailure[0] = e;
      spark.cancelJobGroup(group);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return t == e ? m : m + " (" + t + ")";
  }

  /** What the cluster did so far. */
  public synchronized SparkRunStats stats() {
    return new SparkRunStats(tasks, tasksByExecutor, rerun);
  }

  @Override
  public void close() {
    spark.stop();
  }

  @Override
  public String toString() {
    SparkRunStats s = stats();
    return "Spark " + spark.master() + ": " + s.tasks() + " tasks on " + s.executors().size()
        + " executors" + (s.rerun() > 0 ? " (" + s.rerun() + " run again after a lost or"
        + " failed attempt)" : "");
  }
}
