package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.Topology;

/**
 * Every labelled topology of one class: what a sweep checks instead of the representative
 * alone when the symmetry reduction is off (a user invariant that tells renamed indices
 * apart, {@link SweepProperties#symmetryOff}). The members are the renamings of the
 * representative (nodes by any σ, CPUs other than CPU 0 and blocks by any permutation)
 * whose representative is the class's own, each once, the representative first.
 */
final class ClassMembers {
  private ClassMembers() {}

  /** One labelled member: node count and component lists, CPU 0 first. */
  record Member(int nodes, List<Component> cpus, List<Component> blocks) {
    /** The member as a checkable topology with default distances. */
    Topology toTopology(Arch arch, Kernel kernel, Set<Fault> faults) {
      return Topology.of(arch, kernel, nodes, null, cpus, blocks, faults);
    }
  }

  /** Every member of {@code c}'s class, the representative first, each once. */
  static List<Member> of(CanonicalTopology c) {
    int[] cpus = codes(c.cpuList());
    int[] blocks = codes(c.blockList());
    Map<String, Member> out = new LinkedHashMap<>();
    out.put(Arrays.toString(cpus) + Arrays.toString(blocks),
        new Member(c.nodes(), c.cpuList(), c.blockList()));
    List<int[]> cpuOrders = distinctPermutations(Arrays.copyOfRange(cpus, 1, cpus.length));
    List<int[]> blockOrders = distinctPermutations(blocks);
    for (int[] sigma : permutations(c.nodes())) {
      for (int[] rest : cpuOrders) {
        int[] cs = new int[cpus.length];
        if (cpus.length > 0) {
          cs[0] = rename(sigma, cpus[0]);
        }
        for (int i = 0; i < rest.length; i++) {
          cs[i + 1] = rename(sigma, rest[i]);
        }
        for (int[] bs0 : blockOrders) {
          int[] bs = new int[bs0.length];
          for (int i = 0; i < bs0.length; i++) {
            bs[i] = rename(sigma, bs0[i]);
          }
          String key = Arrays.toString(cs) + Arrays.toString(bs);
          if (!out.containsKey(key)
              && CanonicalTopology.canonical(c.nodes(), cs, bs).equals(c)) {
            out.put(key, new Member(c.nodes(), components(cs), components(bs)));
          }
        }
      }
    }
    return List.copyOf(out.values());
  }

  private static int[] codes(List<Component> components) {
    return components.stream()
        .mapToInt(x -> CanonicalTopology.code(x.home(), CanonicalTopology.Presence.of(x)))
        .toArray();
  }

  private static List<Component> components(int[] codes) {
    List<Component> out = new ArrayList<>(codes.length);
    for (int code : codes) {
      CanonicalTopology.Presence p = CanonicalTopology.Presence.ofCode(code);
      out.add(new Component(code / CanonicalTopology.Presence.values().length, p.boot(),
          p.hotplug()));
    }
    return out;
  }

  private static int rename(int[] sigma, int code) {
    int kinds = CanonicalTopology.Presence.values().length;
    return sigma[code / kinds] * kinds + code % kinds;
  }

  /** Every permutation of 0..n-1. */
  private static List<int[]> permutations(int n) {
    int[] identity = new int[n];
    for (int i = 0; i < n; i++) {
      identity[i] = i;
    }
    return distinctPermutations(identity);
  }

  /** Every distinct ordering of {@code values} (a multiset), in lexicographic order. */
  static List<int[]> distinctPermutations(int[] values) {
    int[] a = values.clone();
    Arrays.sort(a);
    List<int[]> out = new ArrayList<>();
    while (true) {
      out.add(a.clone());
      int i = a.length - 2;
      while (i >= 0 && a[i] >= a[i + 1]) {
        i--;
      }
      if (i < 0) {
        return out;
      }
      int j = a.length - 1;
      while (a[j] <= a[i]) {
        j--;
      }
      swap(a, i, j);
      for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
        swap(a, l, r);
      }
    }
  }

  private static void swap(int[] a, int i, int j) {
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
