package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.symbolic.sat.SatSolver;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;
import org.hotplugchecker.model.rules.symbolic.ActionDependencies;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;
import org.hotplugchecker.model.rules.symbolic.SymbolicProperty;
import org.hotplugchecker.model.rules.symbolic.Term;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * The questions about paths from boot that both engines ask, all in one incremental
 * solver whose unrolling grows with the depth: which properties have a counterexample of
 * exactly {@code k} steps, is an action property exercised after {@code k - 1} steps, is
 * there a simple path of a given length. What only some questions may assume (the
 * hypotheses of a depth, the partial-order restriction, simplicity, the steps being real)
 * is under activation literals those questions assume, so nothing learnt is ever wrong
 * for another question. Every counterexample goes through {@link Witnesses}.
 */
final class BoundedSearch {
  private final SymbolicMachine sym;
  private final SatSolver solver;
  private final Unrolling u;
  private final Witnesses witnesses;
  private final ActionDependencies deps;
  private final boolean partialOrder;
  private final boolean simplePaths;
  private final List<Integer> porPairs = new ArrayList<>(); // pair (t, t+1) -> lit

  private Lemmas invariants;
  private List<Term> facts = List.of();
  private int invariantFrames;

  BoundedSearch(TransitionSystem ts, SymbolicMachine sym, SolverBackend backend,
      SolverStats stats, boolean partialOrder) {
    this.sym = sym;
    this.solver = stats.register(backend.create());
    TermEncoder enc = new TermEncoder(sym, solver);
    this.u = new Unrolling(enc, stats);
    enc.fix(u.frame(0), sym.boot());
    this.witnesses = new Witnesses(ts, sym);
    this.deps = sym.dependencies();
    this.partialOrder = partialOrder;
    // Without clause learning (Choco) simplicity prunes most of the action tree; with it
    // (Sat4j) the distinctness clauses cost more than they save (docs/symbolic.md).
    this.simplePaths = backend == SolverBackend.CHOCO;
  }

  /**
   * Asserts {@code lemmas} and {@code proved} (terms proved to hold in every reachable
   * state) on every frame from now on. Every frame of a path from boot is reachable, so no
   * path is lost; questions whose answer they imply (no violation of a proved property)
   * become easy.
   */
  void assumeInvariants(Lemmas lemmas, List<Term> proved) {
    this.invariants = lemmas;
    this.facts = List.copyOf(proved);
    this.invariantFrames = 0;
  }

  private SatSolver.Outcome solve(int[] assumptions, long conflictLimit) {
    while (invariants != null && invariantFrames <= u.steps()) {
      TermEncoder.Frame f = u.frame(invariantFrames++);
      invariants.assertOn(u.encoder(), f);
      for (Term t : facts) {
        u.encoder().clause(f.lit(t));
      }
    }
    return solver.solve(assumptions, conflictLimit);
  }

  /** The frame at which property {@code p}'s counterexamples of {@code k} steps end. */
  private int target(int p, int k) {
    return sym.properties().get(p).isInvariant() ? k : k - 1;
  }

