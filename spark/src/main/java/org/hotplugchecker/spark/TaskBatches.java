package org.hotplugchecker.spark;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.sweep.SweepJob;

/**
 * Cuts a sweep's job list into Spark tasks: a job whose estimated work is at least a
 * target share of the total is a task of its own, runs of lighter neighbours are batched
 * up to that target. The list's order (the sweep's priority order, heaviest shapes first)
 * is kept, so the heavy tasks are scheduled first and the batches of tiny shapes last.
 */
final class TaskBatches {
  /** Tasks per core the target aims at: enough to balance, few enough to be cheap. */
  static final int TASKS_PER_CORE = 8;
  /** At most this many jobs in one task, so one result stays small. */
  static final int MAX_JOBS_PER_TASK = 1_000;

  private TaskBatches() {}

  /** The tasks for {@code jobs} on a cluster of {@code cores} cores, in priority order. */
  static List<TaskBatch> of(List<? extends SweepJob> jobs, int cores) {
    double total = 0;
    for (SweepJob j : jobs) {
      total += j.estimatedWork();
    }
    double target = total / ((double) Math.max(1, cores) * TASKS_PER_CORE);
    List<TaskBatch> out = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    List<SweepJob> batch = new ArrayList<>();
    double work = 0;
    for (int i = 0; i < jobs.size(); i++) {
      SweepJob j = jobs.get(i);
      double w = j.estimatedWork();
      boolean alone = w >= target;
      if (!batch.isEmpty() && (alone || work + w > target
          || batch.size() >= MAX_JOBS_PER_TASK)) {
        out.add(new TaskBatch(indexes, batch));
        indexes = new ArrayList<>();
        batch = new ArrayList<>();
        work = 0;
      }
      indexes.add(i);
      batch.add(j);
      work += w;
      if (alone) {
        out.add(new TaskBatch(indexes, batch));
        indexes = new ArrayList<>();
        batch = new ArrayList<>();
        work = 0;
      }
    }
    if (!batch.isEmpty()) {
      out.add(new TaskBatch(indexes, batch));
    }
    return out;
  }
}
