package org.hotplugchecker.model.topology;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A bounded machine shape plus the kernel behaviour to check on it. Immutable and
 * validated on construction: an invalid topology never reaches an engine.
 */
public final class Topology {
  /** Distance of a node to itself when not given. */
  public static final int LOCAL_DISTANCE = 10;
  /** Distance between two different nodes when not given. */
  public static final int REMOTE_DISTANCE = 20;
  /** The largest distance ACPI SLIT allows (255 means unreachable). */
  public static final int MAX_DISTANCE = 255;

  private final Arch arch;
  private final Kernel kernel;
  private final int nodes;
  private final int[][] distance;
  private final ImmutableList<Component> cpus;
  private final ImmutableList<Component> memory;
  private final ImmutableSet<Fault> faults;

  private Topology(Arch arch, Kernel kernel, int nodes, int[][] distance,
      List<Component> cpus, List<Component> memory, Set<Fault> faults) {
    this.arch = arch;
    this.kernel = kernel;
    this.nodes = nodes;
    this.distance = distance;
    this.cpus = ImmutableList.copyOf(cpus);
    this.memory = ImmutableList.copyOf(memory);
    this.faults = ImmutableSet.copyOf(faults);
  }

  /**
   * Builds and validates a topology.
   *
   * @param distance {@code nodes x nodes} matrix, or {@code null} for the default
   * @throws TopologyException naming the first offending field
   */
  public static Topology of(Arch arch, KernelVariant kernel, int nodes, int[][] distance,
      List<Component> cpus, List<Component> memory, Set<Fault> faults) {
    return of(arch, kernel == null ? null : kernel.kernel(), nodes, distance, cpus, memory,
        faults);
  }

  /**
   * Builds and validates a topology whose kernel is given by its knobs.
   *
   * @param distance {@code nodes x nodes} matrix, or {@code null} for the default; as in
   *     ACPI SLIT, 10 on the diagonal and 11..255 elsewhere, not necessarily symmetric
   * @throws TopologyException naming the first offending field
   */
  public static Topology of(Arch arch, Kernel kernel, int nodes, int[][] distance,
      List<Component> cpus, List<Component> memory, Set<Fault> faults) {
    if (arch == null) {
      throw new TopologyException("arch", "arch is required");
    }
    if (kernel == null) {
      throw new TopologyException("kernel", "kernel is required");
    }
    if (nodes < 1) {
      throw new TopologyException("nodes", "nodes must be at least 1, got " + nodes);
    }
    if (nodes > 16) {
      throw new TopologyException("nodes", "nodes must be at most 16, got " + nodes);
    }
    int[][] dist = distance == null ? defaultDistance(nodes) : copyDistance(distance, nodes);
    validateComponents("cpus", cpus, nodes);
    validateComponents("memory", memory, nodes);
    if (cpus.isEmpty()) {
      throw new TopologyException("cpus", "at least one CPU is required (CPU 0 must be boot)");
    }
    if (!cpus.get(0).boot()) {
      throw new TopologyException("cpus[0].boot", "CPU 0 must be boot");
    }
    if (cpus.size() > 16) {
      throw new TopologyException("cpus", "at most 16 CPUs are supported, got " + cpus.size());
    }
    if (memory.size() > 16) {
      throw new TopologyException("memory",
          "at most 16 memory blocks are supported, got " + memory.size());
    }
    return new Topology(arch, kernel, nodes, dist, cpus, memory,
        faults == null ? Set.of() : faults);
  }

  private static void validateComponents(String field, List<Component> list, int nodes) {
    for (int i = 0; i < list.size(); i++) {
      Component c = list.get(i);
      if (c.home() < 0 || c.home() >= nodes) {
        throw new TopologyException(field + "[" + i + "].home",
            "home node " + c.home() + " is out of range 0.." + (nodes - 1));
      }
      if (!c.hotplug() && !c.boot()) {
        throw new TopologyException(field + "[" + i + "].boot",
            "a component that is not hotplug must be boot");
      }
    }
  }

