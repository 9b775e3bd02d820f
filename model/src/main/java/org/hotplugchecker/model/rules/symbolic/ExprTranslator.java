package org.hotplugchecker.model.rules.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.TopologyFacts;

/**
 * Turns rule expressions into terms over a symbolic state (one term per element), for one
 * topology: knobs, arch, domain sizes and topology attributes are folded, quantifiers are
 * unrolled, and a read at a state-dependent index ({@code node.online[cpu.nid[c]]}) is
 * split over the values the index can take, an index out of range reading {@code false}
 * or {@code -1} as in the reference interpreter. {@code Count}, {@code Nth} and
 * {@code Mod} (the boot program's) are refused: the initial state is concrete.
 */
final class ExprTranslator {
  private final TermFactory f;
  private final TopologyFacts facts;
  private final StateElements elements;

  ExprTranslator(TermFactory f, TopologyFacts facts, StateElements elements) {
    this.f = f;
    this.facts = facts;
    this.elements = elements;
  }

  TermFactory factory() {
    return f;
  }

  /** The value of {@code e} where the variables are {@code env} and the state {@code state}. */
  Term expr(Expr e, Env env, Term[] state) {
    if (e instanceof Expr.Bool b) {
      return f.bool(b.value());
    } else if (e instanceof Expr.Int i) {
      return f.intConst(i.value());
    } else if (e instanceof Expr.Var v) {
      return env.lookup(v.name());
    } else if (e instanceof Expr.Read r) {
      return read(r, env, state);
    } else if (e instanceof Expr.Topo t) {
      return topo(t, env, state);
    } else if (e instanceof Expr.KnobIs k) {
      return f.bool(facts.knobIs(k.knob(), k.value()));
    } else if (e instanceof Expr.ArchIs a) {
      return f.bool(facts.arch() == a.arch());
    } else if (e instanceof Expr.Not n) {
      return f.not(bool(n.operand(), env, state));
    } else if (e instanceof Expr.And a) {
      return f.and(bools(a.operands(), env, state));
    } else if (e instanceof Expr.Or o) {
      return f.or(bools(o.operands(), env, state));
    } else if (e instanceof Expr.Implies im) {
      return f.implies(bool(im.left(), env, state), bool(im.right(), env, state));
    } else if (e instanceof Expr.Iff iff) {
      return f.iff(bool(iff.left(), env, state), bool(iff.right(), env, state));
    } else if (e instanceof Expr.Compare c) {
      return compare(c, env, state);
    } else if (e instanceof Expr.Ite ite) {
      Term c = bool(ite.cond(), env, state);
      Term a = expr(ite.then(), env, state);
      Term b = expr(ite.otherwise(), env, state);
      if (a.isInt() != b.isInt()) {
        throw new UnsupportedRuleException("ite with branches of two types: " + ite);
      }
      return a.isInt() ? f.intIte(c, a, b) : f.ite(c, a, b);
    } else if (e instanceof Expr.Quant q) {
      List<Term> parts = new ArrayList<>();
      for (int i = 0; i < facts.size(q.domain()); i++) {
        parts.add(bool(q.body(), env.bind(q.var(), f.intConst(i)), state));
      }
      return q.quantifier() == Expr.Quantifier.FORALL ? f.and(parts) : f.or(parts);
    } else if (e instanceof Expr.ArgMin m) {
      return argMin(m, env, state);
    } else if (e instanceof Expr.Let l) {
      return expr(l.body(), env.bind(l.var(), expr(l.value(), env, state)), state);
    } else if (e instanceof Expr.Count) {
      throw unsupported("Count");
    } else if (e instanceof Expr.Nth) {
      throw unsupported("Nth");
    } else if (e instanceof Expr.Mod) {
      throw unsupported("Mod");
    }
    throw new UnsupportedRuleException("no symbolic translation of " + e);
  }

  private static UnsupportedRuleException unsupported(String construct) {
    return new UnsupportedRuleException(construct + " has no symbolic translation (only the"
        + " boot program may use it, and the initial state is computed concretely)");
  }

  /** {@code e}, which must be Boolean. */
  Term bool(Expr e, Env env, Term[] state) {
    Term t = expr(e, env, state);
    if (t.isInt()) {
      throw new UnsupportedRuleException("expected a Boolean, got an integer: " + e);
    }
    return t;
  }

  /** {@code e}, which must be an integer. */
  Term integer(Expr e, Env env, Term[] state) {
    Term t = expr(e, env, state);
    if (!t.isInt()) {
      throw new UnsupportedRuleException("expected an integer, got a Boolean: " + e);
    }
    return t;
  }

