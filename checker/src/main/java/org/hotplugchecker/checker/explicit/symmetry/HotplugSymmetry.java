package org.hotplugchecker.checker.explicit.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.checker.explicit.StateSymmetry;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.kernel.ActionKind;
import org.hotplugchecker.model.kernel.KernelAction;
import org.hotplugchecker.model.state.HotplugState;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Topology;

/**
 * The symmetries of a hotplug topology: renamings of nodes, CPUs and memory blocks that
 * the model cannot tell apart. Soundness first, so the group is deliberately small:
 *
 * <ul>
 *   <li>A CPU may only be swapped with a CPU of the same <em>class</em>: same
 *       {@code boot} and {@code hotplug}, home node mapped by the node renaming, and the
 *       same boot-time record ({@code present}, {@code online}, {@code cpu_to_node},
 *       link — node values renamed). The last part matters on x86, where
 *       {@code numa_init_array} gives not-yet-present CPUs their node round-robin by CPU
 *       index. CPU 0 is a class of its own: {@code alt-numa-mem-id} reads
 *       {@code cpu_to_node(0)} and CPU 0 is the boot CPU.
 *   <li>Blocks likewise: same {@code boot}, {@code hotplug}, home renamed.
 *   <li>A node renaming σ must keep every node's boot-time record (online, pgdat,
 *       registered), keep the distance matrix ({@code d(σa, σb) = d(a, b)}), and map the
 *       CPU and block classes onto classes of equal size. At most {@value #MAX_NODE_PERMS}
 *       renamings are used; with more, nodes are not permuted at all (a subgroup is
 *       always sound).
 * </ul>
 *
 * <p>Every such g fixes the boot state, maps enabled actions to enabled actions and
 * successors to successors (the kernel only compares node numbers for equality; the
 * distance-based search in {@code alloc_for_cpu} changes no state) and keeps the eight
 * state invariants, which only relate a component to its own home and node values.
 *
 * <p>{@code alloc_local} is the exception: its nearest-node search breaks distance ties
 * towards the lower node index, which a renaming does not preserve. Its verdict on
 * {@code g(s)} depends only on σ, though (CPU and block renamings just relabel), and is
 * the verdict on {@code s} with ties broken towards the lowest σ(n). So the explorer
 * checks it on one image per renaming σ (the witness elements), which covers the orbit.
 *
 * <p>Canonical form: for each renaming σ, move every record to its renamed place, sort
 * the records inside each class, and read the state as a vector (node records, then CPU
 * records, then block records); the representative is the σ with the smallest vector.
 * Sorting erases the within-class permutation, and minimising over the group erases σ,
 * so every member of an orbit gets the same representative.
 */
public final class HotplugSymmetry implements StateSymmetry {
  /** At most this many node renamings are enumerated (7!). */
  static final int MAX_NODE_PERMS = 5040;

  private final HotplugModel model;
  private final int nodes;
  private final int cpus;
  private final int blocks;
  private final int[][] sigma;          // [perm][node] -> node
  private final int[][] cpuMap;         // [perm][cpu] -> cpu (a full element per renaming)
  private final int[][] blockMap;       // [perm][block] -> block
  private final int[][] actionMap;      // [perm][action] -> action
  private final int[] cpuClassStart;    // CPUs sorted by class: members of class k are
  private final int[] cpuByClass;       //   cpuByClass[cpuClassStart[k] .. start[k+1])
  private final int[] blockClassStart;
  private final int[] blockByClass;
  private final int[][] cpuClassTarget;   // [perm][class] -> class
  private final int[][] blockClassTarget; // [perm][class] -> class
  private final int[] cpuClassOf;
  private final int[] blockClassOf;
  private final long order;
  private final String description;

  /** The symmetry group of {@code model}'s topology, fixing its boot state. */
  public HotplugSymmetry(HotplugModel model) {
    this.model = model;
    Topology t = model.topology();
    this.nodes = t.nodes();
    this.cpus = t.cpus().size();
    this.blocks = t.memory().size();
    HotplugState boot = model.view(model.initialStates().get(0));
    if (model.initialStates().size() != 1) {
      throw new IllegalArgumentException("symmetry needs a single boot state");
    }

    List<List<Integer>> cpuKeys = new ArrayList<>();
    for (int c = 0; c < cpus; c++) {
      Component cpu = t.cpus().get(c);
      cpuKeys.add(List.of(cpu.home(), cpu.boot() ? 1 : 0, cpu.hotplug() ? 1 : 0, c == 0 ? 1 : 0,
          boot.cpuPresent(c) ? 1 : 0, boot.cpuOnline(c) ? 1 : 0, boot.cpuToNode(c),
          boot.cpuLink(c)));
    }
    List<List<Integer>> blockKeys = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      Component block = t.memory().get(b);
      blockKeys.add(List.of(block.home(), block.boot() ? 1 : 0, block.hotplug() ? 1 : 0,
          boot.memPresent(b) ? 1 : 0, boot.memOnline(b) ? 1 : 0));
    }
    Classes cpuClasses = new Classes(cpuKeys);
    Classes blockClasses = new Classes(blockKeys);
    this.cpuClassOf = cpuClasses.classOf;
    this.blockClassOf = blockClasses.classOf;
    this.cpuClassStart = cpuClasses.start;
    this.cpuByClass = cpuClasses.members;
    this.blockClassStart = blockClasses.start;
    this.blockByClass = blockClasses.members;

