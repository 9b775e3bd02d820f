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
 * Candidates false at boot are dropped; then, while a transition from a state satisfying
 * all remaining candidates breaks some, those are dropped. The survivors are 1-inductive
 * together and true at boot, hence true in every reachable state, so the step may assert
 * them on every state of its path (which is a suffix of a path from boot).
 */
final class Lemmas {
  /** Clauses of one or two literals; a literal is {@code 2 * position + (negated ? 1 : 0)}. */
  private final List<int[]> clauses;

  private Lemmas(List<int[]> clauses) {
    this.clauses = clauses;
  }

  /**
   * Finds the lemmas of {@code enc}'s model (a few one-step solver calls); none if a call
   * hits {@code failLimit} (0: no limit).
   */
  static Lemmas find(HotplugEncoding enc, SolverStats stats, long failLimit) {
    HotplugModel m = enc.model();
    List<Boolean> boot = enc.bits(m.view(m.initialStates().get(0).clone()));
    List<int[]> candidates = new ArrayList<>();
    for (int i = 0; i < boot.size(); i++) {
      candidates.add(new int[] {2 * i + (boot.get(i) ? 0 : 1)});
    }
    for (int[] group : groups(enc)) {
      for (int x = group[0]; x < group[1]; x++) {
        for (int y = x + 1; y < group[1]; y++) {
          for (int signs = 0; signs < 4; signs++) {
            int[] clause = {2 * x + (signs & 1), 2 * y + (signs >> 1)};
            if (holds(clause, boot)) {
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
      List<Lit> broken = new ArrayList<>();
      for (int[] c : candidates) {
        q.cnf().clause(lits(c, before));
        broken.add(q.cnf().and(lits(c, after).stream().map(Lit::not).toList()));
      }
      q.cnf().assertTrue(q.cnf().or(broken));
      SymbolicQuery.Outcome outcome =
          q.solve(SymbolicQuery.Strategy.ACTIONS_FIRST, failLimit, stats);
      if (outcome == SymbolicQuery.Outcome.LIMIT) {
        return new Lemmas(List.of());
      }
      if (outcome == SymbolicQuery.Outcome.UNSAT) {
        return new Lemmas(candidates);
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
