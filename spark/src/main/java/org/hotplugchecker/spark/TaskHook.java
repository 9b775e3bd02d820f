package org.hotplugchecker.spark;

import java.io.Serializable;

/**
 * Runs on the executor before each task attempt's jobs. The sweep uses none; tests use
 * it to stall an attempt so that its executor can be killed while it runs.
 */
@FunctionalInterface
interface TaskHook extends Serializable {
  /** Does nothing. */
  TaskHook NONE = (partition, attempt) -> { };

  void beforeTask(int partition, int attempt);
}
