package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.topology.Fault;

/**
 * Explores one machine shape's skeleton on some arches and kernels ({@link ShapeGroup}).
 * The shape travels as its key: a worker that did not get the sweep's class list (another
 * JVM) enumerates the shape's members from the key, which gives the same members in the
 * same order.
 */
final class ShapeJob implements SweepJob {
  private static final long serialVersionUID = 2L;

  private final String shapeKey;
  private final List<SweepRun> runs;
  private final Set<Fault> faults;
  private final SweepProperties properties;
  private final double work;
  /** The shape as the sweep built it; not shipped, so remote workers rebuild it. */
  private transient ShapeGroup shape;

  ShapeJob(ShapeGroup shape, List<SweepRun> runs, Set<Fault> faults,
      SweepProperties properties) {
    this.shapeKey = shape.key();
    this.runs = List.copyOf(runs);
    this.faults = Set.copyOf(faults);
    this.properties = properties;
    this.work = shape.estimatedWork() * runs.size();
    this.shape = shape;
  }

  /** The explorations this job runs, in the order of its outcomes. */
  List<SweepRun> runs() {
    return runs;
  }

  @Override
  public List<TopologyOutcome> run() {
    ShapeGroup s = shape != null ? shape : ShapeGroup.ofKey(shapeKey);
    // boot states are computed once per distinct input of the boot program, not per run
    ShapeStarts starts = new ShapeStarts(s, faults);
    List<TopologyOutcome> out = new ArrayList<>(runs.size());
    for (SweepRun r : runs) {
      List<long[]> st = starts.of(r.arch(), r.kernel());
      out.add(r.outcome(ShapeSweep.SHAPE_KEY_PREFIX + shapeKey, faults, properties,
          new ExplicitExplorer().explore(r.shapeModel(s, faults, properties, st),
              ExplorerOptions.defaults())));
    }
    return out;
  }

  @Override
  public double estimatedWork() {
    return work;
  }

  @Override
  public String toString() {
    return "shape " + shapeKey + " on " + runs;
  }
}
