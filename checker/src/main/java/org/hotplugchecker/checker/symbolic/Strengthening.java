package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotplugchecker.checker.symbolic.sat.SatSolver;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;
import org.hotplugchecker.model.rules.symbolic.StateElements;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;
import org.hotplugchecker.model.rules.symbolic.Term;

/**
 * Proves a goal that the lemmas leave non-inductive by finding more lemmas from its
 * counterexamples to induction, as IC3 does within one frame (Bradley and Manna's
 * "finding strengthening invariants sequentially"): while some state {@code s} satisfies
 * the lemmas and the goal and has a successor violating the goal, find a clause that
 * excludes {@code s}, holds at boot and is inductive relative to the lemmas and the goal
 * (the cube of {@code s} generalised by IC3's {@code down} and by dropping literals,
 * {@code MIC}), and add it. If every counterexample can be excluded, the goal and the new
 * clauses are inductive together with the lemmas and hold at boot, so all of them hold in
 * every reachable state. When a counterexample cannot be excluded (it may be reachable) or
 * the budget runs out, nothing is proved and the clauses are thrown away: they were only
 * inductive relative to the goal.
 */
final class Strengthening {
  private final SymbolicMachine sym;
  private final StateElements el;
  private final SatSolver solver;
  private final TermEncoder enc;
  private final Unrolling u;
  private final int[] boot;
  private final int[] atomOf; // (element, value) -> atom of the lemma clauses
  private final Lemmas.Clauses atoms;
  private final long conflictLimit;
  private int calls;
  private final int maxCalls;

  /**
   * A search for goal {@code goal} with the proved {@code lemmas} and {@code proved} goals
   * assumed, within {@code maxCalls} solver calls of at most {@code conflictLimit}
   * conflicts each.
   */
  Strengthening(SymbolicMachine sym, Lemmas lemmas, List<Term> proved, Term goal,
      SolverBackend backend, SolverStats stats, int maxCalls, long conflictLimit) {
    this.sym = sym;
    this.el = sym.elements();
    this.solver = stats.register(backend.create());
    this.enc = new TermEncoder(sym, solver);
    this.u = new Unrolling(enc, stats);
    this.boot = sym.boot();
    this.atoms = lemmas.clauses();
    this.maxCalls = maxCalls;
    this.conflictLimit = conflictLimit;
    atomOf = new int[el.count() * (el.nodes() + 2)];
    for (int a = 0; a < atoms.atomElement().length; a++) {
      atomOf[slot(atoms.atomElement()[a], atoms.atomValue()[a])] = a;
    }
    for (int t = 0; t <= 1; t++) {
      lemmas.assertOn(enc, u.frame(t));
      for (Term p : proved) {
        enc.clause(u.frame(t).lit(p));
      }
    }
    enc.clause(u.frame(0).lit(goal)); // relative to the goal
    this.goalBroken = -u.frame(1).lit(goal);
  }

  private final int goalBroken;

  private int slot(int e, int v) {
    return e * (el.nodes() + 2) + v + 1;
  }

  /** The new lemma clauses that prove the goal, or empty. */
  Optional<List<int[]>> prove() {
    List<int[]> found = new ArrayList<>();
    while (true) {
      SatSolver.Outcome o = solve(new int[] {-u.idle(0), goalBroken});
      if (o == SatSolver.Outcome.UNSAT) {
        return Optional.of(found);
      }
      if (o == SatSolver.Outcome.LIMIT) {
        return Optional.empty();
      }
      int[] cti = u.frame(0).values();
      int[] cube = cube(cti);
      int[] blocked = down(cube);
      if (blocked == null) {
        return Optional.empty(); // cannot be excluded inductively: give up
      }
      blocked = mic(blocked);
      if (blocked == null) {
        return Optional.empty();
      }
      int[] clause = new int[blocked.length];
      for (int i = 0; i < blocked.length; i++) {
        clause[i] = -blocked[i];
      }
      found.add(clause);
      for (int t = 0; t <= 1; t++) {
        enc.clause(lits(clause, u.frame(t)));
      }
    }
  }

  /** The state {@code values} as a cube: one positive atom literal per element. */
  private int[] cube(int[] values) {
    int[] c = new int[values.length];
    for (int e = 0; e < values.length; e++) {
      if (el.isInt(e)) {
        c[e] = atomOf[slot(e, values[e])] + 1;
      } else {
        int a = atomOf[slot(e, 1)] + 1;
        c[e] = values[e] != 0 ? a : -a;
      }
    }
    return c;
  }

  /**
   * IC3's {@code down}: shrinks {@code cube} until its negation is inductive relative to
   * everything assumed, or returns null when it meets the boot state (or the budget ends).
   */
  private int[] down(int[] cube) {
    while (true) {
      if (holdsIn(cube, boot)) {
        return null;
      }
      int act = solver.newVar();
      int[] clause = new int[cube.length + 1];
      clause[0] = -act;
      int[] negated = new int[cube.length];
      for (int i = 0; i < cube.length; i++) {
        negated[i] = -cube[i];
      }
      int[] at0 = lits(negated, u.frame(0));
      System.arraycopy(at0, 0, clause, 1, at0.length);
      enc.clause(clause);
      int[] assume = new int[cube.length + 2];
      assume[0] = act;
      assume[1] = -u.idle(0);
      int[] at1 = lits(cube, u.frame(1));
      System.arraycopy(at1, 0, assume, 2, at1.length);
      SatSolver.Outcome o = solve(assume);
      enc.clause(-act); // retire the activation literal
      if (o == SatSolver.Outcome.UNSAT) {
        return cube;
      }
      if (o == SatSolver.Outcome.LIMIT) {
        return null;
      }
      int[] pred = u.frame(0).values();
      List<Integer> kept = new ArrayList<>();
      for (int l : cube) {
        if (holdsIn(new int[] {l}, pred)) {
          kept.add(l);
        }
      }
      cube = kept.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /** Drops literals from {@code cube} while {@link #down} still succeeds. */
  private int[] mic(int[] cube) {
    int i = 0;
    while (i < cube.length) {
      int[] smaller = new int[cube.length - 1];
      System.arraycopy(cube, 0, smaller, 0, i);
      System.arraycopy(cube, i + 1, smaller, i, cube.length - i - 1);
      int[] result = calls < maxCalls ? down(smaller) : null;
      if (result != null) {
        cube = result;
        i = 0;
      } else {
        i++;
      }
      if (calls >= maxCalls) {
        break;
      }
    }
    return cube;
  }

  private SatSolver.Outcome solve(int[] assumptions) {
    if (calls++ >= maxCalls) {
      return SatSolver.Outcome.LIMIT;
    }
    return solver.solve(assumptions, conflictLimit);
  }

  /** Whether every literal of {@code cube} holds in state {@code values}. */
  private boolean holdsIn(int[] cube, int[] values) {
    for (int l : cube) {
      int a = Math.abs(l) - 1;
      boolean t = values[atoms.atomElement()[a]] == atoms.atomValue()[a];
      if (t != l > 0) {
        return false;
      }
    }
    return true;
  }

  private int[] lits(int[] atomLits, TermEncoder.Frame frame) {
    int[] out = new int[atomLits.length];
    for (int i = 0; i < atomLits.length; i++) {
      int a = Math.abs(atomLits[i]) - 1;
      int e = atoms.atomElement()[a];
      int l = el.isInt(e) ? frame.is(e, atoms.atomValue()[a]) : frame.bool(e);
      out[i] = atomLits[i] > 0 ? l : -l;
    }
    return out;
  }
}
