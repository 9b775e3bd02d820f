package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * The representative of a machine shape's class under the renamings that provably do
 * not change any verdict or shortest-counterexample length, for every kernel variant
 * and both arches. Only the shape is represented (nodes, CPUs, blocks with their boot
 * and hotplug flags, default distances); arch, kernel and faults are chosen per run.
 *
 * <h2>The equivalence</h2>
 *
 * <p>Two shapes are equivalent when one becomes the other by renaming nodes with a
 * bijection σ, CPUs with π and blocks with ρ (each component keeping its flags, its home
 * node mapped by σ) such that
 *
 * <ol>
 *   <li>π(0) = 0: CPU 0 must be boot and {@code alt-numa-mem-id} allocates for
 *       {@code NUMA_NO_NODE} on {@code cpu_to_node(0)};
 *   <li>π keeps the relative order of the CPUs that are not present at boot: x86's
 *       {@code numa_init_array} deals them out round-robin in CPU index order (kept on
 *       {@code generic} too, so one class list serves both arches). This condition is
 *       conservative: no verdict that depends on it has been found, but it is not proven
 *       unnecessary, so topologies differing only there stay separate classes;
 *   <li>σ keeps the relative order of the <em>memory nodes</em> (home of some block):
 *       with default distances, the nearest node with online memory to {@code t} is
 *       {@code t} itself or else the lowest-indexed node with online memory, and only
 *       memory nodes ever have online memory;
 *   <li>σ keeps the relative order of the <em>boot-online nodes</em> (home of a boot CPU
 *       or boot block): x86 deals non-boot CPUs out over them in increasing index order;
 *   <li>ρ is arbitrary: blocks are only ever quantified over (guards, properties, the
 *       set of nodes with online memory).
 * </ol>
 *
 * <p>Nothing else in {@code MODEL.md} depends on an index order: node helpers,
 * guards and properties quantify over all CPUs, blocks or nodes, and default distances
 * are the same between any two distinct nodes. So the map that permutes every
 * node-, CPU- and block-indexed state variable (and maps {@code cpu_to_node} and link
 * values through σ) sends the boot state to the boot state, each action instance to
 * the renamed instance with the renamed successor, and every property's truth to
 * itself. The two transition systems are isomorphic, hence have the same reachable
 * states up to renaming, the same BFS distances, the same verdicts and the same
 * shortest-counterexample lengths. Renamings that break a condition can change them
 * (swapping two memory nodes changes which node serves a fallback allocation, and so
 * {@code alloc_local}); {@code TopologyEquivalenceTest} shows both sides.
 *
 * <h2>The representative</h2>
 *
 * <p>CPUs are listed as CPU 0, then the other boot CPUs sorted by (home, flags), then the
 * CPUs that are not present at boot in their original relative order; blocks are sorted
 * by (home, flags). Among all admissible σ, the representative is the one whose code
 * sequence is lexicographically smallest. Its {@link #key()} is a compact text such as
 * {@code 2n|c:0f,1a|m:0f,1r} (per component: home node, then {@code f} boot and fixed,
 * {@code r} boot and removable, {@code a} added later).
 */
public final class CanonicalTopology implements Comparable<CanonicalTopology>,
    java.io.Serializable {
  // Serializable so that distributed sweeps can ship classes to their workers.
  private static final long serialVersionUID = 1L;

  /** How a CPU or block exists: the two flags of a valid component. */
  public enum Presence {
    /** Present at boot, never removed ({@code boot, !hotplug}). */
    FIXED('f', true, false),
    /** Present at boot, can be hot-removed and re-added ({@code boot, hotplug}). */
    REMOVABLE('r', true, true),
    /** Absent at boot, can be hot-added ({@code !boot, hotplug}). */
    ADDED('a', false, true);

    private final char code;
    private final boolean boot;
    private final boolean hotplug;

    Presence(char code, boolean boot, boolean hotplug) {
      this.code = code;
      this.boot = boot;
      this.hotplug = hotplug;
    }

    public boolean boot() {
      return boot;
    }

    public boolean hotplug() {
      return hotplug;
    }

    /** The presence of a valid component. */
    public static Presence of(Component c) {
      if (!c.boot()) {
        return ADDED;
      }
      return c.hotplug() ? REMOVABLE : FIXED;
    }

    static Presence ofCode(int code) {
      return values()[code % KINDS];
    }
  }

  private static final int KINDS = 3;

  private final int nodes;
  /** Per CPU index: {@code home * 3 + presence}. */
  private final int[] cpus;
  /** Per block index: {@code home * 3 + presence}. */
  private final int[] blocks;
  private final String key;

  private CanonicalTopology(int nodes, int[] cpus, int[] blocks) {
    this.nodes = nodes;
    this.cpus = cpus;
    this.blocks = blocks;
    this.key = buildKey();
  }

  /**
   * The representative of {@code t}'s class. Arch, kernel and faults are ignored.
   *
   * @throws IllegalArgumentException if {@code t} has non-default distances, for which
   *     node renamings are not symmetries
   */
  public static CanonicalTopology of(Topology t) {
    if (!t.hasDefaultDistance()) {
      throw new IllegalArgumentException("topology classes assume default distances");
    }
    int[] cpus = t.cpus().stream().mapToInt(c -> code(c.home(), Presence.of(c))).toArray();
    int[] blocks = t.memory().stream().mapToInt(b -> code(b.home(), Presence.of(b))).toArray();
    return canonical(t.nodes(), cpus, blocks);
  }

  /**
   * The representative of the shape with {@code nodes} nodes and the given component
   * codes ({@code home * 3 + presence ordinal}, CPU 0 first).
   */
  static CanonicalTopology canonical(int nodes, int[] cpus, int[] blocks) {
    int[] best = smallestRenaming(nodes, cpus, blocks, null);
    return new CanonicalTopology(nodes, Arrays.copyOfRange(best, 0, cpus.length),
        Arrays.copyOfRange(best, cpus.length, best.length));
  }

  /** Wraps codes already known to be a representative (see {@link #isCanonical}). */
  static CanonicalTopology ofRepresentative(int nodes, int[] cpus, int[] blocks) {
    return new CanonicalTopology(nodes, cpus.clone(), blocks.clone());
  }

  /**
   * Whether the given component codes, CPUs already in representative layout, are the
   * representative of their class (used by the enumerator to emit each class once).
   */
  static boolean isCanonical(int nodes, int[] cpus, int[] blocks) {
    int[] layout = normalized(identity(nodes), cpus, blocks);
    int[] given = concat(cpus, blocks);
    if (!Arrays.equals(layout, given)) {
      return false;
    }
    return Arrays.equals(smallestRenaming(nodes, cpus, blocks, given), given);
  }

  /**
   * The lexicographically smallest normalized code sequence (CPUs then blocks) over all
   * admissible node renamings; stops early and returns something smaller than {@code
   * bound} as soon as one is found, when a bound is given.
   */
  private static int[] smallestRenaming(int nodes, int[] cpus, int[] blocks, int[] bound) {
    boolean[] memoryNode = new boolean[nodes];
    boolean[] bootNode = new boolean[nodes];
    for (int b : blocks) {
      memoryNode[b / KINDS] = true;
      if (Presence.ofCode(b).boot()) {
        bootNode[b / KINDS] = true;
      }
    }
    for (int c : cpus) {
      if (Presence.ofCode(c).boot()) {
        bootNode[c / KINDS] = true;
      }
    }
    int[][] best = {null};
    int[] sigma = new int[nodes];
    boolean[] used = new boolean[nodes];
    search(0, sigma, used, memoryNode, bootNode, cpus, blocks, best, bound);
    return best[0];
  }

  /** Backtracks over σ, keeping the memory-node and boot-node orders. */
  private static boolean search(int node, int[] sigma, boolean[] used, boolean[] memoryNode,
      boolean[] bootNode, int[] cpus, int[] blocks, int[][] best, int[] bound) {
    int nodes = sigma.length;
    if (node == nodes) {
      int[] candidate = normalized(sigma, cpus, blocks);
      if (best[0] == null || Arrays.compare(candidate, best[0]) < 0) {
        best[0] = candidate;
      }
      return bound != null && Arrays.compare(candidate, bound) < 0;
    }
    int lowest = 0;
    for (int earlier = 0; earlier < node; earlier++) {
      boolean sameOrder = (memoryNode[node] && memoryNode[earlier])
          || (bootNode[node] && bootNode[earlier]);
      if (sameOrder) {
        lowest = Math.max(lowest, sigma[earlier] + 1);
      }
    }
    for (int target = lowest; target < nodes; target++) {
      if (used[target]) {
        continue;
      }
      sigma[node] = target;
      used[target] = true;
      boolean stop = search(node + 1, sigma, used, memoryNode, bootNode, cpus, blocks, best,
          bound);
      used[target] = false;
      if (stop) {
        return true;
      }
    }
    return false;
  }

  /**
   * Renames homes by σ and lays components out as the representative does: CPU 0, other
   * boot CPUs sorted, CPUs added later in order; blocks sorted.
   */
  private static int[] normalized(int[] sigma, int[] cpus, int[] blocks) {
    int[] out = new int[cpus.length + blocks.length];
    out[0] = rename(sigma, cpus[0]);
    int bootEnd = 1;
    for (int i = 1; i < cpus.length; i++) {
      if (Presence.ofCode(cpus[i]).boot()) {
        out[bootEnd++] = rename(sigma, cpus[i]);
      }
    }
    Arrays.sort(out, 1, bootEnd);
    int next = bootEnd;
    for (int i = 1; i < cpus.length; i++) {
      if (!Presence.ofCode(cpus[i]).boot()) {
        out[next++] = rename(sigma, cpus[i]);
      }
    }
    for (int b : blocks) {
      out[next++] = rename(sigma, b);
    }
    Arrays.sort(out, cpus.length, out.length);
    return out;
  }

  private static int rename(int[] sigma, int code) {
    return sigma[code / KINDS] * KINDS + code % KINDS;
  }

  private static int[] identity(int nodes) {
    int[] id = new int[nodes];
    for (int i = 0; i < nodes; i++) {
      id[i] = i;
    }
    return id;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static int code(int home, Presence p) {
    return home * KINDS + p.ordinal();
  }

  private String buildKey() {
    StringBuilder sb = new StringBuilder().append(nodes).append("n|c:");
    appendComponents(sb, cpus);
    sb.append("|m:");
    appendComponents(sb, blocks);
    return sb.toString();
  }

  private static void appendComponents(StringBuilder sb, int[] codes) {
    for (int i = 0; i < codes.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(codes[i] / KINDS).append(Presence.ofCode(codes[i]).code);
    }
  }

  /** Number of possible nodes. */
  public int nodes() {
    return nodes;
  }

  /** Number of possible CPUs. */
  public int cpus() {
    return cpus.length;
  }

  /** Number of memory blocks. */
  public int blocks() {
    return blocks.length;
  }

  /** Number of CPUs whose firmware node is {@code node}. */
  public int cpusOn(int node) {
    return (int) Arrays.stream(cpus).filter(c -> c / KINDS == node).count();
  }

  /** Number of blocks whose firmware node is {@code node}. */
  public int blocksOn(int node) {
    return (int) Arrays.stream(blocks).filter(b -> b / KINDS == node).count();
  }

  /** The representative's CPUs, CPU 0 first. */
  public List<Component> cpuList() {
    return components(cpus);
  }

  /** The representative's memory blocks. */
  public List<Component> blockList() {
    return components(blocks);
  }

  private static List<Component> components(int[] codes) {
    List<Component> out = new ArrayList<>(codes.length);
    for (int c : codes) {
      Presence p = Presence.ofCode(c);
      out.add(new Component(c / KINDS, p.boot(), p.hotplug()));
    }
    return out;
  }

  /** The representative as a checkable topology with default distances. */
  public Topology toTopology(Arch arch, KernelVariant kernel, Set<Fault> faults) {
    return toTopology(arch, kernel.kernel(), faults);
  }

  /** The representative as a checkable topology with default distances, on any knob set. */
  public Topology toTopology(Arch arch, org.hotplugchecker.model.topology.Kernel kernel,
      Set<Fault> faults) {
    return Topology.of(arch, kernel, nodes, null, cpuList(), blockList(), faults);
  }

  /**
   * The class's stable name, e.g. {@code 2n|c:0f,1a|m:0f,1r}; equal keys mean equal
   * classes, independent of any sweep bounds.
   */
  public String key() {
    return key;
  }

  /**
   * Smallest first: fewer nodes, then fewer CPUs, then fewer blocks, then by key (so
   * the order is total and deterministic).
   */
  @Override
  public int compareTo(CanonicalTopology o) {
    int c = Integer.compare(nodes, o.nodes);
    if (c == 0) {
      c = Integer.compare(cpus.length, o.cpus.length);
    }
    if (c == 0) {
      c = Integer.compare(blocks.length, o.blocks.length);
    }
    return c != 0 ? c : key.compareTo(o.key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanonicalTopology t && key.equals(t.key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return key;
  }
}
