package org.hotplugchecker.model.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;

/**
 * What a rule set's boot program reads: which kernel knobs, whether the arch, and which
 * topology attributes. Two checks whose kernels agree on those knobs (and whose arches agree,
 * if it reads the arch) start from the same boot state, so a sweep computes it once for
 * all of them.
 *
 * @param knobs the knobs the boot program tests
 * @param readsArch whether it tests the arch
 * @param attributes the topology attributes it reads (two topologies that agree on them,
 *     and on the number of nodes, CPUs and blocks, boot alike)
 */
public record BootInputs(Set<String> knobs, boolean readsArch, Set<TopologyAttr> attributes) {
  /** Copies. */
  public BootInputs {
    knobs = Set.copyOf(knobs);
    attributes = Set.copyOf(attributes);
  }

  /** What {@code rules}' boot program reads. */
  public static BootInputs of(RuleSet rules) {
    List<Expr> exprs = new java.util.ArrayList<>();
    RuleWalk.statements(rules.boot(), exprs);
    Set<String> knobs = new LinkedHashSet<>();
    Set<TopologyAttr> attributes = new LinkedHashSet<>();
    boolean[] arch = {false};
    for (Expr e : exprs) {
      ExprAnalysis.visit(e, x -> {
        if (x instanceof Expr.KnobIs k) {
          knobs.add(k.knob());
        } else if (x instanceof Expr.ArchIs) {
          arch[0] = true;
        } else if (x instanceof Expr.Topo t) {
          attributes.add(t.attr());
        }
      });
    }
    return new BootInputs(knobs, arch[0], attributes);
  }

  /**
   * A key equal for two (arch, kernel) pairs exactly when the boot program cannot tell
   * them apart: the arch (if read), then the value of every knob read, in
   * {@link KernelKnobs#KNOBS} order.
   */
  public String key(Arch arch, Kernel kernel) {
    StringBuilder sb = new StringBuilder(readsArch ? arch.specName() : "*");
    for (Knob k : KernelKnobs.KNOBS) {
      if (knobs.contains(k.name())) {
        sb.append('|').append(k.name()).append('=').append(kernel.value(k.name()));
      }
    }
    return sb.toString();
  }
}
