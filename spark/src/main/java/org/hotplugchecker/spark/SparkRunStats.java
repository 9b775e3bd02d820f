package org.hotplugchecker.spark;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a {@link SparkSweepBackend}'s cluster did so far.
 *
 * @param tasks tasks that succeeded (each recorded once)
 * @param tasksByExecutor per executor id ({@code driver} in local mode), the successful
 *     tasks it ran
 * @param rerun tasks whose successful attempt was not the first: an earlier attempt was
 *     lost with its executor or failed
 */
public record SparkRunStats(int tasks, Map<String, Integer> tasksByExecutor, int rerun) {
  public SparkRunStats {
    tasksByExecutor = java.util.Collections.unmodifiableMap(new TreeMap<>(tasksByExecutor));
  }

  /** The executors that ran a successful task. */
  public Set<String> executors() {
    return tasksByExecutor.keySet();
  }

  /** The executors that ran a successful task since {@code earlier} was taken. */
  public Set<String> executorsSince(SparkRunStats earlier) {
    Set<String> out = new java.util.TreeSet<>();
    tasksByExecutor.forEach((e, n) -> {
      if (n > earlier.tasksByExecutor().getOrDefault(e, 0)) {
        out.add(e);
      }
    });
    return out;
  }
}
