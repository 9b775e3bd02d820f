package org.hotplugchecker.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.hotplugchecker.checker.sweep.SweepJob;
import org.hotplugchecker.checker.sweep.TopologyOutcome;

/** Cutting the job list into tasks keeps every job once, in order, heavy jobs alone. */
class TaskBatchesTest {
  /** A job that only has a weight. */
  record Weight(double work) implements SweepJob {
    @Override
    public List<TopologyOutcome> run() {
      return List.of();
    }

    @Override
    public double estimatedWork() {
      return work;
    }
  }

  @Property(tries = 300)
  void everyJobOnceInOrderWithHeavyJobsAlone(
      @ForAll @Size(max = 3000) List<@DoubleRange(min = 0, max = 1e9) Double> weights,
      @ForAll @IntRange(min = 1, max = 64) int cores) {
    List<SweepJob> jobs = new ArrayList<>();
    double total = 0;
    for (double w : weights) {
      jobs.add(new Weight(w));
      total += w;
    }
    double target = total / (cores * (double) TaskBatches.TASKS_PER_CORE);
    List<TaskBatch> tasks = TaskBatches.of(jobs, cores);
    List<Integer> seen = new ArrayList<>();
    for (TaskBatch t : tasks) {
      assertTrue(!t.jobs().isEmpty());
      assertTrue(t.jobs().size() <= TaskBatches.MAX_JOBS_PER_TASK);
      double work = 0;
      for (int i = 0; i < t.jobs().size(); i++) {
        assertEquals(jobs.get(t.indexes().get(i)), t.jobs().get(i));
        work += t.jobs().get(i).estimatedWork();
      }
      if (t.jobs().size() > 1) {
        // Batches hold light jobs only, and no more than the target in all.
        assertTrue(work <= target * (1 + 1e-9), work + " > " + target);
      }
      seen.addAll(t.indexes());
    }
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < jobs.size(); i++) {
      all.add(i);
    }
    assertEquals(all, seen);
    // No more tasks than jobs, and not many more than the target count plus the heavy ones.
    long heavy = weights.stream().filter(w -> w >= target).count();
    assertTrue(tasks.size() <= 2L * cores * TaskBatches.TASKS_PER_CORE + 2 * heavy
        + jobs.size() / TaskBatches.MAX_JOBS_PER_TASK + 1, tasks.size() + " tasks");
  }
}
