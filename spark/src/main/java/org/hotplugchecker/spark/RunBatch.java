package org.hotplugchecker.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.hotplugchecker.checker.sweep.SweepJob;
import org.hotplugchecker.checker.sweep.TopologyOutcome;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction2;

/**
 * The function every Spark task runs on its executor: the jobs of its one
 * {@link TaskBatch}. It only computes and returns; the driver records the outcomes, so an
 * attempt that dies halfway leaves no trace and its rerun is the same computation.
 */
final class RunBatch extends AbstractFunction2<TaskContext, Iterator<TaskBatch>, TaskOutcome>
    implements Serializable {
  private static final long serialVersionUID = 1L;

  private final TaskHook hook;

  RunBatch(TaskHook hook) {
    this.hook = hook;
  }

  @Override
  public TaskOutcome apply(TaskContext context, Iterator<TaskBatch> batches) {
    hook.beforeTask(context.partitionId(), context.attemptNumber());
    List<Integer> indexes = new ArrayList<>();
    List<List<TopologyOutcome>> outcomes = new ArrayList<>();
    while (batches.hasNext()) {
      TaskBatch b = batches.next();
      indexes.addAll(b.indexes());
      for (SweepJob job : b.jobs()) {
        outcomes.add(job.run());
      }
    }
    return new TaskOutcome(indexes, outcomes, SparkEnv.get().executorId(),
        context.attemptNumber());
  }
}
