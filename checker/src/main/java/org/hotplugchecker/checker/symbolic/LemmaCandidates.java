package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.symbolic.StateElements;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;

/**
 * Candidate lemmas for the induction step, made from the state elements alone (no kernel
 * knowledge): clauses of one or two atoms, an atom being "Boolean element {@code e} is
 * true" or "integer element {@code e} is {@code v}". The shapes:
 * <ul>
 *   <li>units: every atom or its negation;
 *   <li>pairs of atoms of one component (the elements of one node, CPU or block, e.g.
 *       {@code cpu_online(c) -> cpu_present(c)}), including two values of one integer
 *       ({@code cpu_to_node(c)} is {@code -1} or 2);
 *   <li>pairs of "integer element is node {@code n}" with an atom of node {@code n}
 *       ({@code cpu_to_node(c) == n -> NODE_DATA(n)}).
 * </ul>
 * Only those true at boot and in every state of a few random walks from boot are kept:
 * the walks are cheap and remove most candidates that are not invariants, so that the
 * solver (in {@link Lemmas}) only has to remove the rest.
 */
final class LemmaCandidates {
  private static final int WALKS = 24;
  private static final int WALK_LENGTH = 150;
  private static final long SEED = 0x5eed_11L;

  private final StateElements el;
  private final int[] atomElement;
  private final int[] atomValue;

  private LemmaCandidates(StateElements el) {
    this.el = el;
    List<int[]> atoms = new ArrayList<>();
    for (int e = 0; e < el.count(); e++) {
      if (el.isInt(e)) {
        for (int v = -1; v < el.nodes(); v++) {
          atoms.add(new int[] {e, v});
        }
      } else {
        atoms.add(new int[] {e, 1});
      }
    }
    atomElement = atoms.stream().mapToInt(a -> a[0]).toArray();
    atomValue = atoms.stream().mapToInt(a -> a[1]).toArray();
  }

  /** The candidates of {@code sym} that survive boot and the random walks. */
  static Lemmas.Clauses find(SymbolicMachine sym) {
    LemmaCandidates c = new LemmaCandidates(sym.elements());
    List<int[]> all = c.generate();
    List<int[]> states = c.sample(sym.machine());
    List<int[]> kept = new ArrayList<>();
    for (int[] clause : all) {
      boolean ok = true;
      for (int[] s : states) {
        if (!c.holds(clause, s)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        kept.add(clause);
      }
    }
    return new Lemmas.Clauses(c.atomElement, c.atomValue, kept);
  }

  /** Element values of the boot state and of every state of the walks. */
  private List<int[]> sample(RuleMachine m) {
    List<int[]> out = new ArrayList<>();
    long[] boot = m.bootState();
    out.add(el.values(boot));
    SplittableRandom random = new SplittableRandom(SEED);
    int[] enabled = new int[m.actions().size()];
    for (int w = 0; w < WALKS; w++) {
      long[] s = boot.clone();
      for (int step = 0; step < WALK_LENGTH; step++) {
        int n = 0;
        for (int a = 0; a < enabled.length; a++) {
          if (m.enabled(a, s)) {
            enabled[n++] = a;
          }
        }
        if (n == 0) {
          break;
        }
        m.fire(enabled[random.nextInt(n)], s, null);
        out.add(el.values(s));
      }
    }
    return out;
  }

  private boolean holds(int[] clause, int[] values) {
    for (int lit : clause) {
      int atom = Math.abs(lit) - 1;
      boolean t = values[atomElement[atom]] == atomValue[atom];
      if (t == lit > 0) {
        return true;
      }
    }
    return false;
  }

  /** Every candidate clause, each literal {@code +-(atom + 1)}. */
  private List<int[]> generate() {
    List<int[]> out = new ArrayList<>();
    for (int a = 0; a < atomElement.length; a++) {
      out.add(new int[] {a + 1});
      out.add(new int[] {-(a + 1)});
    }
    Map<Object, List<Integer>> components = new LinkedHashMap<>();
    for (int a = 0; a < atomElement.length; a++) {
      int e = atomElement[a];
      Domain d = el.domain(e);
      components.computeIfAbsent(d == null ? "scalar" : List.of(d, el.index(e)),
          k -> new ArrayList<>()).add(a);
    }
    for (List<Integer> atoms : components.values()) {
      for (int i = 0; i < atoms.size(); i++) {
        for (int j = i + 1; j < atoms.size(); j++) {
          pairs(atoms.get(i), atoms.get(j), out);
        }
      }
    }
    for (int a = 0; a < atomElement.length; a++) {
      int e = atomElement[a];
      if (!el.isInt(e) || atomValue[a] < 0) {
        continue;
      }
      List<Integer> node = components.get(List.of(Domain.NODES, atomValue[a]));
      for (int b : node == null ? List.<Integer>of() : node) {
        pairs(a, b, out);
      }
    }
    return out;
  }

  /** The two-literal clauses over atoms {@code a} and {@code b} worth trying. */
  private void pairs(int a, int b, List<int[]> out) {
    if (Objects.equals(atomElement[a], atomElement[b])) {
      // two values of one integer: only "one of the two" says more than a unit
      out.add(new int[] {a + 1, b + 1});
      return;
    }
    for (int signs = 0; signs < 4; signs++) {
      out.add(new int[] {(signs & 1) == 0 ? a + 1 : -(a + 1), (signs & 2) == 0 ? b + 1 : -(b + 1)});
    }
  }
}
