package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.symbolic.StateElements;
import org.hotplugchecker.model.rules.symbolic.SymbolicAction;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;
import org.hotplugchecker.model.rules.symbolic.Term;

/**
 * State frames {@code 0, 1, ...} linked by copies of the transition relation, grown on
 * demand in one incremental solver: frame {@code t + 1} is the result of exactly one
 * action instance on frame {@code t}. Per step there is one selector variable per action
 * (at least one and, by a sequential counter, at most one is true); a selected action's
 * guard holds in frame {@code t} and each element it may write takes its next value;
 * an element changes only if an action that may write it is selected (one frame axiom per
 * element rather than one per action and element).
 *
 * <p>Each step also has an <em>idle</em> selector that changes nothing. A question assumes
 * it false for the steps its paths must take; it lets frames beyond those exist even when
 * a path ends in a state where nothing is enabled (after an oops), so that frames grown
 * for one question never cut paths from another.
 */
final class Unrolling {
  private final TermEncoder enc;
  private final SymbolicMachine machine;
  private final List<TermEncoder.Frame> frames = new ArrayList<>();
  private final List<int[]> selectors = new ArrayList<>();
  private final int[][] writers; // per element: the actions that may write it
  private final SolverStats stats;
  private final java.util.Map<Long, Integer> assumable = new java.util.HashMap<>();
  private final List<Integer> distinct = new ArrayList<>(); // frame j -> its activation literal

  /** An unrolling with frame 0 only (free: constrain it to fix a start). */
  Unrolling(TermEncoder enc, SolverStats stats) {
    this.enc = enc;
    this.stats = stats;
    this.machine = enc.machine();
    int elements = machine.elements().count();
    List<List<Integer>> w = new ArrayList<>();
    for (int e = 0; e < elements; e++) {
      w.add(new ArrayList<>());
    }
    for (SymbolicAction a : machine.actions()) {
      for (int e : a.written()) {
        w.get(e).add(a.id());
      }
    }
    writers = new int[elements][];
    for (int e = 0; e < elements; e++) {
      writers[e] = w.get(e).stream().mapToInt(Integer::intValue).toArray();
    }
    frames.add(enc.newFrame());
    enc.solver().preferDecisions(frames.get(0).bits()); // free in induction, fixed in BMC
  }

  TermEncoder encoder() {
    return enc;
  }

  /** Frame {@code t}, unrolling up to it first if needed. */
  TermEncoder.Frame frame(int t) {
    while (frames.size() <= t) {
      extend();
    }
    return frames.get(t);
  }

  /** Number of steps unrolled so far. */
  int steps() {
    return frames.size() - 1;
  }

  /** The selector of action {@code a} at step {@code t} (frame {@code t} to {@code t + 1}). */
  int selector(int t, int a) {
    frame(t + 1);
    return selectors.get(t)[a];
  }

  /**
   * An activation literal that, assumed, makes Boolean term {@code t} true at frame
   * {@code frame} (made once per term and frame).
   */
  int assumable(Term t, int frame) {
    long key = ((long) t.id() << 24) | frame;
    Integer lit = assumable.get(key);
    if (lit == null) {
      lit = enc.solver().newVar();
      enc.clause(-lit, frame(frame).lit(t));
      assumable.put(key, lit);
    }
    return lit;
  }

  /**
   * An activation literal that, assumed, makes frame {@code j} differ from every earlier
   * frame (assume it for {@code j = 1..n} to make frames {@code 0..n} pairwise distinct).
   */
  int distinctFromEarlier(int j) {
    while (distinct.size() <= j) {
      int f = distinct.size();
      int lit = enc.solver().newVar();
      int[] bj = frame(f).bits();
      for (int i = 0; i < f; i++) {
        int[] bi = frame(i).bits();
        int[] differ = new int[bi.length + 1];
        differ[0] = -lit;
        for (int b = 0; b < bi.length; b++) {
          int d = enc.solver().newVar(); // d -> bit b differs
          enc.clause(-d, bi[b], bj[b]);
          enc.clause(-d, -bi[b], -bj[b]);
          differ[b + 1] = d;
        }
        enc.clause(differ);
      }
      distinct.add(lit);
    }
    return distinct.get(j);
  }

