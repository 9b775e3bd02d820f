package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hotplugchecker.checker.symbolic.sat.SatSolver;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;

/**
 * The induction step's questions, in one incremental solver whose unrolling starts from a
 * free state and grows with {@code k}: is there a simple path {@code s0..sk} on whose
 * states the lemmas hold, on whose first {@code k} states the hypotheses hold, and whose
 * last state violates the goal. Lemmas are proved invariants, so they are asserted on
 * every frame for good; everything else is assumed per question.
 */
final class InductionStep {
  private final SymbolicMachine sym;
  private final SatSolver solver;
  private final TermEncoder enc;
  private final Unrolling u;
  private final Lemmas lemmas;
  private int lemmaFrames;

  InductionStep(SymbolicMachine sym, Lemmas lemmas, SolverBackend backend, SolverStats stats) {
    this.sym = sym;
    this.solver = stats.register(backend.create());
    this.enc = new TermEncoder(sym, solver);
    this.u = new Unrolling(enc, stats);
    this.lemmas = lemmas;
  }

  /**
   * Whether some simple path of {@code k} steps from any state satisfies the lemmas
   * everywhere and {@code hypotheses} (property indices) before its end, and violates
   * property {@code goal} at its end. A conflict-limit stop counts as yes, which is sound:
   * the goal is then not proved at this {@code k}.
   */
  boolean fails(int k, Collection<Integer> hypotheses, int goal, long conflictLimit) {
    u.frame(k);
    while (lemmaFrames <= k) {
      lemmas.assertOn(enc, u.frame(lemmaFrames++));
    }
    List<Integer> assume = new ArrayList<>();
    for (int l : u.real(k)) {
      assume.add(l);
    }
    for (int j = 1; j <= k; j++) {
      assume.add(u.distinctFromEarlier(j));
    }
    for (int h : hypotheses) {
      for (int i = 0; i < k; i++) {
        assume.add(u.assumable(sym.terms().not(sym.properties().get(h).bad()), i));
      }
    }
    assume.add(u.assumable(sym.properties().get(goal).bad(), k));
    return solver.solve(assume.stream().mapToInt(Integer::intValue).toArray(), conflictLimit)
        != SatSolver.Outcome.UNSAT;
  }
}