  private static int[][] defaultDistance(int nodes) {
    int[][] d = new int[nodes][nodes];
    for (int i = 0; i < nodes; i++) {
      for (int j = 0; j < nodes; j++) {
        d[i][j] = i == j ? LOCAL_DISTANCE : REMOTE_DISTANCE;
      }
    }
    return d;
  }

  private static int[][] copyDistance(int[][] distance, int nodes) {
    if (distance.length != nodes) {
      throw new TopologyException("distance",
          "distance must have " + nodes + " rows, got " + distance.length);
    }
    int[][] d = new int[nodes][];
    for (int i = 0; i < nodes; i++) {
      if (distance[i] == null || distance[i].length != nodes) {
        throw new TopologyException("distance[" + i + "]",
            "row must have " + nodes + " entries");
      }
      for (int j = 0; j < nodes; j++) {
        int v = distance[i][j];
        // ACPI SLIT, as the kernel checks it (slit_valid, numa_set_distance): a node is
        // at 10 from itself and strictly farther, at most 255, from any other node.
        if (i == j && v != LOCAL_DISTANCE) {
          throw new TopologyException("distance[" + i + "][" + j + "]",
              "a node's distance to itself must be " + LOCAL_DISTANCE + " (ACPI SLIT), got " + v);
        }
        if (i != j && (v <= LOCAL_DISTANCE || v > MAX_DISTANCE)) {
          throw new TopologyException("distance[" + i + "][" + j + "]",
              "the distance between two nodes must be " + (LOCAL_DISTANCE + 1) + ".."
                  + MAX_DISTANCE + " (ACPI SLIT), got " + v);
        }
      }
      d[i] = distance[i].clone();
    }
    return d;
  }

  /** Returns this topology with another kernel variant. */
  public Topology withKernel(KernelVariant other) {
    return withKernel(other.kernel());
  }

  /** Returns this topology with another kernel. */
  public Topology withKernel(Kernel other) {
    return new Topology(arch, other, nodes, distance, cpus, memory, faults);
  }

  /** Returns this topology with another arch. */
  public Topology withArch(Arch other) {
    return new Topology(other, kernel, nodes, distance, cpus, memory, faults);
  }

  public Arch arch() {
    return arch;
  }

  /** The kernel behaviour: its knob values, and the preset they equal, if any. */
  public Kernel kernel() {
    return kernel;
  }

  /** Number of possible nodes. */
  public int nodes() {
    return nodes;
  }

  /** {@code node_distance(a, b)}. */
  public int distance(int a, int b) {
    return distance[a][b];
  }

  /** A copy of the distance matrix. */
  public int[][] distanceMatrix() {
    int[][] d = new int[nodes][];
    for (int i = 0; i < nodes; i++) {
      d[i] = distance[i].clone();
    }
    return d;
  }

  /** Whether the distance matrix is the default one. */
  public boolean hasDefaultDistance() {
    return Arrays.deepEquals(distance, defaultDistance(nodes));
  }

  public ImmutableList<Component> cpus() {
    return cpus;
  }

  public ImmutableList<Component> memory() {
    return memory;
  }

  public ImmutableSet<Fault> faults() {
    return faults;
  }

  public boolean hasFault(Fault f) {
    return faults.contains(f);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Topology t && arch == t.arch && kernel.equals(t.kernel)
        && nodes == t.nodes
        && Arrays.deepEquals(distance, t.distance) && cpus.equals(t.cpus)
        && memory.equals(t.memory) && faults.equals(t.faults);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(arch, kernel, nodes, Arrays.deepHashCode(distance), cpus,
        memory, faults);
  }

  @Override
  public String toString() {
    return "Topology{arch=" + arch + ", kernel=" + kernel + ", nodes=" + nodes
        + ", cpus=" + cpus + ", memory=" + memory + ", faults=" + faults + "}";
  }
}