  /**
   * The properties of {@code open} violated by a path of exactly {@code k} steps, each with
   * such a path, lowest property first within a witness. Precondition: no property of
   * {@code open} has a counterexample shorter than {@code k} (callers ask for
   * {@code k = 0, 1, ...} in turn). That makes it sound to assume that no property of
   * {@code open} is violated earlier on the path, and to keep adjacent independent steps
   * in increasing id order (a swap changes neither the path's length nor its end, and the
   * state it does change could only violate a property of {@code open} if that had a
   * shorter counterexample); the answers are shortest counterexamples.
   */
  Map<Integer, Counterexample> violatedAt(int k, Collection<Integer> open) {
    List<Integer> remaining = new ArrayList<>();
    List<Integer> assumptions = new ArrayList<>();
    boolean actionProperty = false;
    int steps = 0;
    for (int p : open) {
      int t = target(p, k);
      for (int i = 0; i < t; i++) {
        assumptions.add(hypothesis(p, i));
      }
      if (t >= 0) {
        remaining.add(p);
        steps = Math.max(steps, t);
        actionProperty |= !sym.properties().get(p).isInvariant();
      }
    }
    for (int l : u.real(steps)) {
      assumptions.add(l);
    }
    if (simplePaths) {
      for (int j = 1; j <= steps; j++) { // a shortest counterexample never repeats a state
        assumptions.add(u.distinctFromEarlier(j));
      }
    }
    if (partialOrder) {
      int last = actionProperty ? k - 2 : k - 1; // for an action property, not its last step
      for (int t = 0; t + 1 <= last; t++) {
        assumptions.add(porPair(t));
      }
    }
    Map<Integer, Counterexample> found = new LinkedHashMap<>();
    while (!remaining.isEmpty()) {
      int goal = solver.newVar();
      int[] clause = new int[remaining.size() + 1];
      clause[0] = -goal;
      for (int i = 0; i < remaining.size(); i++) {
        int p = remaining.get(i);
        clause[i + 1] = badLit(p, target(p, k));
      }
      u.encoder().clause(clause);
      List<Integer> query = new ArrayList<>(assumptions);
      query.add(goal);
      if (solve(toArray(query), 0) != SatSolver.Outcome.SAT) {
        break;
      }
      List<Integer> hit = new ArrayList<>();
      for (int p : remaining) {
        if (solver.value(badLit(p, target(p, k)))) {
          hit.add(p);
        }
      }
      if (hit.isEmpty()) {
        throw new IllegalStateException("internal error: BMC witness at depth " + k
            + " violates none of its goals");
      }
      for (int p : hit) {
        found.put(p, witness(p, target(p, k)));
      }
      remaining.removeAll(hit);
    }
    return found;
  }

  /**
   * Whether action property {@code p} judges a step out of some state reachable in fewer
   * than {@code k} steps: one question over frames {@code 0..k-1}, the steps allowed to be
   * idle (a path with idle steps is a shorter path).
   */
  boolean exercisedWithin(int k, int p) {
    SymbolicProperty prop = sym.properties().get(p);
    if (prop.isInvariant() || k < 1) {
      return false;
    }
    int goal = solver.newVar();
    int[] clause = new int[k + 1];
    clause[0] = -goal;
    for (int t = 0; t < k; t++) {
      clause[t + 1] = u.frame(t).lit(prop.exercised());
    }
    u.encoder().clause(clause);
    return solve(new int[] {goal}, 0) == SatSolver.Outcome.SAT;
  }

  /** Whether some simple path of {@code length} steps leaves the boot state. */
  SatSolver.Outcome simplePathExists(int length, long conflictLimit) {
    List<Integer> assumptions = new ArrayList<>();
    for (int l : u.real(length)) {
      assumptions.add(l);
    }
    for (int j = 1; j <= length; j++) {
      assumptions.add(u.distinctFromEarlier(j));
    }
    return solve(toArray(assumptions), conflictLimit);
  }

  private int badLit(int p, int t) {
    return u.frame(t).lit(sym.properties().get(p).bad());
  }

  /** Activation literal of "property {@code p} is not violated at frame {@code t}". */
  private int hypothesis(int p, int t) {
    return u.assumable(sym.terms().not(sym.properties().get(p).bad()), t);
  }

  /** Activation literal of "steps {@code t, t+1} are not two independent actions out of order". */
  private int porPair(int t) {
    while (porPairs.size() <= t) {
      int i = porPairs.size();
      int lit = solver.newVar();
      int n = sym.actions().size();
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < a; b++) {
          if (deps.independent(a, b)) {
            u.encoder().clause(-lit, -u.selector(i, a), -u.selector(i + 1, b));
          }
        }
      }
      porPairs.add(lit);
    }
    return porPairs.get(t);
  }

  /** The model's path to frame {@code t}, checked, as property {@code p}'s counterexample. */
  private Counterexample witness(int p, int t) {
    List<Integer> actions = new ArrayList<>();
    List<int[]> frames = new ArrayList<>();
    for (int i = 0; i <= t; i++) {
      frames.add(u.frame(i).values());
      if (i < t) {
        actions.add(u.selectedAction(i));
      }
    }
    return witnesses.counterexample(p, actions, frames);
  }

  private static int[] toArray(List<Integer> lits) {
    return lits.stream().mapToInt(Integer::intValue).toArray();
  }
}
