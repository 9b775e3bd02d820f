package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.hotplugchecker.checker.symbolic.sat.SatSolver;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;
import org.hotplugchecker.model.rules.symbolic.SymbolicAction;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;
import org.hotplugchecker.model.rules.symbolic.Term;
import org.hotplugchecker.model.rules.symbolic.TermEval;
import org.hotplugchecker.model.rules.symbolic.TermFactory;
import org.hotplugchecker.model.rules.symbolic.Terms;

/**
 * Invariants found automatically, Houdini style, so that one induction step suffices for
 * the properties that hold: the candidates of {@link LemmaCandidates} and the goals (terms
 * that must hold in every state: the properties' and, for vacuity, "no step is judged")
 * are assumed in a state, and while some transition leads from there to a state that
 * breaks one of them, every candidate and goal broken in that state is dropped. The
 * questions are asked per action, and only about the items that read an element the
 * action may write (the others it cannot break: the derived write sets). What
 * survives holds at boot and is preserved by every transition from any state where all
 * of it holds, so it holds in every reachable state: the surviving goals are proved
 * (1-inductive together with the lemmas) and the lemmas may be assumed on every state of
 * later questions.
 */
final class Lemmas {
  /**
   * Candidate clauses over atoms, literal {@code +-(atom + 1)}; atom {@code a} is "element
   * {@code atomElement[a]} has value {@code atomValue[a]}" (a Boolean's value true is 1).
   */
  record Clauses(int[] atomElement, int[] atomValue, List<int[]> clauses) {}

  private final Clauses lemmas;
  private final BitSet provedGoals;

  private Lemmas(Clauses lemmas, BitSet provedGoals) {
    this.lemmas = lemmas;
    this.provedGoals = provedGoals;
  }

  /**
   * Runs Houdini on the candidates of {@code sym} together with {@code goals} (each must be
   * true at boot to survive). {@code conflictLimit} bounds each solver call (0: none); a
   * call that hits it drops every goal and keeps no lemma, which is sound.
   */
  static Lemmas find(SymbolicMachine sym, List<Term> goals, SolverBackend backend,
      SolverStats stats, long conflictLimit) {
    Clauses cands = LemmaCandidates.find(sym);
    int n = cands.clauses().size();
    List<Term> items = new ArrayList<>(); // candidates, then goals, as terms
    for (int[] c : cands.clauses()) {
      items.add(term(sym, cands, c));
    }
    items.addAll(goals);
    BitSet[] support = new BitSet[items.size()];
    for (int i = 0; i < support.length; i++) {
      support[i] = Terms.support(items.get(i));
    }
    BitSet alive = new BitSet();
    alive.set(0, n);
    TermEval boot = new TermEval(sym.boot());
    for (int g = 0; g < goals.size(); g++) {
      alive.set(n + g, boot.bool(goals.get(g)));
    }
    boolean dropped = true;
    while (dropped) {
      Pass pass = new Pass(sym, items, alive, backend, stats);
      dropped = false;
      for (SymbolicAction a : sym.actions()) {
        BitSet writes = a.writes();
        while (true) {
          BitSet affected = new BitSet();
          for (int i = alive.nextSetBit(0); i >= 0; i = alive.nextSetBit(i + 1)) {
            if (support[i].intersects(writes)) {
              affected.set(i);
            }
          }
          if (affected.isEmpty()) {
            break;
          }
          SatSolver.Outcome o = pass.breaks(a.id(), affected, conflictLimit);
          if (o == SatSolver.Outcome.UNSAT) {
            break;
          }
          if (o == SatSolver.Outcome.LIMIT) {
            return new Lemmas(new Clauses(cands.atomElement(), cands.atomValue(), List.of()),
                new BitSet());
          }
          BitSet broken = pass.brokenIn(affected);
          if (broken.isEmpty()) {
            throw new IllegalStateException("internal error: lemma search model breaks none");
          }
          alive.andNot(broken);
          dropped = true;
        }
      }
    }
    List<int[]> kept = new ArrayList<>();
    for (int i = alive.nextSetBit(0); i >= 0 && i < n; i = alive.nextSetBit(i + 1)) {
      kept.add(cands.clauses().get(i));
    }
    BitSet proved = new BitSet();
    for (int g = 0; g < goals.size(); g++) {
      proved.set(g, alive.get(n + g));
    }
    return new Lemmas(new Clauses(cands.atomElement(), cands.atomValue(), withoutSubsumed(kept)),
        proved);
  }

  /**
   * One pass of the fixpoint: a solver with one step from a state where every item alive at
   * the start of the pass holds. Items dropped during the pass stay assumed in it, which
   * only makes its questions easier; the fixpoint is reached when a pass drops nothing, and
   * then every question was asked under exactly the surviving items.
   */
  private static final class Pass {
    private final SatSolver solver;
    private final TermEncoder enc;
    private final Unrolling u;
    private final List<Term> items;
    private final int[] brokenLit; // per item: its negation in the next state, 0 if not made

