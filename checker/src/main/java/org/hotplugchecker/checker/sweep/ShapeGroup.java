package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.eval.PackedLayout;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.Topology;

/**
 * Topology classes that share a machine shape (number of nodes, the node of CPU 0, how
 * many other CPUs and blocks each node has) and differ only in which CPUs and blocks are
 * present at boot and which are hot-pluggable. One exploration checks them all.
 *
 * <h2>Why one exploration covers every member</h2>
 *
 * <p>The shape's <em>skeleton</em> is the topology with CPU 0 first, the other CPUs
 * sorted by home node, blocks sorted by home node, and every CPU and block hot-pluggable.
 * A member class C is placed on the skeleton by a renaming π of its CPUs and blocks that
 * keeps CPU 0 and every home node. Then:
 *
 * <ol>
 *   <li>{@code hotplug} flags only appear as positive conjuncts of action guards
 *       ({@code add_memory}, {@code online/offline/remove_memory}, {@code hotadd_cpu},
 *       {@code hotremove_cpu}); no effect and no property reads them. With every flag set,
 *       the skeleton has every transition C has, with the same effect.
 *   <li>{@code boot} flags are only read to build the boot state. The skeleton is
 *       started from π(boot state of C) for every member C, computed on C itself (so x86's
 *       round-robin over C's own CPU order is kept).
 *   <li>Apart from the boot state, nothing depends on the order of CPUs other than CPU 0
 *       or of blocks (see {@link CanonicalTopology}), so π maps each transition of C to a
 *       transition of the skeleton and keeps every property's value.
 * </ol>
 *
 * <p>Premises 1 and 2 are not taken on trust: {@link
 * org.hotplugchecker.model.rules.ShapePremise} checks them on the rule table before every
 * shape sweep, and a user invariant that reads a flag (or that the symmetry reduction cannot
 * justify) switches the shape method off for the run (see {@link
 * SweepProperties#shapesOff}).
 *
 * <p>Hence π maps every state C can reach into the skeleton's reachable set, and every
 * violation in C (invariant or {@code alloc_local} step) to one there: if a property
 * holds on the skeleton, it holds on every member (or is vacuous on it). The converse
 * direction is what keeps this exact rather than merely safe: the skeleton started from
 * π(boot state of C) is itself (a renaming of) the class C' with C's boot flags and every
 * flag hot-pluggable, which is a valid topology within the same bounds. So a violation in
 * the skeleton is a violation of some class in the sweep, never a false alarm; the sweep
 * then finds the smallest violating class by checking classes one by one.
 * {@code ShapeGroupTest} checks the mapping step by step on random classes.
 */
public final class ShapeGroup {
  private final String key;
  private final int nodes;
  private final int[] cpuHomes;
  private final int[] blockHomes;
  private final List<CanonicalTopology> members = new ArrayList<>();

  private ShapeGroup(String key, int nodes, int[] cpuHomes, int[] blockHomes) {
    this.key = key;
    this.nodes = nodes;
    this.cpuHomes = cpuHomes;
    this.blockHomes = blockHomes;
  }

  /**
   * Partitions {@code classes} by shape. Groups come in the order of their first member
   * and keep their members' order, so smallest-first class lists give smallest-first
   * groups.
   */
  public static List<ShapeGroup> of(List<CanonicalTopology> classes) {
    Map<String, ShapeGroup> groups = new LinkedHashMap<>();
    for (CanonicalTopology c : classes) {
      int[] cpuHomes = skeletonHomes(c.cpuList(), true);
      int[] blockHomes = skeletonHomes(c.blockList(), false);
      String key = key(c.nodes(), cpuHomes, blockHomes);
      groups.computeIfAbsent(key, k -> new ShapeGroup(k, c.nodes(), cpuHomes, blockHomes))
          .members.add(c);
    }
    return List.copyOf(groups.values());
  }