  private List<Term> bools(List<Expr> es, Env env, Term[] state) {
    List<Term> out = new ArrayList<>(es.size());
    for (Expr e : es) {
      out.add(bool(e, env, state));
    }
    return out;
  }

  private Term compare(Expr.Compare c, Env env, Term[] state) {
    Term a = expr(c.left(), env, state);
    Term b = expr(c.right(), env, state);
    if (a.isInt() && b.isInt()) {
      return f.compare(c.op(), a, b);
    }
    if (a.isInt() || b.isInt() || c.op().ordersInts()) {
      throw new UnsupportedRuleException("comparison " + c.op().symbol()
          + " of mismatched or Boolean operands: " + c);
    }
    return c.op() == Expr.CompareOp.EQ ? f.iff(a, b) : f.xor(a, b);
  }

  private Term read(Expr.Read r, Env env, Term[] state) {
    int s = elements.layout().slotIndex(r.slot());
    boolean bool = r.slot().type() == Type.BOOL;
    if (r.index() == null) {
      if (!r.slot().isScalar()) {
        throw new UnsupportedRuleException(r.slot().name() + " is read without an index");
      }
      return state[elements.element(s, 0)];
    }
    if (r.slot().isScalar()) {
      throw new UnsupportedRuleException(r.slot().name() + " is a scalar, read with an index");
    }
    Term idx = integer(r.index(), env, state);
    int size = elements.layout().size(s);
    if (bool) {
      List<Term> cases = new ArrayList<>();
      for (int v : f.values(idx)) {
        if (v >= 0 && v < size) {
          cases.add(f.and(f.eq(idx, v), state[elements.element(s, v)]));
        }
      }
      return f.or(cases); // outside the array: false
    }
    Term out = f.intConst(-1); // outside the array: -1
    int[] values = f.values(idx);
    for (int k = values.length - 1; k >= 0; k--) {
      int v = values[k];
      if (v >= 0 && v < size) {
        out = f.intIte(f.eq(idx, v), state[elements.element(s, v)], out);
      }
    }
    return out;
  }

  private Term topo(Expr.Topo t, Env env, Term[] state) {
    TopologyAttr attr = t.attr();
    if (t.indices().size() != attr.indices().size()) {
      throw new UnsupportedRuleException(attr.name() + " takes " + attr.indices().size()
          + " indices, got " + t.indices().size());
    }
    Term[] idx = new Term[t.indices().size()];
    for (int k = 0; k < idx.length; k++) {
      idx[k] = integer(t.indices().get(k), env, state);
    }
    return topoAt(attr, idx, 0, new int[idx.length]);
  }

  /** The attribute split over the values of indices {@code k..}, earlier ones fixed. */
  private Term topoAt(TopologyAttr attr, Term[] idx, int k, int[] fixed) {
    if (k == idx.length) {
      int v = facts.value(attr, fixed[0], fixed.length > 1 ? fixed[1] : 0);
      return attr.type() == Type.BOOL ? f.bool(v != 0) : f.intConst(v);
    }
    int[] values = f.values(idx[k]);
    Term out = null;
    for (int j = values.length - 1; j >= 0; j--) {
      fixed[k] = values[j];
      Term here = topoAt(attr, idx, k + 1, fixed);
      if (out == null) {
        out = here; // the last value: no test needed, one of them is taken
      } else {
        Term c = f.eq(idx[k], values[j]);
        out = attr.type() == Type.BOOL ? f.ite(c, here, out) : f.intIte(c, here, out);
      }
    }
    return out;
  }

  /**
   * The first element (lowest index) with the smallest key among those satisfying the
   * condition, else {@code -1}: a running best and its key, updated element by element.
   */
  private Term argMin(Expr.ArgMin m, Env env, Term[] state) {
    Term best = f.intConst(-1);
    Term bestKey = null;
    for (int i = 0; i < facts.size(m.domain()); i++) {
      Env inner = env.bind(m.var(), f.intConst(i));
      Term cond = bool(m.cond(), inner, state);
      Term key = integer(m.key(), inner, state);
      Term take = bestKey == null ? cond : f.and(cond, f.or(f.eq(best, -1),
          f.compare(Expr.CompareOp.LT, key, bestKey)));
      best = f.intIte(take, f.intConst(i), best);
      bestKey = bestKey == null ? key : f.intIte(take, key, bestKey);
    }
    return best;
  }
}
