package org.hotplugchecker.model.rules.eval;

import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.KernelKnobs;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.Topology;

/**
 * What the rules may know of one topology and kernel, constant for a whole check: the
 * domains' sizes, the topology attributes by name, the knobs and the arch. Indices outside
 * an attribute's range read {@code -1} (int) or {@code 0} (bool), as for state variables.
 */
public final class TopologyFacts {
  private final Topology topology;
  private final PackedLayout.Sizes sizes;

  /** The facts of {@code topology}. */
  public TopologyFacts(Topology topology) {
    this.topology = topology;
    this.sizes = new PackedLayout.Sizes(topology.nodes(), topology.cpus().size(),
        topology.memory().size());
  }

  public Topology topology() {
    return topology;
  }

  public PackedLayout.Sizes sizes() {
    return sizes;
  }

  /** The size of {@code d}. */
  public int size(Domain d) {
    return sizes.of(d);
  }

  public Arch arch() {
    return topology.arch();
  }

  public Kernel kernel() {
    return topology.kernel();
  }

  /** Whether the kernel's knob {@code knob} has {@code value}. */
  public boolean knobIs(String knob, String value) {
    if (KernelKnobs.knob(knob) == null || KernelKnobs.knob(knob).indexOf(value) < 0) {
      throw new IllegalArgumentException("the rules test knob " + knob + " for value " + value
          + ", which KernelKnobs does not have");
    }
    return topology.kernel().is(knob, value);
  }

  /** What {@code attr} reads as outside its indices' range: {@code -1} for ints, 0 for bools. */
  static int outside(TopologyAttr attr) {
    return attr.type() == Type.BOOL ? 0 : -1;
  }

  /**
   * Every in-range value of {@code attr}, as {@link #value} gives it: {@code [i][j]}, with
   * one column for a one-index attribute.
   */
  int[][] values(TopologyAttr attr) {
    int rows = size(attr.indices().get(0));
    int cols = attr.indices().size() == 2 ? size(attr.indices().get(1)) : 1;
    int[][] out = new int[rows][cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i][j] = value(attr, i, j);
      }
    }
    return out;
  }

  /**
   * Attribute {@code attr} at {@code i} (and {@code j} for a two-index one): a boolean as
   * 0/1. Out of range: {@code -1} for ints, 0 for bools.
   */
  public int value(TopologyAttr attr, int i, int j) {
    int outside = outside(attr);
    if (i < 0 || i >= size(attr.indices().get(0))) {
      return outside;
    }
    if (attr.indices().size() == 2 && (j < 0 || j >= size(attr.indices().get(1)))) {
      return outside;
    }
    return switch (attr.name()) {
      case "cpu.home" -> topology.cpus().get(i).home();
      case "cpu.boot" -> bit(topology.cpus().get(i).boot());
      case "cpu.hotplug" -> bit(topology.cpus().get(i).hotplug());
      case "mem.home" -> topology.memory().get(i).home();
      case "mem.boot" -> bit(topology.memory().get(i).boot());
      case "mem.hotplug" -> bit(topology.memory().get(i).hotplug());
      case "distance" -> topology.distance(i, j);
      default -> throw new IllegalArgumentException("no topology attribute " + attr.name());
    };
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }

  /** The component of {@code d} at {@code i} ({@link Domain#CPUS} or {@link Domain#BLOCKS}). */
  public Component component(Domain d, int i) {
    return d == Domain.CPUS ? topology.cpus().get(i) : topology.memory().get(i);
  }
}
