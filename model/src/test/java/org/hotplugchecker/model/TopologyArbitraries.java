package org.hotplugchecker.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.rules.KernelKnobs;
import org.hotplugchecker.model.rules.Knob;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * jqwik generators of small valid topologies, shared by the property tests of every
 * module (model's test-jar). They shrink towards fewer nodes, CPUs and blocks, boot
 * components and the first kernel variant, so a failure reports a small machine.
 */
public final class TopologyArbitraries {
  private TopologyArbitraries() {}

  /** Topologies with up to 3 nodes, 3 CPUs and 3 blocks, any arch, kernel and faults. */
  public static Arbitrary<Topology> small() {
    return topologies(3, 3, 3);
  }

  /**
   * Machines on which hotplug happens: 2 or 3 nodes, 2 to 4 CPUs, 1 to 3 blocks, nine in
   * ten components hot-pluggable (half of them absent at boot), any arch, knob set,
   * distances and faults. {@link #small()} shrinks well but mostly makes machines with one
   * CPU, which no CPU action can change; these reach hundreds to tens of thousands of
   * states, with BFS levels wide enough to be split among workers.
   */
  public static Arbitrary<Topology> busy() {
    return Arbitraries.integers().between(2, 3).flatMap(nodes -> machines(nodes, kernels(),
        hotpluggable(nodes, 2, 4), hotpluggable(nodes, 1, 3)));
  }

  /** Components on random homes: 1 in 10 boot and fixed, else hot-pluggable, half at boot. */
  private static Arbitrary<List<Component>> hotpluggable(int nodes, int min, int max) {
    Arbitrary<Component> one = Combinators.combine(
        Arbitraries.integers().between(0, nodes - 1),
        Arbitraries.frequency(net.jqwik.api.Tuple.of(1, 0), net.jqwik.api.Tuple.of(9, 1),
            net.jqwik.api.Tuple.of(9, 2)))
        .as((home, kind) -> new Component(home, kind != 2, kind != 0));
    return one.list().ofMinSize(min).ofMaxSize(max);
  }

  /** Valid topologies within the given bounds (at least one node and one CPU). */
  public static Arbitrary<Topology> topologies(int maxNodes, int maxCpus, int maxBlocks) {
    return topologies(maxNodes, maxCpus, maxBlocks,
        Arbitraries.of(KernelVariant.values()).map(KernelVariant::kernel));
  }

  /**
   * As {@link #small()}, with any of the knob sets of {@code MODEL.md}'s "Kernel knobs"
   * (presets among them), not only the presets.
   */
  public static Arbitrary<Topology> smallWithKnobs() {
    return topologies(3, 3, 3, kernels());
  }

  /** Every combination of knob values, shrinking towards the first value of each knob. */
  public static Arbitrary<Kernel> kernels() {
    List<Arbitrary<String>> perKnob = new ArrayList<>();
    for (Knob k : KernelKnobs.KNOBS) {
      perKnob.add(Arbitraries.of(k.values()));
    }
    return Combinators.combine(perKnob).as(values -> {
      java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
      for (int i = 0; i < values.size(); i++) {
        m.put(KernelKnobs.KNOBS.get(i).name(), values.get(i));
      }
      return Kernel.of(m);
    });
  }

  /** Valid topologies within the given bounds with kernels from {@code kernels}. */
  public static Arbitrary<Topology> topologies(int maxNodes, int maxCpus, int maxBlocks,
      Arbitrary<Kernel> kernels) {
    return Arbitraries.integers().between(1, maxNodes).flatMap(nodes -> machines(nodes,
        kernels, components(nodes, 1, maxCpus), components(nodes, 0, maxBlocks)));
  }

  /**
   * Machines of {@code nodes} nodes with these CPUs (at least one) and blocks, any arch,
   * faults and distances.
   */
  private static Arbitrary<Topology> machines(int nodes, Arbitrary<Kernel> kernels,
      Arbitrary<List<Component>> cpuLists, Arbitrary<List<Component>> blockLists) {
    return Combinators.combine(
            Arbitraries.of(Arch.values()),
            kernels,
            cpuLists,
            blockLists,
            Arbitraries.of(true, false),
            distances(nodes))
        .as((arch, kernel, cpus, memory, fault, distance) -> {
          List<Component> fixedCpus = new ArrayList<>(cpus);
          Component cpu0 = fixedCpus.get(0);
          // CPU 0 must be boot; keep its other attributes.
          fixedCpus.set(0, new Component(cpu0.home(), true, cpu0.hotplug()));
          return Topology.of(arch, kernel, nodes, distance, fixedCpus, memory,
              fault ? Set.of(Fault.ADD_MEMORY_FAILS) : Set.of());
        });
  }

  /**
   * Valid topologies with default distances and 1..{@code maxNodes} nodes, where each node
   * is the home of at most {@code maxCpusPerNode} CPUs and {@code maxBlocksPerNode} blocks
   * (the bounds of a topology sweep), in any CPU and block order; any arch, kernel and
   * faults. CPU 0 is the first boot CPU of the shuffled list (made boot if none is).
   */
  public static Arbitrary<Topology> withinBounds(int maxNodes, int maxCpusPerNode,
      int maxBlocksPerNode) {
    return Arbitraries.integers().between(1, maxNodes).flatMap(nodes ->
        Combinators.combine(
            Arbitraries.of(Arch.values()),
            Arbitraries.of(KernelVariant.values()),
            perNode(nodes, maxCpusPerNode),
            perNode(nodes, maxBlocksPerNode),
            Arbitraries.of(false, true))
        .as((arch, kernel, cpus, memory, fault) -> {
          List<Component> fixedCpus = new ArrayList<>(cpus);
          if (fixedCpus.isEmpty()) {
            fixedCpus.add(new Component(0, true, false));
          }
          int firstBoot = 0;
          while (firstBoot < fixedCpus.size() && !fixedCpus.get(firstBoot).boot()) {
            firstBoot++;
          }
          if (firstBoot == fixedCpus.size()) {
            Component c = fixedCpus.get(0);
            fixedCpus.set(0, new Component(c.home(), true, c.hotplug()));
          } else {
            fixedCpus.add(0, fixedCpus.remove(firstBoot));
          }
          return Topology.of(arch, kernel, nodes, null, fixedCpus, memory,
              fault ? Set.of(Fault.ADD_MEMORY_FAILS) : Set.of());
        }));
  }

  /** Components, at most {@code max} per home node, in a random order. */
  private static Arbitrary<List<Component>> perNode(int nodes, int max) {
    Arbitrary<List<Component>> all = Arbitraries.just(new ArrayList<Component>());
    for (int n = 0; n < nodes; n++) {
      int home = n;
      Arbitrary<List<Component>> here = Combinators.combine(
          Arbitraries.of(true, false), Arbitraries.of(false, true))
          .as((boot, hotplug) -> new Component(home, boot || !hotplug, hotplug))
          .list().ofMinSize(0).ofMaxSize(max);
      all = Combinators.combine(all, here).as((a, b) -> {
        List<Component> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
      });
    }
    return all.flatMap(l -> l.isEmpty() ? Arbitraries.just(l) : Arbitraries.shuffle(l));
  }

  private static Arbitrary<List<Component>> components(int nodes, int min, int max) {
    Arbitrary<Component> one = Combinators.combine(
        Arbitraries.integers().between(0, nodes - 1),
        Arbitraries.of(true, false),
        Arbitraries.of(false, true))
        .as((home, boot, hotplug) -> new Component(home, boot || !hotplug, hotplug));
    return one.list().ofMinSize(min).ofMaxSize(max);
  }

  /** Mostly default distances, sometimes a random symmetric matrix (ties included). */
  private static Arbitrary<int[][]> distances(int nodes) {
    return distances(nodes, Arbitraries.integers().between(11, 40), 3);
  }

  /**
   * The default matrix ({@code null}) with weight {@code defaultWeight} against 1, else
   * a symmetric matrix with 10 on the diagonal and {@code remote} values elsewhere.
   */
  public static Arbitrary<int[][]> distances(int nodes, Arbitrary<Integer> remote,
      int defaultWeight) {
    Arbitrary<int[][]> random = remote.list().ofSize(nodes * nodes).map(values -> {
      int[][] d = new int[nodes][nodes];
      for (int i = 0; i < nodes; i++) {
        for (int j = 0; j < nodes; j++) {
          d[i][j] = i == j ? 10 : values.get(Math.min(i, j) * nodes + Math.max(i, j));
        }
      }
      return d;
    });
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(defaultWeight, Arbitraries.just((int[][]) null)),
        net.jqwik.api.Tuple.of(1, random));
  }
}
