package org.hotplugchecker.checker.sweep;

import java.io.Serializable;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;

/**
 * One arch and kernel of a sweep, as its jobs see it: the one place where sweep jobs turn
 * the "kernel" dimension into a model, so that a kernel given some other way than a
 * {@link org.hotplugchecker.model.topology.KernelVariant} preset changes only this record.
 *
 * @param arch the arch
 * @param kernel the kernel variant
 */
public record SweepRun(Arch arch, org.hotplugchecker.model.topology.KernelVariant kernel)
    implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Validates. */
  public SweepRun {
    java.util.Objects.requireNonNull(arch, "arch");
    java.util.Objects.requireNonNull(kernel, "kernel");
  }

  /** The model of one class on this arch and kernel. */
  HotplugModel classModel(CanonicalTopology c, Set<Fault> faults) {
    return new HotplugModel(c.toTopology(arch, kernel, faults));
  }

  /** The skeleton model of a machine shape, started from each member's boot state. */
  HotplugModel shapeModel(ShapeGroup shape, Set<Fault> faults) {
    return shape.model(arch, kernel, faults);
  }

  /** The results-file record of an exploration of {@code key} on this arch and kernel. */
  TopologyOutcome outcome(String key, Set<Fault> faults, CheckResult r) {
    return TopologyOutcome.of(key, arch, kernel, faults, r);
  }

  /** The results-file key of {@code key} on this arch and kernel. */
  String recordKey(String key, Set<Fault> faults) {
    return TopologyOutcome.key(key, arch, kernel, faults);
  }

  @Override
  public String toString() {
    return arch.specName() + " " + kernel.specName();
  }
}
