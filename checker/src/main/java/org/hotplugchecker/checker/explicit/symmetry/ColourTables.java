package org.hotplugchecker.checker.explicit.symmetry;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.symmetry.SymmetryConstraints;

/**
 * The constants {@link OrbitCanonicalizer} colours nodes with, computed once per group:
 * for each CPU and block, a hash of its class key with the nodes left out (the same for an
 * element and its image under every renaming), and the nodes its attributes name
 * ({@code cpu.home}), which a renaming renames like the state's node fields.
 */
final class ColourTables {
  final long[][] type = new long[RecordLayout.SCALARS][]; // [dom][i]; null for nodes
  final int[][][] attrRefs = new int[RecordLayout.SCALARS][][]; // [dom][i][k]

  ColourTables(RuleMachine machine, RenamingGroup group, SymmetryConstraints c) {
    List<TopologyAttr> refAttrs = new ArrayList<>();
    for (int dom = 1; dom < RecordLayout.SCALARS; dom++) {
      Domain d = Domain.values()[dom];
      ElementClasses cl = group.classes(dom);
      refAttrs.clear();
      for (TopologyAttr a : machine.rules().topology()) {
        if (a.indices().equals(List.of(d)) && a.type() == Type.INT
            && c.valueDomain(a).isPresent()) {
          refAttrs.add(a);
        }
      }
      type[dom] = new long[cl.elements()];
      attrRefs[dom] = new int[cl.elements()][refAttrs.size()];
      for (int i = 0; i < cl.elements(); i++) {
        List<Integer> key = cl.key(cl.classOf(i));
        long h = dom;
        for (int j = 0; j < key.size(); j++) {
          h = mix(h * 31 + (cl.isRef(j) ? 0x5bd1e995L : key.get(j)));
        }
        type[dom][i] = h;
        for (int k = 0; k < refAttrs.size(); k++) {
          attrRefs[dom][i][k] = machine.facts().value(refAttrs.get(k), i, 0);
        }
      }
    }
  }

  /** A 64-bit mixer (SplitMix64's finaliser): spreads small inputs over all bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
