package org.hotplugchecker.spark;

import java.io.Serializable;
import java.util.List;
import org.hotplugchecker.checker.sweep.SweepJob;

/**
 * The jobs one Spark task runs: a single heavy job, or several light ones batched so that
 * a task is worth its scheduling cost.
 *
 * @param indexes each job's index in the sweep's job list
 * @param jobs the jobs, in the same order
 */
record TaskBatch(List<Integer> indexes, List<SweepJob> jobs) implements Serializable {
  private static final long serialVersionUID = 1L;

  TaskBatch {
    indexes = List.copyOf(indexes);
    jobs = List.copyOf(jobs);
  }
}