    Pass(SymbolicMachine sym, List<Term> items, BitSet alive, SolverBackend backend,
        SolverStats stats) {
      this.solver = stats.register(backend.create());
      this.enc = new TermEncoder(sym, solver);
      this.u = new Unrolling(enc, stats);
      this.items = items;
      this.brokenLit = new int[items.size()];
      TermEncoder.Frame s0 = u.frame(0);
      u.frame(1);
      for (int i = alive.nextSetBit(0); i >= 0; i = alive.nextSetBit(i + 1)) {
        enc.clause(s0.lit(items.get(i)));
      }
    }

    /** Whether action {@code a} can lead to a state breaking one of {@code affected}. */
    SatSolver.Outcome breaks(int a, BitSet affected, long conflictLimit) {
      int goal = solver.newVar();
      int[] clause = new int[affected.cardinality() + 1];
      clause[0] = -goal;
      int k = 1;
      for (int i = affected.nextSetBit(0); i >= 0; i = affected.nextSetBit(i + 1)) {
        clause[k++] = broken(i);
      }
      enc.clause(clause);
      return solver.solve(new int[] {goal, u.selector(0, a)}, conflictLimit);
    }

    /** The items of {@code among} that the model's next state breaks. */
    BitSet brokenIn(BitSet among) {
      BitSet out = new BitSet();
      for (int i = among.nextSetBit(0); i >= 0; i = among.nextSetBit(i + 1)) {
        if (solver.value(broken(i))) {
          out.set(i);
        }
      }
      return out;
    }

    private int broken(int i) {
      if (brokenLit[i] == 0) {
        brokenLit[i] = -u.frame(1).lit(items.get(i));
      }
      return brokenLit[i];
    }
  }

  /** Candidate {@code clause} as a term over the state. */
  private static Term term(SymbolicMachine sym, Clauses cs, int[] clause) {
    TermFactory f = sym.terms();
    List<Term> lits = new ArrayList<>();
    for (int lit : clause) {
      int atom = Math.abs(lit) - 1;
      int e = cs.atomElement()[atom];
      Term t = sym.elements().isInt(e) ? f.eq(sym.current(e), cs.atomValue()[atom])
          : sym.current(e);
      lits.add(lit > 0 ? t : f.not(t));
    }
    return f.or(lits);
  }

  /** The clauses without those that a unit among them makes redundant. */
  private static List<int[]> withoutSubsumed(List<int[]> clauses) {
    java.util.Set<Integer> units = new java.util.HashSet<>();
    for (int[] c : clauses) {
      if (c.length == 1) {
        units.add(c[0]);
      }
    }
    List<int[]> out = new ArrayList<>();
    for (int[] c : clauses) {
      boolean subsumed = false;
      for (int l : c) {
        subsumed |= c.length > 1 && units.contains(l);
      }
      if (!subsumed) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean holds(Clauses cs, int[] clause, int[] values) {
    for (int lit : clause) {
      int atom = Math.abs(lit) - 1;
      boolean t = values[cs.atomElement()[atom]] == cs.atomValue()[atom];
      if (t == lit > 0) {
        return true;
      }
    }
    return false;
  }

  private static int[] lits(Clauses cs, int[] clause, TermEncoder.Frame frame) {
    int[] out = new int[clause.length];
    for (int i = 0; i < clause.length; i++) {
      int atom = Math.abs(clause[i]) - 1;
      int e = cs.atomElement()[atom];
      int l = frame.isIntElement(e) ? frame.is(e, cs.atomValue()[atom]) : frame.bool(e);
      out[i] = clause[i] > 0 ? l : -l;
    }
    return out;
  }

  /** The lemma clauses and their atoms. */
  Clauses clauses() {
    return lemmas;
  }

  /** These lemmas and {@code more} (proved invariants over the same atoms). */
  Lemmas with(List<int[]> more) {
    List<int[]> all = new ArrayList<>(lemmas.clauses());
    all.addAll(more);
    return new Lemmas(new Clauses(lemmas.atomElement(), lemmas.atomValue(), all), provedGoals);
  }

  /** Whether goal {@code g} (an index into the goals given to {@link #find}) was proved. */
  boolean proved(int g) {
    return provedGoals.get(g);
  }

  /** Number of lemmas (not counting proved goals). */
  int count() {
    return lemmas.clauses().size();
  }

  /** Asserts every lemma on {@code frame}. */
  void assertOn(TermEncoder enc, TermEncoder.Frame frame) {
    for (int[] c : lemmas.clauses()) {
      enc.clause(lits(lemmas, c, frame));
    }
  }
}
