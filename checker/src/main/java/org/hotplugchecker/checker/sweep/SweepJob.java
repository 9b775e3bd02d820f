package org.hotplugchecker.checker.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * One unit of a sweep's work: explorations of one machine shape or one class, whose
 * outcomes become results-file records. A job is deterministic and has no side effects (it
 * returns its outcomes, the sweep records them), so a backend may run it anywhere and run it
 * again after losing a worker without changing the report. Serializable, and small: a
 * machine shape travels as its key and is rebuilt by the worker.
 */
public interface SweepJob extends Serializable {
  /** Runs the explorations; the outcomes come in a fixed order for the job. */
  List<TopologyOutcome> run();

  /** A rough relative cost, for ordering and batching only (see {@link ShapeGroup#estimatedWork}). */
  double estimatedWork();
}