  /** The idle selector of step {@code t}. */
  int idle(int t) {
    frame(t + 1);
    int[] sel = selectors.get(t);
    return sel[sel.length - 1];
  }

  /** The negated idle selectors of steps {@code 0..steps-1}: assume them to make steps real. */
  int[] real(int steps) {
    int[] out = new int[steps];
    for (int t = 0; t < steps; t++) {
      out[t] = -idle(t);
    }
    return out;
  }

  /** The action selected at step {@code t} in the solver's model. */
  int selectedAction(int t) {
    int[] sel = selectors.get(t);
    for (int a = 0; a < sel.length - 1; a++) {
      if (enc.solver().value(sel[a])) {
        return a;
      }
    }
    throw new IllegalStateException("no action selected at step " + t + " in the model");
  }

  private void extend() {
    long start = System.nanoTime();
    TermEncoder.Frame from = frames.get(frames.size() - 1);
    TermEncoder.Frame to = enc.newFrame();
    List<SymbolicAction> actions = machine.actions();
    int[] sel = new int[actions.size() + 1];
    sel[actions.size()] = enc.solver().newVar(); // idle
    for (SymbolicAction a : actions) {
      int s = enc.solver().newVar();
      sel[a.id()] = s;
      enc.clause(-s, from.lit(a.guard()));
      for (int e : a.written()) {
        assign(s, from, to, e, a.next(e));
      }
    }
    enc.clause(sel); // some action, or idle
    atMostOne(sel);
    enc.solver().preferDecisions(sel);
    frameAxioms(from, to, sel);
    frames.add(to);
    selectors.add(sel);
    stats.addEncodeNanos(System.nanoTime() - start);
  }

  /** {@code s -> (to[e] == next evaluated in from)}, both directions for propagation. */
  private void assign(int s, TermEncoder.Frame from, TermEncoder.Frame to, int e, Term next) {
    StateElements el = machine.elements();
    if (!el.isInt(e)) {
      int n = from.lit(next);
      enc.clause(-s, -to.bool(e), n);
      enc.clause(-s, to.bool(e), -n);
      return;
    }
    for (int v = -1; v < el.nodes(); v++) {
      int n = from.eqLit(next, v);
      enc.clause(-s, -to.is(e, v), n);
      enc.clause(-s, to.is(e, v), -n);
    }
  }

  /** An element keeps its value unless an action that may write it is selected. */
  private void frameAxioms(TermEncoder.Frame from, TermEncoder.Frame to, int[] sel) {
    StateElements el = machine.elements();
    for (int e = 0; e < el.count(); e++) {
      int[] w = writers[e];
      int[] clause = new int[w.length + 2];
      for (int i = 0; i < w.length; i++) {
        clause[i] = sel[w[i]];
      }
      if (!el.isInt(e)) {
        clause[w.length] = -from.bool(e);
        clause[w.length + 1] = to.bool(e);
        enc.clause(clause.clone());
        clause[w.length] = from.bool(e);
        clause[w.length + 1] = -to.bool(e);
        enc.clause(clause);
        continue;
      }
      for (int v = -1; v < el.nodes(); v++) {
        clause[w.length] = -from.is(e, v);
        clause[w.length + 1] = to.is(e, v);
        enc.clause(clause.clone());
      }
    }
  }

  /** At most one of {@code lits} (Sinz's sequential counter: linear in their number). */
  private void atMostOne(int[] lits) {
    if (lits.length < 2) {
      return;
    }
    int prev = enc.solver().newVar(); // some of lits[0..i] is true
    enc.clause(-lits[0], prev);
    for (int i = 1; i < lits.length; i++) {
      enc.clause(-lits[i], -prev);
      if (i < lits.length - 1) {
        int next = enc.solver().newVar();
        enc.clause(-lits[i], next);
        enc.clause(-prev, next);
        prev = next;
      }
    }
  }
}
