package org.hotplugchecker.checker.explicit.symmetry;

import java.util.ArrayList;
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
 * What a node renaming σ must keep of each node: its fixedness (from the constraints, and
 * for every node a scalar state variable holds at boot), the attributes over nodes and
 * node pairs, and its state variables' boot values; and, for pruning, a signature of
 * everything that refers to the node (the keys of the CPUs and blocks that name it),
 * written relative to the node so that σ keeps it.
 */
final class NodeKeys {
  private final int nodes;
  private final boolean[] fixed;
  private final List<List<Integer>> key = new ArrayList<>(); // per node
  private final List<Boolean> keyRef = new ArrayList<>();
  private final List<int[][]> plainPairs = new ArrayList<>();
  private final List<int[][]> nodePairs = new ArrayList<>(); // pair attributes holding nodes
  private final String[] signature;

  NodeKeys(RuleMachine machine, long[] boot, SymmetryConstraints c, ElementClasses[] classes) {
    TopologyFacts facts = machine.facts();
    PackedLayout layout = machine.layout();
    nodes = facts.size(Domain.NODES);
    fixed = new boolean[nodes];
    for (int n = 0; n < nodes; n++) {
      fixed[n] = c.fixes(Domain.NODES, n);
      List<Integer> k = new ArrayList<>();
      keyRef.clear();
      for (TopologyAttr a : machine.rules().topology()) {
        if (a.indices().equals(List.of(Domain.NODES))) {
          k.add(facts.value(a, n, 0));
          keyRef.add(a.type() == Type.INT && c.valueDomain(a).isPresent());
        }
      }
      for (int s = 0; s < layout.slots().size(); s++) {
        Slot slot = layout.slots().get(s);
        if (slot.index() == Domain.NODES) {
          k.add(layout.value(boot, s, n));
          keyRef.add(slot.type() == Type.INT);
        }
      }
      key.add(k);
    }
    for (int s = 0; s < layout.slots().size(); s++) {
      Slot slot = layout.slots().get(s);
      int v = slot.isScalar() && slot.type() == Type.INT ? layout.value(boot, s, 0) : -1;
      if (v >= 0 && v < nodes) {
        fixed[v] = true; // the boot state names it: every renaming must keep it
      }
    }
    for (TopologyAttr a : machine.rules().topology()) {
      if (a.indices().equals(List.of(Domain.NODES, Domain.NODES))) {
        int[][] m = new int[nodes][nodes];
        for (int i = 0; i < nodes; i++) {
          for (int j = 0; j < nodes; j++) {
            m[i][j] = facts.value(a, i, j);
          }
        }
        (a.type() == Type.INT && c.valueDomain(a).isPresent() ? nodePairs : plainPairs).add(m);
      }
    }
    signature = new String[nodes];
    for (int n = 0; n < nodes; n++) {
      List<String> parts = new ArrayList<>();
      for (int dom = 0; dom < RecordLayout.SCALARS; dom++) {
        ElementClasses cl = classes[dom];
        for (int i = 0; cl != null && i < cl.elements(); i++) {
          List<Integer> ek = cl.key(cl.classOf(i));
          for (int j = 0; j < ek.size(); j++) {
            if (cl.isRef(j) && ek.get(j) == n) {
              parts.add(dom + ":" + j + ":" + relative(ek, cl::isRef, n));
            }
          }
        }
      }
      StringBuilder sig = new StringBuilder(relative(key.get(n), keyRef::get, n));
      for (int[][] m : nodePairs) {
        sig.append('/').append(m[n][n] == n ? "self" : m[n][n] < 0 ? "none" : "other");
      }
      signature[n] = sig.append(RenamingGroup.sorted(parts)).toString();
    }
  }

  private interface RefTest {
    boolean isRef(int j);
  }

  /** {@code k} with its node positions written as self / none / other relative to n. */
  private static String relative(List<Integer> k, RefTest ref, int n) {
    StringBuilder s = new StringBuilder("[");
    for (int j = 0; j < k.size(); j++) {
      int v = k.get(j);
      s.append(!ref.isRef(j) ? Integer.toString(v) : v == n ? "self" : v < 0 ? "none" : "other")
          .append(',');
    }
    return s.append(']').toString();
  }

  boolean[] fixed() {
    return fixed;
  }

  String[] signatures() {
    return signature;
  }

  /** The node-pair attributes holding plain numbers (distances), as matrices. */
  List<int[][]> plainPairs() {
    return plainPairs;
  }

  /** Whether {@code perm} keeps every node's key and the node-valued pair attributes. */
  boolean keeps(int[] perm) {
    for (int n = 0; n < nodes; n++) {
      List<Integer> k = key.get(n);
      List<Integer> image = key.get(perm[n]);
      for (int j = 0; j < k.size(); j++) {
        int v = k.get(j);
        int want = keyRef.get(j) && v >= 0 && v < nodes ? perm[v] : v;
        if (image.get(j) != want) {
          return false;
        }
      }
    }
    for (int[][] m : nodePairs) {
      for (int a = 0; a < nodes; a++) {
        for (int b = 0; b < nodes; b++) {
          int v = m[a][b];
          if (m[perm[a]][perm[b]] != (v >= 0 && v < nodes ? perm[v] : v)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
