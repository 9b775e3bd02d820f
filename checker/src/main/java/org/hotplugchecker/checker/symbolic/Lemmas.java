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
   * true at boot to survive), in two rounds: the unit candidates alone first (most
   * candidates are units, or pairs that a surviving unit makes redundant), then, with the
   * surviving units as facts in both states, the pairs they leave open, the units that did
   * not survive alone, and the goals. Both rounds' survivors are inductive together.
   * {@code conflictLimit} bounds each solver call (0: none); a call that hits it ends its
   * round with nothing proved in it, which is sound.
   */
  static Lemmas find(SymbolicMachine sym, List<Term> goals, SolverBackend backend,
      SolverStats stats, long conflictLimit) {
    Clauses cands = LemmaCandidates.find(sym);
    List<int[]> units = new ArrayList<>();
    List<int[]> pairs = new ArrayList<>();
    for (int[] c : cands.clauses()) {
      (c.length == 1 ? units : pairs).add(c);
    }
    List<Term> unitTerms = new ArrayList<>();
    for (int[] c : units) {
      unitTerms.add(term(sym, cands, c));
    }
    BitSet all = new BitSet();
    all.set(0, units.size());
    BitSet firstRound = houdini(sym, unitTerms, all, List.of(), backend, stats, conflictLimit);
    List<int[]> provedUnits = new ArrayList<>();
    List<Term> facts = new ArrayList<>();
    java.util.Set<Integer> unitLits = new java.util.HashSet<>();
    List<int[]> second = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      if (firstRound != null && firstRound.get(i)) {
        provedUnits.add(units.get(i));
        facts.add(unitTerms.get(i));
        unitLits.add(units.get(i)[0]);
      } else {
        second.add(units.get(i));
      }
    }
    for (int[] c : pairs) {
      if (!unitLits.contains(c[0]) && !unitLits.contains(c[1])) {
        second.add(c);
      }
    }
    List<Term> items = new ArrayList<>();
    for (int[] c : second) {
      items.add(term(sym, cands, c));
    }
    items.addAll(goals);
    BitSet alive = new BitSet();
    alive.set(0, second.size());
    TermEval boot = new TermEval(sym.boot());
    for (int g = 0; g < goals.size(); g++) {
      alive.set(second.size() + g, boot.bool(goals.get(g)));
    }
    BitSet secondRound = houdini(sym, items, alive, facts, backend, stats, conflictLimit);
    List<int[]> kept = new ArrayList<>(provedUnits);
    BitSet proved = new BitSet();
    if (secondRound != null) {
      for (int i = secondRound.nextSetBit(0); i >= 0 && i < second.size();
          i = secondRound.nextSetBit(i + 1)) {
        kept.add(second.get(i));
      }
      for (int g = 0; g < goals.size(); g++) {
        proved.set(g, secondRound.get(second.size() + g));
      }
    }
    return new Lemmas(new Clauses(cands.atomElement(), cands.atomValue(), withoutSubsumed(kept)),
        proved);
  }

  /**
   * The largest subset of {@code initiallyAlive} (indices into {@code items}) that is
   * inductive together with {@code facts} (already proved invariants), or null if a
   * solver call hit {@code conflictLimit}. One solver serves the whole fixpoint: the items
   * are assumed, not asserted, so dropping one needs no new solver, and an action is asked
   * again only when an item its last proof used (the solver's failed assumptions) has
   * been dropped since. Per action, only the items that read an element it may write are
   * asked about: the others it cannot break.
   */
  private static BitSet houdini(SymbolicMachine sym, List<Term> items, BitSet initiallyAlive,
      List<Term> facts, SolverBackend backend, SolverStats stats, long conflictLimit) {
    BitSet[] support = new BitSet[items.size()];
    for (int i = 0; i < support.length; i++) {
      support[i] = Terms.support(items.get(i));
    }
    BitSet alive = (BitSet) initiallyAlive.clone();
    if (alive.isEmpty()) {
      return alive;
    }
    Round round = new Round(sym, items, alive, facts, backend, stats);
    int actions = sym.actions().size();
    BitSet[] proofUses = new BitSet[actions];
    java.util.ArrayDeque<Integer> todo = new java.util.ArrayDeque<>();
    BitSet queued = new BitSet();
    for (int a = 0; a < actions; a++) {
      todo.add(a);
      queued.set(a);
    }
    while (!todo.isEmpty()) {
      int a = todo.poll();
      queued.clear(a);
      BitSet affected = new BitSet();
      BitSet writes = sym.actions().get(a).writes();
      for (int i = alive.nextSetBit(0); i >= 0; i = alive.nextSetBit(i + 1)) {
        if (support[i].intersects(writes)) {
          affected.set(i);
        }
      }
      if (affected.isEmpty()) {
        proofUses[a] = new BitSet();
        continue;
      }
      SatSolver.Outcome o = round.breaks(a, affected, alive, conflictLimit);
      if (o == SatSolver.Outcome.LIMIT) {
        return null;
      }
      if (o == SatSolver.Outcome.UNSAT) {
        proofUses[a] = round.usedItems();
        continue;
      }
      BitSet broken = round.brokenIn(affected);
      if (broken.isEmpty()) {
        throw new IllegalStateException("internal error: lemma search model breaks none");
      }
      alive.andNot(broken);
      for (int b = 0; b < actions; b++) {
        if ((b == a || proofUses[b] == null || proofUses[b].intersects(broken))
            && !queued.get(b)) {
          todo.add(b);
          queued.set(b);
        }
      }
    }
    return alive;
  }

  /**
   * The solver of one Houdini round: one step from a state where the facts hold (asserted,
   * in both states) and where each item holds if its activation literal is assumed.
   */
  private static final class Round {
    private final SatSolver solver;
    private final TermEncoder enc;
    private final Unrolling u;
    private final List<Term> items;
    private final int[] act; // per item
    private final java.util.Map<Integer, Integer> itemOfAct = new java.util.HashMap<>();
    private final int[] brokenLit; // per item: its negation in the next state, 0 if not made

    Round(SymbolicMachine sym, List<Term> items, BitSet alive, List<Term> facts,
        SolverBackend backend, SolverStats stats) {
      this.solver = stats.register(backend.create());
      this.enc = new TermEncoder(sym, solver);
      this.u = new Unrolling(enc, stats);
      this.items = items;
      this.act = new int[items.size()];
      this.brokenLit = new int[items.size()];
      TermEncoder.Frame s0 = u.frame(0);
      TermEncoder.Frame s1 = u.frame(1);
      for (Term fact : facts) { // proved invariants: they hold after the step too
        enc.clause(s0.lit(fact));
        enc.clause(s1.lit(fact));
      }
      for (int i = alive.nextSetBit(0); i >= 0; i = alive.nextSetBit(i + 1)) {
        act[i] = solver.newVar();
        itemOfAct.put(act[i], i);
        enc.clause(-act[i], s0.lit(items.get(i)));
      }
    }

    /**
     * Whether action {@code a}, from a state where the items of {@code alive} hold, can
     * lead to a state breaking one of {@code affected}.
     */
    SatSolver.Outcome breaks(int a, BitSet affected, BitSet alive, long conflictLimit) {
      int goal = solver.newVar();
      int[] clause = new int[affected.cardinality() + 1];
      clause[0] = -goal;
      int k = 1;
      for (int i = affected.nextSetBit(0); i >= 0; i = affected.nextSetBit(i + 1)) {
        clause[k++] = broken(i);
      }
      enc.clause(clause);
      int[] assume = new int[alive.cardinality() + 2];
      assume[0] = goal;
      assume[1] = u.selector(0, a);
      k = 2;
      for (int i = alive.nextSetBit(0); i >= 0; i = alive.nextSetBit(i + 1)) {
        assume[k++] = act[i];
      }
      return solver.solve(assume, conflictLimit);
    }

    /** After an unsatisfiable {@link #breaks}: the items its proof assumed. */
    BitSet usedItems() {
      BitSet out = new BitSet();
      for (int l : solver.failedAssumptions()) {
        Integer i = itemOfAct.get(l);
        if (i != null) {
          out.set(i);
        }
      }
      return out;
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
