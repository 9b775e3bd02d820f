package org.hotplugchecker.checker.symbolic;

import java.util.Arrays;
import org.hotplugchecker.checker.symbolic.sat.SatSolver;
import org.hotplugchecker.model.rules.symbolic.StateElements;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;
import org.hotplugchecker.model.rules.symbolic.Term;
import org.hotplugchecker.model.rules.symbolic.TermFactory;

/**
 * Turns terms into clauses, Tseitin style: a state frame is one variable per Boolean
 * element and one-hot variables (exactly one true) per integer element; every non-atomic
 * Boolean term of a frame gets one variable, defined by its clauses the first time it is
 * needed and shared afterwards (terms are hash-consed, so a subterm common to several
 * actions or properties is encoded once per frame). Constants fold into the clauses.
 */
final class TermEncoder {
  private final SymbolicMachine machine;
  private final TermFactory f;
  private final SatSolver solver;
  private final int trueLit;

  TermEncoder(SymbolicMachine machine, SatSolver solver) {
    this.machine = machine;
    this.f = machine.terms();
    this.solver = solver;
    this.trueLit = solver.newVar();
    solver.addClause(trueLit);
  }

  SymbolicMachine machine() {
    return machine;
  }

  SatSolver solver() {
    return solver;
  }

  /** The literal that is always true. */
  int trueLit() {
    return trueLit;
  }

  /** The variables of one state. */
  final class Frame {
    private final int[] bool; // per element (0 for integer elements)
    private final int[][] oneHot; // per integer element: value v at v + 1
    private int[] cache = new int[0]; // per term id: its literal, 0 if not encoded yet

    private Frame() {
      StateElements el = machine.elements();
      bool = new int[el.count()];
      oneHot = new int[el.count()][];
      for (int e = 0; e < el.count(); e++) {
        if (!el.isInt(e)) {
          bool[e] = solver.newVar();
          continue;
        }
        int[] hot = new int[el.nodes() + 1];
        for (int v = 0; v < hot.length; v++) {
          hot[v] = solver.newVar();
        }
        oneHot[e] = hot;
        solver.addClause(hot); // at least one value
        for (int i = 0; i < hot.length; i++) {
          for (int j = i + 1; j < hot.length; j++) {
            solver.addClause(-hot[i], -hot[j]); // at most one
          }
        }
      }
    }

    /** Whether element {@code e} is an integer (one-hot) element. */
    boolean isIntElement(int e) {
      return oneHot[e] != null;
    }

    /** The literal of Boolean element {@code e}. */
    int bool(int e) {
      return bool[e];
    }

    /** The literal "integer element {@code e} is {@code v}" ({@code v} in -1..N-1). */
    int is(int e, int v) {
      return oneHot[e][v + 1];
    }

    /** Every variable of the state, in element order (an integer's one-hot block whole). */
    int[] bits() {
      return Arrays.stream(oneHotOrBool()).flatMapToInt(Arrays::stream).toArray();
    }

    private int[][] oneHotOrBool() {
      int[][] out = new int[bool.length][];
      for (int e = 0; e < bool.length; e++) {
        out[e] = oneHot[e] != null ? oneHot[e] : new int[] {bool[e]};
      }
      return out;
    }

    /** The value of element {@code e} in the solver's model (a Boolean as 0/1). */
    int value(int e) {
      if (oneHot[e] == null) {
        return solver.value(bool[e]) ? 1 : 0;
      }
      for (int v = 0; v < oneHot[e].length; v++) {
        if (solver.value(oneHot[e][v])) {
          return v - 1;
        }
      }
      throw new IllegalStateException("no value of one-hot element " + e + " in the model");
    }

    /** Every element's value in the solver's model. */
    int[] values() {
      int[] out = new int[bool.length];
      for (int e = 0; e < out.length; e++) {
        out[e] = value(e);
      }
      return out;
    }

    /** The literal of Boolean term {@code t} in this frame. */
    int lit(Term t) {
      switch (t.op()) {
        case TRUE:
          return trueLit;
        case FALSE:
          return -trueLit;
        case BOOL_VAR:
          return bool[t.element()];
        case INT_EQ:
          return is(t.element(), t.value());
        case NOT:
          return -lit(t.arg(0));
        default:
          break;
      }
      if (t.id() < cache.length && cache[t.id()] != 0) {
        return cache[t.id()];
      }
      int r = switch (t.op()) {
        case AND -> and(t);
        case ITE -> ite(lit(t.arg(0)), lit(t.arg(1)), lit(t.arg(2)));
        default -> throw new IllegalArgumentException("not a Boolean term: " + t);
      };
      if (t.id() >= cache.length) {
        cache = Arrays.copyOf(cache, Math.max(t.id() + 1, 2 * cache.length));
      }
      cache[t.id()] = r;
      return r;
    }

    /** The literal "integer term {@code t} equals {@code v}" in this frame. */
    int eqLit(Term t, int v) {
      return lit(f.eq(t, v));
    }

    private int and(Term t) {
      int[] ops = new int[t.arity()];
      for (int i = 0; i < ops.length; i++) {
        ops[i] = lit(t.arg(i));
      }
      int g = solver.newVar();
      int[] back = new int[ops.length + 1];
      for (int i = 0; i < ops.length; i++) {
        clause(-g, ops[i]);
        back[i] = -ops[i];
      }
      back[ops.length] = g;
      clause(back);
      return g;
    }

    private int ite(int c, int a, int b) {
      int g = solver.newVar();
      clause(-c, -a, g);
      clause(-c, a, -g);
      clause(c, -b, g);
      clause(c, b, -g);
      clause(-a, -b, g); // redundant, helps propagation
      clause(a, b, -g);
      return g;
    }
  }

  /** A fresh frame of state variables. */
  Frame newFrame() {
    return new Frame();
  }

  /**
   * Adds the clause {@code lits} with constants folded: a true literal drops it, a false
   * one is left out.
   */
  void clause(int... lits) {
    int n = 0;
    int[] kept = new int[lits.length];
    for (int l : lits) {
      if (l == trueLit) {
        return;
      }
      if (l != -trueLit) {
        kept[n++] = l;
      }
    }
    solver.addClause(n == lits.length ? kept : Arrays.copyOf(kept, n));
  }

  /** Fixes frame {@code frame} to the element values {@code values}. */
  void fix(Frame frame, int[] values) {
    StateElements el = machine.elements();
    for (int e = 0; e < values.length; e++) {
      if (el.isInt(e)) {
        clause(frame.is(e, values[e]));
      } else {
        clause(values[e] != 0 ? frame.bool(e) : -frame.bool(e));
      }
    }
  }
}
