package org.hotplugchecker.checker.sweep;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where a sweep's explorations run: threads of this JVM ({@link ThreadSweepBackend}, the
 * default) or a cluster (the {@code hotplug-spark} module, found through
 * {@link SweepBackendFactory}). The sweep itself (which jobs, the results file, the report)
 * stays on the calling side; a backend only runs jobs and hands back their outcomes.
 */
public interface SweepBackend extends AutoCloseable {
  /** Receives the outcomes of finished jobs. */
  @FunctionalInterface
  interface JobSink {
    /**
     * Called once per finished job, never for two jobs at the same time.
     *
     * @param job the job's index in the list given to {@link #run}
     * @param outcomes what {@link SweepJob#run} returned
     */
    void finished(int job, List<TopologyOutcome> outcomes) throws IOException;
  }

  /** How many explorations run at once; the report gives it as the sweep's workers. */
  int workers();

  /**
   * Runs {@code jobs}, starting them in list order as far as the backend can (the list is
   * the sweep's priority order), and hands each finished job's outcomes to {@code sink}
   * exactly once. No job is started once {@code deadline} ({@link System#nanoTime}) has
   * passed; a job still running then is either finished or abandoned, and an abandoned job
   * is simply never handed to the sink. Returns when no job is running any more.
   *
   * @throws SweepRunner.SweepException if a job failed (after any retries the backend makes)
   * @throws IOException if the sink failed
   */
  void run(List<? extends SweepJob> jobs, OptionalLong deadline, JobSink sink)
      throws IOException;

  /** Releases threads or the cluster connection. */
  @Override
  void close();
}
