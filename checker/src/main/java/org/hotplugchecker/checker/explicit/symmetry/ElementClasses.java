package org.hotplugchecker.checker.explicit.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The elements of one domain (CPUs or blocks) grouped by key: what a renaming must keep
 * of each (the fixed marker, the attributes over that domain, the boot values). Some key
 * positions hold nodes, which a node renaming σ renames; σ then sends the class of key
 * {@code k} to the class of key {@code σ(k)}, which must exist and be as large, and any
 * bijection between the two is a valid renaming of those elements.
 */
final class ElementClasses {
  private final List<List<Integer>> keys = new ArrayList<>(); // per class
  private final Map<List<Integer>, Integer> idOf = new HashMap<>();
  private final boolean[] refPosition;
  private final int[] classOf;
  private final int[] start;
  private final int[] members;

  /** Classes of the elements with keys {@code keys}, whose {@code refPosition}s hold nodes. */
  ElementClasses(List<List<Integer>> elementKeys, boolean[] refPosition) {
    this.refPosition = refPosition.clone();
    classOf = new int[elementKeys.size()];
    for (int i = 0; i < elementKeys.size(); i++) {
      List<Integer> key = List.copyOf(elementKeys.get(i));
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

  int classes() {
    return keys.size();
  }

  int size(int k) {
    return start[k + 1] - start[k];
  }

  /** The first position of class {@code k} in {@link #members()}. */
  int start(int k) {
    return start[k];
  }

  /** The elements, class after class, each class in increasing index order. */
  int[] members() {
    return members;
  }

  int classOf(int i) {
    return classOf[i];
  }

  /** The class sizes, in class order. */
  List<Integer> sizes() {
    List<Integer> s = new ArrayList<>();
    for (int k = 0; k < keys.size(); k++) {
      s.add(size(k));
    }
    return s;
  }

  /** Key {@code key} with its node positions renamed by {@code sigma} ({@code -1} stays). */
  List<Integer> renamed(List<Integer> key, int[] sigma) {
    List<Integer> out = new ArrayList<>(key);
    for (int j = 0; j < out.size(); j++) {
      int v = out.get(j);
      if (refPosition[j] && v >= 0 && v < sigma.length) {
        out.set(j, sigma[v]);
      }
    }
    return out;
  }

  /** Each class's image under node renaming σ, or null if one has none of its size. */
  int[] targets(int[] sigma) {
    int[] target = new int[keys.size()];
    for (int k = 0; k < keys.size(); k++) {
      Integer id = idOf.get(renamed(keys.get(k), sigma));
      if (id == null || size(id) != size(k)) {
        return null;
      }
      target[k] = id;
    }
    return target;
  }

  /** The renaming sending class k's i-th member to its target's i-th member. */
  int[] elementMap(int[] target) {
    int[] map = new int[classOf.length];
    for (int k = 0; k < keys.size(); k++) {
      for (int i = 0; i < size(k); i++) {
        map[members[start[k] + i]] = members[start[target[k]] + i];
      }
    }
    return map;
  }

  /** The key of class {@code k}. */
  List<Integer> key(int k) {
    return keys.get(k);
  }

  /** Whether key position {@code j} holds a node. */
  boolean isRef(int j) {
    return refPosition[j];
  }

  /** Number of elements. */
  int elements() {
    return classOf.length;
  }
}