    List<int[]> perms = nodeRenamings(t, boot, cpuClasses, blockClasses);
    int k = perms.size();
    sigma = perms.toArray(new int[0][]);
    cpuClassTarget = new int[k][];
    blockClassTarget = new int[k][];
    cpuMap = new int[k][];
    blockMap = new int[k][];
    actionMap = new int[k][];
    Map<KernelAction, Integer> actionIds = new HashMap<>();
    for (int a = 0; a < model.actionCount(); a++) {
      actionIds.put(model.action(a), a);
    }
    for (int p = 0; p < k; p++) {
      cpuClassTarget[p] = cpuClasses.targets(sigma[p], true);
      blockClassTarget[p] = blockClasses.targets(sigma[p], false);
      cpuMap[p] = cpuClasses.elementMap(cpuClassTarget[p]);
      blockMap[p] = blockClasses.elementMap(blockClassTarget[p]);
      actionMap[p] = new int[model.actionCount()];
      for (int a = 0; a < model.actionCount(); a++) {
        KernelAction ka = model.action(a);
        int[] map = ka.kind().target() == ActionKind.Target.CPU ? cpuMap[p] : blockMap[p];
        Integer id = actionIds.get(new KernelAction(ka.kind(), map[ka.index()]));
        if (id == null) {
          throw new IllegalStateException("renaming maps " + ka + " to no action");
        }
        actionMap[p][a] = id;
      }
    }
    long o = k;
    for (int c = 0; c + 1 < cpuClassStart.length; c++) {
      o = saturatingTimes(o, factorial(cpuClassStart[c + 1] - cpuClassStart[c]));
    }
    for (int c = 0; c + 1 < blockClassStart.length; c++) {
      o = saturatingTimes(o, factorial(blockClassStart[c + 1] - blockClassStart[c]));
    }
    this.order = o;
    this.description = k + " node renaming(s), CPU classes " + cpuClasses.sizes()
        + ", block classes " + blockClasses.sizes() + ", |G| = " + o;
  }

  /** Node renamings keeping boot-time node records, distances and class sizes. */
  private List<int[]> nodeRenamings(Topology t, HotplugState boot, Classes cpuClasses,
      Classes blockClasses) {
    // A node may only go where a node with the same boot record and the same components
    // lives: a necessary condition that prunes the search; the classes are checked exactly
    // for each complete renaming.
    String[] nodeKey = new String[nodes];
    for (int n = 0; n < nodes; n++) {
      List<String> parts = new ArrayList<>();
      for (int c = 0; c < cpus; c++) {
        if (t.cpus().get(c).home() == n) {
          Component cpu = t.cpus().get(c);
          parts.add("c" + cpu.boot() + cpu.hotplug() + (c == 0) + boot.cpuPresent(c)
              + boot.cpuOnline(c)
              + (boot.cpuToNode(c) == n) + (boot.cpuLink(c) == n));
        }
      }
      for (int b = 0; b < blocks; b++) {
        if (t.memory().get(b).home() == n) {
          Component block = t.memory().get(b);
          parts.add("b" + block.boot() + block.hotplug() + boot.memPresent(b)
              + boot.memOnline(b));
        }
      }
      java.util.Collections.sort(parts);
      nodeKey[n] = boot.nodeOnline(n) + "/" + boot.pgdat(n) + "/" + boot.nodeRegistered(n)
          + parts;
    }
    List<int[]> found = new ArrayList<>();
    int[] perm = new int[nodes];
    boolean[] used = new boolean[nodes];
    boolean complete = search(0, perm, used, nodeKey, t, found, cpuClasses, blockClasses);
    if (!complete) {
      int[] id = new int[nodes];
      for (int n = 0; n < nodes; n++) {
        id[n] = n;
      }
      return List.<int[]>of(id);
    }
    return found; // identity first: the search tries values in increasing order
  }

  private boolean search(int n, int[] perm, boolean[] used, String[] nodeKey, Topology t,
      List<int[]> found, Classes cpuClasses, Classes blockClasses) {
    if (n == nodes) {
      if (cpuClasses.targets(perm, true) != null && blockClasses.targets(perm, false) != null) {
        found.add(perm.clone());
      }
      return found.size() <= MAX_NODE_PERMS;
    }
    for (int m = 0; m < nodes; m++) {
      if (used[m] || !nodeKey[m].equals(nodeKey[n])) {
        continue;
      }
      boolean ok = t.distance(m, m) == t.distance(n, n);
      for (int j = 0; j < n && ok; j++) {
        ok = t.distance(perm[j], m) == t.distance(j, n) && t.distance(m, perm[j]) == t.distance(n, j);
      }
      if (!ok) {
        continue;
      }
      perm[n] = m;
      used[m] = true;
      boolean more = search(n + 1, perm, used, nodeKey, t, found, cpuClasses, blockClasses);
      used[m] = false;
      if (!more) {
        return false;
      }
    }
    return true;
  }

  /** Components grouped by key; keys whose first entry (and, for CPUs, 6th and 7th) are nodes. */
  private static final class Classes {
    final List<List<Integer>> keys = new ArrayList<>(); // per class
    final Map<List<Integer>, Integer> idOf = new LinkedHashMap<>();
    final int[] classOf;
    final int[] start;
    final int[] members;

    Classes(List<List<Integer>> componentKeys) {
      classOf = new int[componentKeys.size()];
      for (int i = 0; i < componentKeys.size(); i++) {
        List<Integer> key = componentKeys.get(i);
        Integer id = idOf.get(key);
        if (id == null) {
          id = keys.size();
          idOf.put(key, id);
          keys.add(key);
        }
        classOf[i] = id;
      }
      start = new int[keys.size() + 1];
      for (int c : classOf) {
        start[c + 1]++;
      }
      for (int k = 0; k < keys.size(); k++) {
        start[k + 1] += start[k];
      }
      members = new int[classOf.length];
      int[] fill = Arrays.copyOf(start, keys.size());
      for (int i = 0; i < classOf.length; i++) {
        members[fill[classOf[i]]++] = i; // increasing index within each class
      }
    }

    int size(int k) {
      return start[k + 1] - start[k];
    }

    List<Integer> sizes() {
      List<Integer> s = new ArrayList<>();
      for (int k = 0; k < keys.size(); k++) {
        s.add(size(k));
      }
      return s;
    }

    /** Class k's image under node renaming σ for each k, or null if some has none or a different size. */
    int[] targets(int[] sigma, boolean cpu) {
      int[] target = new int[keys.size()];
      for (int k = 0; k < keys.size(); k++) {
        List<Integer> key = new ArrayList<>(keys.get(k));
        key.set(0, sigma[key.get(0)]);
        if (cpu) {
          key.set(6, renamed(sigma, key.get(6)));
          key.set(7, renamed(sigma, key.get(7)));
        }
        Integer id = idOf.get(key);
        if (id == null || size(id) != size(k)) {
          return null;
        }
        target[k] = id;
      }
      return target;
    }

    /** The component renaming sending class k's i-th member to its target's i-th member. */
    int[] elementMap(int[] target) {
      int[] map = new int[classOf.length];
      for (int k = 0; k < keys.size(); k++) {
        for (int i = 0; i < size(k); i++) {
          map[members[start[k] + i]] = members[start[target[k]] + i];
        }
      }
      return map;
    }
  }

  private static int renamed(int[] sigma, int node) {
    return node == HotplugState.NO_NODE ? node : sigma[node];
  }

  private static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f = saturatingTimes(f, i);
    }
    return f;
  }

  private static long saturatingTimes(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  /** Number of node renamings used. */
  public int nodeRenamings() {
    return sigma.length;
  }

  @Override
  public long order() {
    return order;
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public int witnessCount() {
    return sigma.length;
  }

  @Override
  public int applyToAction(int element, int action) {
    return actionMap[element][action];
  }

  @Override
  public void apply(int element, long[] state, long[] out) {
    int[] s = sigma[element];
    HotplugState in = model.view(state);
    Arrays.fill(out, 0);
    HotplugState o = model.view(out);
    for (int n = 0; n < nodes; n++) {
      o.setNodeOnline(s[n], in.nodeOnline(n));
      o.setPgdat(s[n], in.pgdat(n));
      o.setNodeRegistered(s[n], in.nodeRegistered(n));
    }
    int[] cm = cpuMap[element];
    for (int c = 0; c < cpus; c++) {
      int d = cm[c];
      o.setCpuPresent(d, in.cpuPresent(c));
      o.setCpuOnline(d, in.cpuOnline(c));
      o.setCpuToNode(d, renamed(s, in.cpuToNode(c)));
      o.setCpuLink(d, renamed(s, in.cpuLink(c)));
    }
    int[] bm = blockMap[element];
    for (int b = 0; b < blocks; b++) {
      o.setMemPresent(bm[b], in.memPresent(b));
      o.setMemOnline(bm[b], in.memOnline(b));
    }
    o.setOops(in.oops());
  }

  @Override
  public Canonicalizer newCanonicalizer() {
    return new Canon();
  }

  /** Scratch space for one thread's canonicalisation. */
  private final class Canon implements Canonicalizer {
    private final int[] nodeRec = new int[nodes];
    private final int[] cpuPresentOnline = new int[cpus];
    private final int[] cpuNid = new int[cpus];
    private final int[] cpuLink = new int[cpus];
    private final int[] blockRec = new int[blocks];
    private final int[] vec = new int[nodes + cpus + blocks];
    private final int[] best = new int[nodes + cpus + blocks];

    @Override
    public void canonicalize(long[] state, long[] out) {
      HotplugState in = model.view(state);
      for (int n = 0; n < nodes; n++) {
        nodeRec[n] = (in.nodeOnline(n) ? 1 : 0) | (in.pgdat(n) ? 2 : 0)
            | (in.nodeRegistered(n) ? 4 : 0);
      }
      for (int c = 0; c < cpus; c++) {
        cpuPresentOnline[c] = (in.cpuPresent(c) ? 2 : 0) | (in.cpuOnline(c) ? 1 : 0);
        cpuNid[c] = in.cpuToNode(c);
        cpuLink[c] = in.cpuLink(c);
      }
      for (int b = 0; b < blocks; b++) {
        blockRec[b] = (in.memPresent(b) ? 2 : 0) | (in.memOnline(b) ? 1 : 0);
      }
      boolean oops = in.oops();
      for (int p = 0; p < sigma.length; p++) {
        fill(p);
        if (p == 0 || Arrays.compare(vec, best) < 0) {
          System.arraycopy(vec, 0, best, 0, vec.length);
        }
      }
      Arrays.fill(out, 0);
      HotplugState o = model.view(out);
      for (int n = 0; n < nodes; n++) {
        o.setNodeOnline(n, (best[n] & 1) != 0);
        o.setPgdat(n, (best[n] & 2) != 0);
        o.setNodeRegistered(n, (best[n] & 4) != 0);
      }
      for (int c = 0; c < cpus; c++) {
        int r = best[nodes + c];
        o.setCpuPresent(c, (r & (2 << 16)) != 0);
        o.setCpuOnline(c, (r & (1 << 16)) != 0);
        o.setCpuToNode(c, ((r >>> 8) & 0xFF) - 1);
        o.setCpuLink(c, (r & 0xFF) - 1);
      }
      for (int b = 0; b < blocks; b++) {
        int r = best[nodes + cpus + b];
        o.setMemPresent(b, (r & 2) != 0);
        o.setMemOnline(b, (r & 1) != 0);
      }
      o.setOops(oops);
    }

    /** The state's vector under renaming p, classes sorted. */
    private void fill(int p) {
      int[] s = sigma[p];
      for (int n = 0; n < nodes; n++) {
        vec[s[n]] = nodeRec[n];
      }
      int[] ct = cpuClassTarget[p];
      for (int k = 0; k + 1 < cpuClassStart.length; k++) {
        int to = cpuClassStart[ct[k]];
        int len = cpuClassStart[k + 1] - cpuClassStart[k];
        for (int i = 0; i < len; i++) {
          int c = cpuByClass[cpuClassStart[k] + i];
          vec[nodes + cpuByClass[to + i]] = cpuPresentOnline[c] << 16
              | (renamed(s, cpuNid[c]) + 1) << 8 | (renamed(s, cpuLink[c]) + 1);
        }
        sortAt(nodes, cpuByClass, to, len);
      }
      int[] bt = blockClassTarget[p];
      for (int k = 0; k + 1 < blockClassStart.length; k++) {
        int to = blockClassStart[bt[k]];
        int len = blockClassStart[k + 1] - blockClassStart[k];
        for (int i = 0; i < len; i++) {
          int b = blockByClass[blockClassStart[k] + i];
          vec[nodes + cpus + blockByClass[to + i]] = blockRec[b];
        }
        sortAt(nodes + cpus, blockByClass, to, len);
      }
    }

    /** Insertion-sorts the vector entries at positions {@code base + members[from..from+len)}. */
    private void sortAt(int base, int[] members, int from, int len) {
      for (int i = 1; i < len; i++) {
        int v = vec[base + members[from + i]];
        int j = i - 1;
        while (j >= 0 && vec[base + members[from + j]] > v) {
          vec[base + members[from + j + 1]] = vec[base + members[from + j]];
          j--;
        }
        vec[base + members[from + j + 1]] = v;
      }
    }
  }
}
