package org.hotplugchecker.spark;

import java.io.Serializable;
import java.util.List;
import org.hotplugchecker.checker.sweep.TopologyOutcome;

/**
 * What one Spark task sends back to the driver.
 *
 * @param indexes the batch's job indexes
 * @param outcomes per job, what it returned
 * @param executor the executor that ran the successful attempt
 * @param attempt the successful attempt's number (0 unless earlier attempts were lost)
 */
record TaskOutcome(List<Integer> indexes, List<List<TopologyOutcome>> outcomes,
    String executor, int attempt) implements Serializable {
  private static final long serialVersionUID = 1L;
}
