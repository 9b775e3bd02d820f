package org.hotplugchecker.checker.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;

/**
 * One arch and kernel of a sweep, as its jobs see it: the one place where sweep jobs turn
 * the "kernel" dimension into a model. The kernel is any knob set, a preset or not.
 *
 * @param arch the arch
 * @param kernel the kernel's knobs
 */
public record SweepRun(Arch arch, Kernel kernel) implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Validates. */
  public SweepRun {
    java.util.Objects.requireNonNull(arch, "arch");
    java.util.Objects.requireNonNull(kernel, "kernel");
  }

  /** The run of a preset. */
  public SweepRun(Arch arch, org.hotplugchecker.model.topology.KernelVariant preset) {
    this(arch, preset.kernel());
  }

  /** The model of one class on this arch and kernel, checking {@code properties}. */
  HotplugModel classModel(CanonicalTopology c, Set<Fault> faults, SweepProperties properties) {
    return HotplugModel.checking(c.toTopology(arch, kernel, faults), properties.rules());
  }

  /** The skeleton model of a machine shape, started from {@code starts}. */
  HotplugModel shapeModel(ShapeGroup shape, Set<Fault> faults, SweepProperties properties,
      List<long[]> starts) {
    return shape.model(arch, kernel, faults, properties, starts);
  }

  /** The results-file record of an exploration of {@code key} on this arch and kernel. */
  TopologyOutcome outcome(String key, Set<Fault> faults, SweepProperties properties,
      CheckResult r) {
    return TopologyOutcome.of(key, arch, kernel, faults, r).withInvariants(
        properties.userSources());
  }

  /** The results-file key of {@code key} on this arch and kernel. */
  String recordKey(String key, Set<Fault> faults) {
    return TopologyOutcome.key(key, arch, kernel, faults);
  }

  @Override
  public String toString() {
    return arch.specName() + " " + kernel.label();
  }
}
