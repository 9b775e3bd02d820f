package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.HotplugModel;

/**
 * Auxiliary invariants that strengthen the induction step, found automatically
 * (Houdini style) from simple candidate shapes over the state literals of
 * {@link SymbolicState#literals()}:
 * <ul>
 *   <li>a literal keeps its boot value (a non-hotplug block stays present and online, a
 *       pgdat that exists at boot is never freed without the fault, x86 keeps mapping a
 *       CPU to its home node);
 *   <li>an implication between two literals of the same node, CPU or block
 *       ({@code cpu_online(c) -> cpu_present(c)}, {@code mem_online(b) -> mem_present(b)}).
 * </ul>
 * Units are found by constant folding (no search, see {@link #stableByFolding}). For the
 * implications, candidates false at boot are dropped; then, while a transition from a
 * state satisfying the units and all remaining candidates breaks some, those are dropped.
 * The survivors are 1-inductive together and true at boot, hence true in every reachable
 * state, so the step may assert them on every state of its path (which is a suffix of a
 * path from boot).
 */
final class Lemmas {
  /**
   * Fail limit of the search for implication lemmas (also bounded by the caller's); the
   * units found by folding need no search and are kept when it is hit.
   */
  static final long IMPLICATION_FAIL_LIMIT = 50_000;

  /** Clauses of one or two literals; a literal is {@code 2 * position + (negated ? 1 : 0)}. */
  private final List<int[]> clauses;

  private Lemmas(List<int[]> clauses) {
    this.clauses = clauses;
  }

  /**
   * Finds the lemmas of {@code enc}'s model: units by folding, implications by a few
   * one-step solver calls (dropped if one hits its fail limit; {@code failLimit} 0: only
   * {@link #IMPLICATION_FAIL_LIMIT}).
   */
  static Lemmas find(HotplugEncoding enc, SolverStats stats, long failLimit) {
    HotplugModel m = enc.model();
    List<Boolean> boot = enc.bits(m.view(m.initialStates().get(0).clone()));
    boolean[] stable = stableByFolding(enc, boot);
    List<int[]> units = new ArrayList<>();
    List<int[]> candidates = new ArrayList<>();
    for (int i = 0; i < boot.size(); i++) {
      if (stable[i]) {
        units.add(new int[] {2 * i + (boot.get(i) ? 0 : 1)});
      }
    }
    for (int[] group : groups(enc)) {
      for (int x = group[0]; x < group[1]; x++) {
        for (int y = x + 1; y < group[1]; y++) {
          for (int signs = 0; signs < 4; signs++) {
            int[] clause = {2 * x + (signs & 1), 2 * y + (signs >> 1)};
            if (holds(clause, boot) && !stable[x] && !stable[y]) {
              candidates.add(clause);
            }
          }
        }
      }
    }
    while (true) {
      SymbolicQuery q = new SymbolicQuery(enc, 1, "lemmas");
      Unrolling u = q.unrolling();
      List<Lit> before = u.state(0).literals();
      List<Lit> after = u.state(1).literals();
      for (int[] c : units) {
        q.cnf().clause(lits(c, before));
      }
      List<Lit> broken = new ArrayList<>();
      for (int[] c : candidates) {
        q.cnf().clause(lits(c, before));
        broken.add(q.cnf().and(lits(c, after).stream().map(Lit::not).toList()));
      }
      q.cnf().assertTrue(q.cnf().or(broken));
      long limit = failLimit == 0 ? IMPLICATION_FAIL_LIMIT
          : Math.min(failLimit, IMPLICATION_FAIL_LIMIT);
      SymbolicQuery.Outcome outcome = q.solve(SymbolicQuery.Strategy.ACTIONS_FIRST, limit, stats);
      if (outcome == SymbolicQuery.Outcome.LIMIT) {
        return new Lemmas(units); // the units alone are inductive (by folding)
      }
      if (outcome == SymbolicQuery.Outcome.UNSAT) {
        List<int[]> all = new ArrayList<>(units);
        all.addAll(candidates);
        return new Lemmas(all);
      }
      List<int[]> kept = new ArrayList<>();
      for (int[] c : candidates) {
        if (lits(c, after).stream().anyMatch(Lit::valueInSolution)) {
          kept.add(c);
        }
      }
      candidates = kept;
    }
  }

  /**
   * The literals that keep their boot value, found without search: assume all of them
   * are constants at their boot values, run every rule symbolically, and drop those whose
   * new value does not fold to the same constant, until nothing changes. What remains is
   * preserved by every enabled action from every state where all of it holds.
   */
  private static boolean[] stableByFolding(HotplugEncoding enc, List<Boolean> boot) {
    boolean[] stable = new boolean[boot.size()];
    java.util.Arrays.fill(stable, true);
    Cnf cnf = new Cnf(new org.chocosolver.solver.Model("folding"));
    SymbolicState fresh = enc.freshState(cnf, "s");
    boolean changed = true;
    while (changed) {
      changed = false;
      SymbolicState assumed = fresh.copy();
      for (int i = 0; i < stable.length; i++) {
        if (stable[i]) {
          assumed.setLiteral(i, Lit.constant(boot.get(i)));
        }
      }
      for (var action : enc.model().actions()) {
        SymbolicState work = assumed.copy();
        Lit enabled = enc.enabled(action, work, cnf);
        if (enabled.isConstant() && !enabled.value()) {
          continue; // never enabled while the assumptions hold
        }
        enc.fire(action, work, cnf);
        List<Lit> after = work.literals();
        for (int i = 0; i < stable.length; i++) {
          if (stable[i] && !after.get(i).equals(Lit.constant(boot.get(i)))) {
            stable[i] = false;
            changed = true;
          }
        }
      }
    }
    return stable;
  }

  /** {@code [from, to)} position ranges of each node, CPU and block. */
  private static List<int[]> groups(HotplugEncoding enc) {
    List<int[]> groups = new ArrayList<>();
    int pos = 0;
    for (int n = 0; n < enc.nodes(); n++, pos += 3) {
      groups.add(new int[] {pos, pos + 3});
    }
    int perCpu = 2 + 2 * (enc.nodes() + 1);
    for (int c = 0; c < enc.cpus(); c++, pos += perCpu) {
      groups.add(new int[] {pos, pos + perCpu});
    }
    for (int b = 0; b < enc.blocks(); b++, pos += 2) {
      groups.add(new int[] {pos, pos + 2});
    }
    return groups;
  }

  private static boolean holds(int[] clause, List<Boolean> values) {
    for (int l : clause) {
      if (values.get(l >> 1) == ((l & 1) == 0)) {
        return true;
      }
    }
    return false;
  }

  private static List<Lit> lits(int[] clause, List<Lit> state) {
    List<Lit> out = new ArrayList<>();
    for (int l : clause) {
      Lit v = state.get(l >> 1);
      out.add((l & 1) == 0 ? v : v.not());
    }
    return out;
  }

  /** Posts the lemmas on state {@code t} of {@code u}. */
  void assertIn(Unrolling u, int t, Cnf cnf) {
    List<Lit> state = u.state(t).literals();
    for (int[] c : clauses) {
      cnf.clause(lits(c, state));
    }
  }

  /** Number of lemmas. */
  int count() {
    return clauses.size();
  }
}
