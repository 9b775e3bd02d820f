package org.hotplugchecker.checker.explicit.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.PackedLayout;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.eval.TopologyFacts;
import org.hotplugchecker.model.rules.symmetry.SymmetryConstraints;

/**
 * The renamings of one topology that a rule set's {@link SymmetryConstraints} admit and
 * that fix the boot state: node renamings σ, and for each σ and each other domain (CPUs,
 * blocks) the classes of look-alike elements and where σ sends them. Every combination of
 * a σ with bijections between each class and its image is an element of the group; for
 * each σ one such element ({@link #elementMap}, class members in index order) stands for
 * it. Everything about the topology's elements is read from the rule set: the attributes
 * over each domain, the state variables and their boot values, the fixed elements.
 */
final class RenamingGroup {
  private static final Domain[] OTHERS = {Domain.CPUS, Domain.BLOCKS};

  private final int nodes;
  private final int[][] sigma; // [p][n] -> node
  private final int[][] sigmaInv;
  private final ElementClasses[] classes = new ElementClasses[RecordLayout.DOMAINS];
  private final int[][][] target = new int[RecordLayout.DOMAINS][][]; // [dom][p][class]
  private final int[][][] elementMap = new int[RecordLayout.DOMAINS][][]; // [dom][p][i]
  private final long order;
  private final boolean capped;

  /** The group of {@code machine}'s topology under {@code c}, fixing state {@code boot}. */
  RenamingGroup(RuleMachine machine, long[] boot, SymmetryConstraints c) {
    TopologyFacts facts = machine.facts();
    PackedLayout layout = machine.layout();
    List<TopologyAttr> attrs = machine.rules().topology();
    nodes = facts.size(Domain.NODES);
    for (TopologyAttr a : attrs) {
      requireSupported(a, c);
    }
    for (Domain d : OTHERS) {
      classes[d.ordinal()] = classesOf(d, facts, layout, attrs, boot, c);
    }
    NodeKeys keys = new NodeKeys(machine, boot, c, classes);
    NodeRenamings.Result found = NodeRenamings.find(nodes, keys.fixed(), keys.signatures(),
        keys.plainPairs(), perm -> keys.keeps(perm) && targetsOf(perm) != null);
    capped = found.capped();
    int count = found.perms().size();
    sigma = found.perms().toArray(new int[0][]);
    sigmaInv = new int[count][nodes];
    elementMap[Domain.NODES.ordinal()] = sigma;
    for (Domain d : OTHERS) {
      target[d.ordinal()] = new int[count][];
      elementMap[d.ordinal()] = new int[count][];
    }
    for (int p = 0; p < count; p++) {
      for (int n = 0; n < nodes; n++) {
        sigmaInv[p][sigma[p][n]] = n;
      }
      int[][] t = targetsOf(sigma[p]);
      for (Domain d : OTHERS) {
        target[d.ordinal()][p] = t[d.ordinal()];
        elementMap[d.ordinal()][p] = classes[d.ordinal()].elementMap(t[d.ordinal()]);
      }
    }
    long o = count;
    for (Domain d : OTHERS) {
      ElementClasses cl = classes[d.ordinal()];
      for (int k = 0; k < cl.classes(); k++) {
        o = saturatingTimes(o, factorial(cl.size(k)));
      }
    }
    order = o;
  }

  /** The attribute shapes the builder handles; the analysis froze the domains of others. */
  private static void requireSupported(TopologyAttr a, SymmetryConstraints c) {
    List<Domain> idx = a.indices();
    boolean nodePairs = idx.equals(List.of(Domain.NODES, Domain.NODES));
    if (idx.size() == 1 || nodePairs) {
      return;
    }
    for (Domain d : idx) {
      if (c.permutes(d)) {
        throw new IllegalStateException("symmetry: attribute " + a + " over " + idx
            + " with " + d + " permuted");
      }
    }
  }

  /** Classes of domain {@code d}: fixed marker, attributes over {@code d}, boot values. */
  private static ElementClasses classesOf(Domain d, TopologyFacts facts, PackedLayout layout,
      List<TopologyAttr> attrs, long[] boot, SymmetryConstraints c) {
    List<List<Integer>> keys = new ArrayList<>();
    List<Boolean> refs = new ArrayList<>();
    for (int i = 0; i < facts.size(d); i++) {
      List<Integer> key = new ArrayList<>();
      refs.clear();
      key.add(c.fixes(d, i) ? i : -1);
      refs.add(false);
      for (TopologyAttr a : attrs) {
        if (a.indices().equals(List.of(d))) {
          key.add(facts.value(a, i, 0));
          refs.add(a.type() == Type.INT && c.valueDomain(a).isPresent());
        }
      }
      for (int s = 0; s < layout.slots().size(); s++) {
        Slot slot = layout.slots().get(s);
        if (slot.index() == d) {
          key.add(layout.value(boot, s, i));
          refs.add(slot.type() == Type.INT);
        }
      }
      keys.add(key);
    }
    boolean[] refPosition = new boolean[refs.size()];
    for (int j = 0; j < refPosition.length; j++) {
      refPosition[j] = refs.get(j);
    }
    return new ElementClasses(keys, refPosition);
  }

  /** Per other domain, the class targets under node renaming {@code perm}; null if none. */
  private int[][] targetsOf(int[] perm) {
    int[][] t = new int[RecordLayout.DOMAINS][];
    for (Domain d : OTHERS) {
      t[d.ordinal()] = classes[d.ordinal()].targets(perm);
      if (t[d.ordinal()] == null) {
        return null;
      }
    }
    return t;
  }

  /** Number of node renamings (the witness candidates). */
  int renamings() {
    return sigma.length;
  }

  int nodes() {
    return nodes;
  }

  /** Node renaming {@code p}: {@code sigma(p)[n]} is where node n goes. */
  int[] sigma(int p) {
    return sigma[p];
  }

  /** The inverse of node renaming {@code p}. */
  int[] sigmaInverse(int p) {
    return sigmaInv[p];
  }

  /** The classes of {@code dom} (CPUs or blocks). */
  ElementClasses classes(int dom) {
    return classes[dom];
  }

  /** Where renaming {@code p} sends each class of {@code dom}. */
  int[] targets(int dom, int p) {
    return target[dom][p];
  }

  /** The element of the group standing for σ {@code p}: where it sends each element of dom. */
  int[] elementMap(int dom, int p) {
    return elementMap[dom][p];
  }

  long order() {
    return order;
  }

  boolean capped() {
    return capped;
  }

  /** E.g. {@code 24 node renaming(s), cpus classes [1, 1, 2, ...], ...}. */
  String describe() {
    StringBuilder s = new StringBuilder().append(sigma.length).append(" node renaming(s)");
    if (capped) {
      s.append(" (more than ").append(NodeRenamings.MAX_NODE_PERMS)
          .append(": nodes kept in place)");
    }
    for (Domain d : OTHERS) {
      s.append(", ").append(d).append(" classes ").append(classes[d.ordinal()].sizes());
    }
    return s.append(", |G| = ").append(order).toString();
  }

  static long factorial(int n) {
    long f = 1;
    for (int i = 2; i <= n; i++) {
      f = saturatingTimes(f, i);
    }
    return f;
  }

  static long saturatingTimes(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  /** Sorted copy, for signatures. */
  static List<String> sorted(List<String> parts) {
    List<String> out = new ArrayList<>(parts);
    Collections.sort(out);
    return out;
  }

  static int[] identity(int n) {
    int[] id = new int[n];
    Arrays.setAll(id, i -> i);
    return id;
  }
}
