package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * Brute force over labelled topologies, written independently of {@link
 * CanonicalTopology}: every CPU and block list within the bounds, and renamings applied
 * component by component.
 */
final class Labelled {
  private Labelled() {}

  /** Every valid labelled topology within the bounds (v5.0, x86, no faults). */
  static List<Topology> all(SweepBounds bounds) {
    List<Topology> out = new ArrayList<>();
    for (int nodes = 1; nodes <= bounds.maxNodes(); nodes++) {
      List<List<Component>> cpuLists = sequences(nodes, bounds.maxCpusPerNode());
      List<List<Component>> blockLists = sequences(nodes, bounds.maxBlocksPerNode());
      for (List<Component> cpus : cpuLists) {
        if (cpus.isEmpty() || !cpus.get(0).boot()) {
          continue;
        }
        for (List<Component> blocks : blockLists) {
          out.add(Topology.of(Arch.X86, KernelVariant.V5_0, nodes, null, cpus, blocks,
              Set.of()));
        }
      }
    }
    return out;
  }

  /** Every ordered list of valid components with at most {@code max} per node. */
  static List<List<Component>> sequences(int nodes, int max) {
    List<Component> kinds = new ArrayList<>();
    for (int h = 0; h < nodes; h++) {
      kinds.add(new Component(h, true, false));
      kinds.add(new Component(h, true, true));
      kinds.add(new Component(h, false, true));
    }
    List<List<Component>> out = new ArrayList<>();
    extend(new ArrayList<>(), new int[nodes], max, kinds, out);
    return out;
  }

  private static void extend(List<Component> prefix, int[] used, int max,
      List<Component> kinds, List<List<Component>> out) {
    out.add(List.copyOf(prefix));
    for (Component k : kinds) {
      if (used[k.home()] < max) {
        used[k.home()]++;
        prefix.add(k);
        extend(prefix, used, max, kinds, out);
        prefix.remove(prefix.size() - 1);
        used[k.home()]--;
      }
    }
  }

  /** All permutations of 0..n-1. */
  static List<int[]> permutations(int n) {
    List<int[]> out = new ArrayList<>();
    permute(new int[n], new boolean[n], 0, out);
    return out;
  }

  private static void permute(int[] p, boolean[] used, int i, List<int[]> out) {
    if (i == p.length) {
      out.add(p.clone());
      return;
    }
    for (int v = 0; v < p.length; v++) {
      if (!used[v]) {
        used[v] = true;
        p[i] = v;
        permute(p, used, i + 1, out);
        used[v] = false;
      }
    }
  }

  /**
   * Whether renaming nodes by σ and CPUs by π keeps what the semantics depends on:
   * CPU 0, the order of CPUs absent at boot, the order of memory nodes and of boot-online
   * nodes (checked pair by pair).
   */
  static boolean admissible(Topology t, int[] sigma, int[] pi) {
    if (pi[0] != 0) {
      return false;
    }
    List<Component> cpus = t.cpus();
    for (int i = 0; i < cpus.size(); i++) {
      for (int j = i + 1; j < cpus.size(); j++) {
        if (!cpus.get(i).boot() && !cpus.get(j).boot() && pi[i] > pi[j]) {
          return false;
        }
      }
    }
    boolean[] memory = new boolean[t.nodes()];
    boolean[] boot = new boolean[t.nodes()];
    for (Component b : t.memory()) {
      memory[b.home()] = true;
      boot[b.home()] |= b.boot();
    }
    for (Component c : cpus) {
      boot[c.home()] |= c.boot();
    }
    for (int a = 0; a < t.nodes(); a++) {
      for (int b = a + 1; b < t.nodes(); b++) {
        boolean ordered = (memory[a] && memory[b]) || (boot[a] && boot[b]);
        if (ordered && sigma[a] > sigma[b]) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code t} with node n renamed σ(n), CPU i moved to π(i) and block j to ρ(j). */
  static Topology rename(Topology t, int[] sigma, int[] pi, int[] rho) {
    Component[] cpus = new Component[t.cpus().size()];
    for (int i = 0; i < cpus.length; i++) {
      Component c = t.cpus().get(i);
      cpus[pi[i]] = new Component(sigma[c.home()], c.boot(), c.hotplug());
    }
    Component[] blocks = new Component[t.memory().size()];
    for (int j = 0; j < blocks.length; j++) {
      Component b = t.memory().get(j);
      blocks[rho[j]] = new Component(sigma[b.home()], b.boot(), b.hotplug());
    }
    return Topology.of(t.arch(), t.kernel(), t.nodes(), null, List.of(cpus), List.of(blocks),
        t.faults());
  }

  /** A plain text of the labelled shape, for comparing and grouping. */
  static String text(Topology t) {
    StringBuilder sb = new StringBuilder().append(t.nodes()).append(':');
    for (Component c : t.cpus()) {
      sb.append(c.home()).append(c.boot() ? 'B' : '-').append(c.hotplug() ? 'H' : '-');
    }
    sb.append('/');
    for (Component b : t.memory()) {
      sb.append(b.home()).append(b.boot() ? 'B' : '-').append(b.hotplug() ? 'H' : '-');
    }
    return sb.toString();
  }

  /**
   * The class invariant by brute force: the smallest text over every admissible renaming
   * (all node, CPU and block permutations tried).
   */
  static String bruteForceClass(Topology t) {
    String best = null;
    List<int[]> rhos = permutations(t.memory().size());
    for (int[] sigma : permutations(t.nodes())) {
      for (int[] pi : permutations(t.cpus().size())) {
        if (!admissible(t, sigma, pi)) {
          continue;
        }
        for (int[] rho : rhos) {
          String s = text(rename(t, sigma, pi, rho));
          if (best == null || s.compareTo(best) < 0) {
            best = s;
          }
        }
      }
    }
    return best;
  }
}