  /**
   * The shape named by {@code key} ({@link #key()}), with every member class of it
   * enumerated afresh ({@link TopologyEnumerator#membersOf}): what a worker that was sent
   * only the key explores. The members equal those {@link #of} gives the shape.
   *
   * @throws IllegalArgumentException if {@code key} does not name a machine shape
   */
  public static ShapeGroup ofKey(String key) {
    java.util.regex.Matcher m = KEY.matcher(key);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a machine shape key: '" + key + "'");
    }
    int nodes;
    int[] cpuHomes;
    int[] blockHomes;
    try {
      nodes = Integer.parseInt(m.group(1));
      cpuHomes = homes(m.group(2));
      blockHomes = homes(m.group(3));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a machine shape key: '" + key + "'");
    }
    if (nodes < 1 || nodes > SweepBounds.MODEL_LIMIT || cpuHomes.length == 0
        || !key.equals(key(nodes, sortedCopy(cpuHomes, 1), sortedCopy(blockHomes, 0)))
        || Arrays.stream(cpuHomes).anyMatch(h -> h >= nodes)
        || Arrays.stream(blockHomes).anyMatch(h -> h >= nodes)) {
      throw new IllegalArgumentException("not a machine shape key: '" + key + "'");
    }
    ShapeGroup g = new ShapeGroup(key, nodes, cpuHomes, blockHomes);
    g.members.addAll(TopologyEnumerator.membersOf(nodes, cpuHomes, blockHomes));
    return g;
  }

  private static final java.util.regex.Pattern KEY =
      java.util.regex.Pattern.compile("(\\d+)n\\|c:([\\d,]*)\\|m:([\\d,]*)");

  private static int[] homes(String list) {
    return list.isEmpty() ? new int[0]
        : Arrays.stream(list.split(",", -1)).mapToInt(Integer::parseInt).toArray();
  }

  private static int[] sortedCopy(int[] homes, int from) {
    int[] out = homes.clone();
    Arrays.sort(out, Math.min(from, out.length), out.length);
    return out;
  }

  private static int[] skeletonHomes(List<Component> components, boolean keepFirst) {
    int[] homes = components.stream().mapToInt(Component::home).toArray();
    Arrays.sort(homes, keepFirst ? Math.min(1, homes.length) : 0, homes.length);
    return homes;
  }

  private static String key(int nodes, int[] cpuHomes, int[] blockHomes) {
    StringBuilder sb = new StringBuilder().append(nodes).append("n|c:");
    for (int i = 0; i < cpuHomes.length; i++) {
      sb.append(i > 0 ? "," : "").append(cpuHomes[i]);
    }
    sb.append("|m:");
    for (int i = 0; i < blockHomes.length; i++) {
      sb.append(i > 0 ? "," : "").append(blockHomes[i]);
    }
    return sb.toString();
  }

  /** A stable name such as {@code 2n|c:0,0,1|m:0,1}: the skeleton's homes. */
  public String key() {
    return key;
  }

  /** The member classes, in the order given to {@link #of} (a read-only view). */
  public List<CanonicalTopology> members() {
    // A view, not a copy: the sweep walks the members of large shapes once per property.
    return java.util.Collections.unmodifiableList(members);
  }

  /** Number of member classes. */
  public int size() {
    return members.size();
  }

  public int nodes() {
    return nodes;
  }

  public int cpus() {
    return cpuHomes.length;
  }

  public int blocks() {
    return blockHomes.length;
  }

  /**
   * A rough relative cost of exploring this shape, for progress estimates only: on 3
   * nodes each further CPU or block multiplies the reachable states by about 5.
   */
  public double estimatedWork() {
    return Math.pow(5, cpus() + blocks());
  }

  /** The skeleton: every CPU and block present at boot and hot-pluggable. */
  public Topology skeleton(Arch arch, Kernel kernel, Set<Fault> faults) {
    List<Component> cpus = new ArrayList<>();
    for (int h : cpuHomes) {
      cpus.add(new Component(h, true, true));
    }
    List<Component> blocks = new ArrayList<>();
    for (int h : blockHomes) {
      blocks.add(new Component(h, true, true));
    }
    return Topology.of(arch, kernel, nodes, null, cpus, blocks, faults);
  }

  /**
   * The packed layout of the skeleton and of every member (they have the same nodes, CPUs
   * and blocks, so one layout serves both).
   */
  public PackedLayout layout() {
    return new PackedLayout(HotplugRules.RULES.slots(),
        new PackedLayout.Sizes(nodes, cpuHomes.length, blockHomes.length));
  }

  /**
   * The skeleton's model checking the built-in properties, started from every member's
   * boot state ({@link #starts}).
   */
  public HotplugModel model(Arch arch, Kernel kernel, Set<Fault> faults) {
    return model(arch, kernel, faults, SweepProperties.BUILT_IN, starts(arch, kernel, faults));
  }

  /**
   * The skeleton's model checking {@code properties}, started from {@code starts}
   * ({@link #starts}).
   */
  public HotplugModel model(Arch arch, Kernel kernel, Set<Fault> faults,
      SweepProperties properties, List<long[]> starts) {
    return HotplugModel.checking(skeleton(arch, kernel, faults), properties.rules())
        .startingFrom(starts);
  }

  /**
   * Every member's boot state on {@code arch} and {@code kernel}, placed on the skeleton:
   * the distinct ones, in member order.
   */
  public List<long[]> starts(Arch arch, Kernel kernel, Set<Fault> faults) {
    return new ShapeStarts(this, faults).of(arch, kernel);
  }

  /**
   * Places a state of {@code member} on the skeleton (π above), generically over the rule
   * table's state variables: an element of a CPU- or block-indexed variable moves to its
   * component's skeleton index, node-indexed and scalar ones stay, and every value is
   * unchanged (int variables hold node numbers, and nodes are not renamed).
   */
  static long[] onSkeleton(CanonicalTopology member, long[] s, PackedLayout layout) {
    int[] cpuAt = placement(member.cpuList(), true);
    int[] blockAt = placement(member.blockList(), false);
    long[] out = new long[layout.words()];
    List<Slot> slots = layout.slots();
    for (int k = 0; k < slots.size(); k++) {
      Domain d = slots.get(k).index();
      int[] to = d == Domain.CPUS ? cpuAt : d == Domain.BLOCKS ? blockAt : null;
      for (int i = 0; i < layout.size(k); i++) {
        layout.setRaw(out, layout.field(k, to == null ? i : to[i]),
            layout.raw(s, layout.field(k, i)));
      }
    }
    return out;
  }

  /**
   * Where each component goes on the skeleton: a stable sort by home node (CPU 0 stays
   * first when {@code keepFirst}).
   */
  static int[] placement(List<Component> components, boolean keepFirst) {
    int first = keepFirst ? Math.min(1, components.size()) : 0;
    Integer[] order = new Integer[components.size() - first];
    for (int i = 0; i < order.length; i++) {
      order[i] = first + i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(components.get(a).home(),
        components.get(b).home()));
    int[] at = new int[components.size()];
    for (int i = 0; i < first; i++) {
      at[i] = i;
    }
    for (int pos = 0; pos < order.length; pos++) {
      at[order[pos]] = first + pos;
    }
    return at;
  }
}
