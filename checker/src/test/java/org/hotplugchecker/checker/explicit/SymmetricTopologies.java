package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;
import net.jqwik.api.Combinators;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * Small topologies built to contain interchangeable parts (repeated CPUs and blocks,
 * look-alike nodes), so that symmetry reduction has something to reduce; mixed with
 * arbitrary ones. Non-boot x86 CPUs, odd distance matrices and CPU 0 on any node are
 * included, since those are where an unsound reduction would show.
 */
final class SymmetricTopologies {
  private SymmetricTopologies() {}

  /** {@link #topologies()} for {@code @ForAll(supplier = SymmetricTopologies.Any.class)}. */
  static final class Any implements ArbitrarySupplier<Topology> {
    @Override
    public Arbitrary<Topology> get() {
      return topologies();
    }
  }

  static Arbitrary<Topology> topologies() {
    Arbitrary<Topology> repeated = Arbitraries.integers().between(1, 3).flatMap(nodes ->
        Combinators.combine(
            Arbitraries.of(Arch.values()),
            Arbitraries.of(KernelVariant.values()),
            group(nodes).list().ofMinSize(1).ofMaxSize(3),
            group(nodes).list().ofMinSize(0).ofMaxSize(3),
            Arbitraries.of(true, false),
            distances(nodes))
        .as((arch, kernel, cpuGroups, blockGroups, fault, distance) -> {
          List<Component> cpus = expand(cpuGroups, 4);
          List<Component> blocks = expand(blockGroups, 4);
          Component c0 = cpus.get(0);
          cpus.set(0, new Component(c0.home(), true, c0.hotplug()));
          return Topology.of(arch, kernel, nodes, distance, cpus, blocks,
              fault ? Set.of(Fault.ADD_MEMORY_FAILS) : Set.of());
        }));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, repeated),
        net.jqwik.api.Tuple.of(1, org.hotplugchecker.model.TopologyArbitraries.small()));
  }

  /** A component and how often it repeats. */
  private record Group(Component component, int copies) {}

  private static Arbitrary<Group> group(int nodes) {
    return Combinators.combine(
        Arbitraries.integers().between(0, nodes - 1),
        Arbitraries.of(true, false),
        Arbitraries.of(true, false),
        Arbitraries.integers().between(1, 3))
        .as((home, boot, hotplug, copies) ->
            new Group(new Component(home, boot || !hotplug, hotplug), copies));
  }

  private static List<Component> expand(List<Group> groups, int max) {
    List<Component> out = new ArrayList<>();
    for (Group g : groups) {
      for (int i = 0; i < g.copies() && out.size() < max; i++) {
        out.add(g.component());
      }
    }
    return out;
  }

  /** Default distances, or a symmetric matrix with few distinct values (ties likely). */
  private static Arbitrary<int[][]> distances(int nodes) {
    return TopologyArbitraries.distances(nodes, Arbitraries.of(15, 20, 30), 2);
  }
}
