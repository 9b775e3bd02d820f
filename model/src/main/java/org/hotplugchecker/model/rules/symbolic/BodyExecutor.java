package org.hotplugchecker.model.rules.symbolic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.Procedure;
import org.hotplugchecker.model.rules.Stmt;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.TopologyFacts;

/**
 * Runs statement bodies symbolically, in order, each seeing the effects of the ones before:
 * the state is one term per element and an assignment replaces an element's term. An
 * {@code if} runs both branches on copies and merges them with {@code ite}; loops are
 * unrolled; procedures are inlined with their arguments bound by value; kernel calls
 * change nothing. A write at a state-dependent index updates every element it may hit;
 * a write that may fall outside its array (an error in the reference interpreter) is
 * refused unless the path condition rules it out.
 *
 * <p>The resulting terms are the effect wherever the path condition given to {@link #run}
 * holds (for an action: its guard); branches the path condition rules out are skipped.
 */
final class BodyExecutor {
  /** Most index valuations tried when showing that a write stays in range. */
  private static final int MAX_VALUATIONS = 4096;

  private final ExprTranslator x;
  private final TermFactory f;
  private final TopologyFacts facts;
  private final StateElements elements;

  BodyExecutor(ExprTranslator x, TopologyFacts facts, StateElements elements) {
    this.x = x;
    this.f = x.factory();
    this.facts = facts;
    this.elements = elements;
  }

  /** Runs {@code body} on {@code state} in place, where {@code pc} holds. */
  void run(List<Stmt> body, Env env, Term[] state, Term pc) {
    for (Stmt s : body) {
      stmt(s, env, state, pc);
    }
  }

  private void stmt(Stmt s, Env env, Term[] state, Term pc) {
    if (s instanceof Stmt.Assign a) {
      assign(a, env, state, pc);
    } else if (s instanceof Stmt.If i) {
      Term c = x.bool(i.cond(), env, state);
      Term thenPc = f.and(pc, c);
      Term elsePc = f.and(pc, f.not(c));
      if (elsePc == f.FALSE) {
        run(i.then(), env, state, thenPc);
      } else if (thenPc == f.FALSE) {
        run(i.otherwise(), env, state, elsePc);
      } else {
        Term[] then = state.clone();
        run(i.then(), env, then, thenPc);
        run(i.otherwise(), env, state, elsePc);
        for (int e = 0; e < state.length; e++) {
          if (then[e] != state[e]) {
            state[e] = then[e].isInt() ? f.intIte(c, then[e], state[e])
                : f.ite(c, then[e], state[e]);
          }
        }
      }
    } else if (s instanceof Stmt.ForEach fe) {
      for (int i = 0; i < facts.size(fe.domain()); i++) {
        run(fe.body(), env.bind(fe.var(), f.intConst(i)), state, pc);
      }
    } else if (s instanceof Stmt.Let l) {
      run(l.body(), env.bind(l.var(), x.expr(l.value(), env, state)), state, pc);
    } else if (s instanceof Stmt.Invoke inv) {
      Procedure p = inv.procedure();
      if (inv.args().size() != p.params().size()) {
        throw new UnsupportedRuleException(p.name() + " takes " + p.params().size()
            + " arguments, got " + inv.args().size());
      }
      Env callee = Env.EMPTY; // a procedure sees only its parameters
      for (int k = 0; k < p.params().size(); k++) {
        callee = callee.bind(p.params().get(k), x.expr(inv.args().get(k), env, state));
      }
      run(p.body(), callee, state, pc);
    } else if (!(s instanceof Stmt.KernelCall)) { // kernel calls only name functions
      throw new UnsupportedRuleException("no symbolic execution of " + s);
    }
  }

  private void assign(Stmt.Assign a, Env env, Term[] state, Term pc) {
    int s = elements.layout().slotIndex(a.slot());
    boolean bool = a.slot().type() == Type.BOOL;
    Term value = bool ? x.bool(a.value(), env, state) : x.integer(a.value(), env, state);
    if (!bool) {
      for (int v : f.values(value)) {
        if (v < -1 || v >= elements.nodes()) {
          throw new UnsupportedRuleException(a.slot().name() + " may be set to " + v
              + ", outside -1.." + (elements.nodes() - 1) + ": " + a);
        }
      }
    }
    if (a.index() == null) {
      if (!a.slot().isScalar()) {
        throw new UnsupportedRuleException(a.slot().name() + " is written without an index");
      }
      state[elements.element(s, 0)] = value;
      return;
    }
    if (a.slot().isScalar()) {
      throw new UnsupportedRuleException(a.slot().name() + " is a scalar, written with an index");
    }
    Term idx = x.integer(a.index(), env, state);
    int size = elements.layout().size(s);
    for (int v : f.values(idx)) {
      Term hit = f.eq(idx, v);
      if (v < 0 || v >= size) {
        if (!ruledOut(pc, hit)) {
          throw new UnsupportedRuleException("the write " + a.slot().name() + "[" + a.index()
              + "] may fall outside 0.." + (size - 1) + " (index " + v + ")");
        }
        continue;
      }
      int e = elements.element(s, v);
      state[e] = bool ? f.ite(hit, value, state[e]) : f.intIte(hit, value, state[e]);
    }
  }

  /**
   * Whether {@code pc} is false wherever {@code hit} holds: for every valuation of the
   * elements {@code hit} reads that makes it true, {@code pc} folds to false.
   */
  private boolean ruledOut(Term pc, Term hit) {
    if (f.and(pc, hit) == f.FALSE) {
      return true;
    }
    int[] support = Terms.support(hit).stream().toArray();
    long valuations = 1;
    for (int e : support) {
      valuations *= elements.isInt(e) ? elements.nodes() + 1 : 2;
      if (valuations > MAX_VALUATIONS) {
        return false;
      }
    }
    int[] digits = new int[support.length];
    for (long n = 0; n < valuations; n++) {
      Map<Integer, Integer> values = new HashMap<>();
      for (int k = 0; k < support.length; k++) {
        values.put(support[k], elements.isInt(support[k]) ? digits[k] - 1 : digits[k]);
      }
      if (Terms.cofactor(f, hit, values) == f.TRUE
          && Terms.cofactor(f, pc, values) != f.FALSE) {
        return false;
      }
      for (int k = 0; k < digits.length; k++) { // next valuation
        int radix = elements.isInt(support[k]) ? elements.nodes() + 1 : 2;
        if (++digits[k] < radix) {
          break;
        }
        digits[k] = 0;
      }
    }
    return true;
  }
}
