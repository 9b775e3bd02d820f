package org.hotplugchecker.checker.explicit.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.checker.explicit.StateSymmetry;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.ActionRule;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.eval.ActionInstance;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.symmetry.SymmetryAnalysis;
import org.hotplugchecker.model.rules.symmetry.SymmetryConstraints;

/**
 * The symmetries of a hotplug model: renamings of nodes, CPUs and memory blocks that the
 * model cannot tell apart, derived from the rule table. {@link SymmetryAnalysis} reads
 * from the rules and the checked properties what a renaming must respect (elements named
 * by a constant stay fixed, such as CPU 0, whose node {@code alt-numa-mem-id} reads;
 * domains compared by order are not permuted; node values are renamed wherever they are
 * stored); {@link RenamingGroup} builds, for this topology, the renamings that respect it
 * and fix the boot state. Every such g then maps enabled actions to enabled actions and
 * successors to successors, and keeps every checked invariant.
 *
 * <p>Action properties whose verdict depends on a node tie-break (the allocator's nearest
 * node, ties to the lower index, in {@code alloc_local}) are not kept by a node renaming
 * σ, but their verdict on g(s) depends only on σ. The witness elements are then one
 * element per σ, which covers the orbit; otherwise the identity alone.
 *
 * <p>Canonical form: the orbit member that is smallest first by the sequence of its nodes'
 * colours (a hash of what refers to each node, the same for a node and its image under
 * every g), then by its vector of records (nodes, then CPUs, blocks and scalars); see
 * {@link OrbitCanonicalizer}.
 */
public final class HotplugSymmetry implements StateSymmetry {
  private final RenamingGroup group;
  private final RecordLayout records;
  private final SymmetryConstraints constraints;
  private final int[] witness; // element -> node renaming
  private final int[][] rawMap; // [p][stored node] -> stored node
  private final FieldMoves[] moves; // [p]
  private final int[][] actionMap; // [element][action] -> action
  private final ColourTables colours;
  private final ColourTrie trie;
  private final String description;

  /** The symmetry group of {@code model}'s topology, fixing its boot state. */
  public HotplugSymmetry(HotplugModel model) {
    this(model, SymmetryAnalysis.of(model.rules(), model.propertyRules()));
  }

  /**
   * The group admitted by {@code constraints} (which must be at least those the analysis
   * derives for {@code model}).
   */
  public HotplugSymmetry(HotplugModel model, SymmetryConstraints constraints) {
    if (model.initialStates().size() != 1) {
      throw new IllegalArgumentException("symmetry needs a single boot state");
    }
    RuleMachine machine = model.machine();
    long[] boot = model.initialStates().get(0);
    this.constraints = constraints;
    this.group = new RenamingGroup(machine, boot, constraints);
    this.records = new RecordLayout(machine.layout(), machine.facts().sizes());
    int count = group.renamings();
    rawMap = new int[count][1 << records.nodeBits()];
    for (int p = 0; p < count; p++) {
      Arrays.setAll(rawMap[p], raw -> raw);
      for (int n = 0; n < group.nodes(); n++) {
        rawMap[p][n + 1] = group.sigma(p)[n] + 1;
      }
    }
    witness = constraints.needsWitnesses(Domain.NODES) ? RenamingGroup.identity(count)
        : new int[] {0};
    moves = new FieldMoves[count];
    for (int p = 0; p < count; p++) {
      int[][] maps = new int[RecordLayout.SCALARS][];
      for (int dom = 0; dom < RecordLayout.SCALARS; dom++) {
        maps[dom] = group.elementMap(dom, p);
      }
      moves[p] = new FieldMoves(machine.layout(), maps, rawMap[p]);
    }
    actionMap = actionMaps(machine);
    colours = new ColourTables(machine, group, constraints);
    trie = new ColourTrie(group);
    long[] image = new long[boot.length];
    for (int p = 0; p < count; p++) {
      applyRenaming(p, boot, image);
      if (!Arrays.equals(image, boot)) {
        throw new IllegalStateException("symmetry: a renaming moves the boot state");
      }
    }
    List<String> fixedBy = constraints.reasons();
    this.description = group.describe() + (fixedBy.isEmpty() ? ""
        : "; " + String.join("; ", fixedBy));
  }

  private int[][] actionMaps(RuleMachine machine) {
    List<ActionInstance> actions = machine.actions();
    Map<ActionRule, int[]> ids = new IdentityHashMap<>();
    for (int a = 0; a < actions.size(); a++) {
      ActionInstance ai = actions.get(a);
      int[] byIndex = ids.computeIfAbsent(ai.rule(), r -> {
        int[] none = new int[records.size(r.domain().ordinal())];
        Arrays.fill(none, -1);
        return none;
      });
      byIndex[ai.index()] = a;
    }
    int[][] out = new int[witness.length][actions.size()];
    for (int e = 0; e < witness.length; e++) {
      for (int a = 0; a < actions.size(); a++) {
        ActionInstance ai = actions.get(a);
        int dom = ai.rule().domain().ordinal();
        int id = ids.get(ai.rule())[group.elementMap(dom, witness[e])[ai.index()]];
        if (id < 0) {
          throw new IllegalStateException("symmetry: a renaming maps " + ai + " to no action");
        }
        out[e][a] = id;
      }
    }
    return out;
  }

  /** Number of node renamings in the group. */
  public int nodeRenamings() {
    return group.renamings();
  }

  /** The constraints the group respects. */
  public SymmetryConstraints constraints() {
    return constraints;
  }

  @Override
  public long order() {
    return group.order();
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public int witnessCount() {
    return witness.length;
  }

  @Override
  public int[] witnessNodeRenaming(int element) {
    return witness.length > 1 ? group.sigma(witness[element]).clone() : null;
  }

  @Override
  public int applyToAction(int element, int action) {
    return actionMap[element][action];
  }

  @Override
  public void apply(int element, long[] state, long[] out) {
    applyRenaming(witness[element], state, out);
  }

  /** Writes the image of {@code state} under the element standing for σ {@code p}. */
  private void applyRenaming(int p, long[] state, long[] out) {
    moves[p].apply(state == out ? state.clone() : state, out);
  }

  @Override
  public Canonicalizer newCanonicalizer() {
    return new OrbitCanonicalizer(group, records, rawMap, colours, trie);
  }

  /** For tests: the node renamings, as {@code sigma[p][n]}. */
  List<int[]> renamings() {
    List<int[]> out = new ArrayList<>();
    for (int p = 0; p < group.renamings(); p++) {
      out.add(group.sigma(p).clone());
    }
    return out;
  }
}
