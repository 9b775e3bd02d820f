package org.hotplugchecker.checker.sweep;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
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

  /**
   * Checks one class on this arch and kernel with one thread: its representative, or, when
   * the symmetry reduction is off for {@code properties} ({@link
   * SweepProperties#symmetryOff}), every labelled member ({@link ClassMembers}), combined:
   * violated at the shortest length if some member violates, else unknown if some member
   * is undecided, else holds if some member holds, else vacuous.
   */
  TopologyOutcome check(CanonicalTopology c, Set<Fault> faults, SweepProperties properties) {
    if (properties.symmetryOff().isEmpty()) {
      return outcome(c.key(), faults, properties, new ExplicitExplorer().explore(
          classModel(c, faults, properties), ExplorerOptions.defaults()));
    }
    long states = 0;
    long transitions = 0;
    long millis = 0;
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (ClassMembers.Member m : ClassMembers.of(c)) {
      TopologyOutcome o = outcome(c.key(), faults, properties, new ExplicitExplorer().explore(
          HotplugModel.checking(m.toTopology(arch, kernel, faults), properties.rules()),
          ExplorerOptions.defaults()));
      states += o.states();
      transitions += o.transitions();
      millis += o.millis();
      o.verdicts().forEach((p, v) -> verdicts.merge(p, v, SweepRun::worse));
    }
    return new TopologyOutcome(c.key(), arch, kernel, faults, states, transitions, millis,
        verdicts, properties.userSources());
  }

  /** The verdict of a class from two of its members' (see {@link #check}). */
  static String worse(String a, String b) {
    Verdict va = TopologyOutcome.verdictOf(a);
    Verdict vb = TopologyOutcome.verdictOf(b);
    if (va == Verdict.VIOLATED && vb == Verdict.VIOLATED) {
      return length(a) <= length(b) ? a : b;
    }
    for (Verdict v : List.of(Verdict.VIOLATED, Verdict.UNKNOWN, Verdict.HOLDS)) {
      if (va == v) {
        return a;
      }
      if (vb == v) {
        return b;
      }
    }
    return a;
  }

  private static int length(String violated) {
    int at = violated.indexOf('@');
    return at < 0 ? Integer.MAX_VALUE : Integer.parseInt(violated.substring(at + 1));
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
