package org.hotplugchecker.checker.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.TopologyFacts;

/**
 * Translates rule expressions into Promela for one topology by partial evaluation: knobs,
 * arch and topology attributes are constants, quantifiers and the other binders over a
 * domain are unrolled (domains are finite and known), and whatever is known is folded. Every
 * state variable element is a Promela scalar ({@code cpu_nid_2}), so a read at an index only
 * the state decides becomes a case split over the indices, with {@code false} / {@code -1}
 * outside the array ({@code MODEL.md}: evaluation never fails).
 *
 * <p>Bound variables map to a {@link PVal}: a constant (an unrolled index, an action's
 * parameter) or code (a temporary, or an inlined {@code let} value: expressions have no
 * side effects, so inlining keeps their meaning).
 */
final class PromelaExprs {
  private final TopologyFacts facts;

  PromelaExprs(TopologyFacts facts) {
    this.facts = facts;
  }

  /** The Promela scalar holding element {@code i} of {@code slot} (the slot for a scalar). */
  static String element(Slot slot, int i) {
    String base = Identifiers.promela(slot.name());
    return slot.isScalar() ? base : base + "_" + i;
  }

  /** The number of elements of {@code d}. */
  int size(Domain d) {
    return facts.size(d);
  }

  /** {@code e} with bound variables {@code env}. */
  PVal expr(Expr e, Map<String, PVal> env) {
    if (e instanceof Expr.Bool b) {
      return PVal.bool(b.value());
    } else if (e instanceof Expr.Int i) {
      return PVal.of(Type.INT, i.value());
    } else if (e instanceof Expr.Var v) {
      PVal val = env.get(v.name());
      if (val == null) {
        throw new ExportException("unbound variable '" + v.name() + "'");
      }
      return val;
    } else if (e instanceof Expr.Read r) {
      return read(r, env);
    } else if (e instanceof Expr.Topo t) {
      return topo(t, env);
    } else if (e instanceof Expr.KnobIs k) {
      return PVal.bool(facts.knobIs(k.knob(), k.value()));
    } else if (e instanceof Expr.ArchIs a) {
      return PVal.bool(facts.arch() == a.arch());
    } else if (e instanceof Expr.Not n) {
      return not(expr(n.operand(), env));
    } else if (e instanceof Expr.And a) {
      return and(a.operands().stream().map(x -> expr(x, env)).toList());
    } else if (e instanceof Expr.Or o) {
      return or(o.operands().stream().map(x -> expr(x, env)).toList());
    } else if (e instanceof Expr.Implies im) {
      return or(List.of(not(expr(im.left(), env)), expr(im.right(), env)));
    } else if (e instanceof Expr.Iff iff) {
      return compare(Expr.CompareOp.EQ, expr(iff.left(), env), expr(iff.right(), env));
    } else if (e instanceof Expr.Compare c) {
      return compare(c.op(), expr(c.left(), env), expr(c.right(), env));
    } else if (e instanceof Expr.Ite ite) {
      return ite(expr(ite.cond(), env), expr(ite.then(), env), expr(ite.otherwise(), env));
    } else if (e instanceof Expr.Quant q) {
      List<PVal> bodies = unroll(q.var(), q.domain(), q.body(), env);
      return q.quantifier() == Expr.Quantifier.FORALL ? and(bodies) : or(bodies);
    } else if (e instanceof Expr.ArgMin m) {
      return argMin(m, env);
    } else if (e instanceof Expr.Count c) {
      return sum(unroll(c.var(), c.domain(), c.cond(), env).stream()
          .map(x -> ite(x, PVal.of(Type.INT, 1), PVal.of(Type.INT, 0))).toList());
    } else if (e instanceof Expr.Nth nth) {
      return nth(nth, env);
    } else if (e instanceof Expr.Mod m) {
      return mod(expr(m.left(), env), expr(m.right(), env));
    } else if (e instanceof Expr.Let l) {
      return expr(l.body(), bind(env, l.var(), expr(l.value(), env)));
    }
    throw new ExportException("Promela export has no translation for " + e);
  }

  /** {@code env} with {@code var} bound to {@code value}. */
  static Map<String, PVal> bind(Map<String, PVal> env, String var, PVal value) {
    Map<String, PVal> out = new HashMap<>(env);
    out.put(var, value);
    return out;
  }

  private List<PVal> unroll(String var, Domain d, Expr body, Map<String, PVal> env) {
    List<PVal> out = new ArrayList<>();
    for (int i = 0; i < size(d); i++) {
      out.add(expr(body, bind(env, var, PVal.of(Type.INT, i))));
    }
    return out;
  }

  private PVal read(Expr.Read r, Map<String, PVal> env) {
    Slot slot = r.slot();
    if (slot.isScalar()) {
      if (r.index() != null) {
        throw new ExportException(slot.name() + " is a scalar, read with an index");
      }
      return PVal.code(slot.type(), element(slot, 0));
    }
    if (r.index() == null) {
      throw new ExportException(slot.name() + " is an array, read without an index");
    }
    PVal outside = PVal.of(slot.type(), slot.type() == Type.BOOL ? 0 : -1);
    return select(expr(r.index(), env), size(slot.index()),
        i -> PVal.code(slot.type(), element(slot, i)), outside);
  }

  private PVal topo(Expr.Topo t, Map<String, PVal> env) {
    var attr = t.attr();
    if (t.indices().size() != attr.indices().size()) {
      throw new ExportException(attr.name() + " takes " + attr.indices().size()
          + " indices, got " + t.indices().size());
    }
    PVal outside = PVal.of(attr.type(), attr.type() == Type.BOOL ? 0 : -1);
    PVal i = expr(t.indices().get(0), env);
    int n = size(attr.indices().get(0));
    if (attr.indices().size() == 1) {
      return select(i, n, k -> PVal.of(attr.type(), facts.value(attr, k, 0)), outside);
    }
    PVal j = expr(t.indices().get(1), env);
    int m = size(attr.indices().get(1));
    return select(i, n, a -> select(j, m, b -> PVal.of(attr.type(), facts.value(attr, a, b)),
        outside), outside);
  }

  /**
   * Element {@code index} of an array of {@code n} given by {@code element}, or
   * {@code outside} when the index is not in {@code 0..n-1}: a case split when only the
   * state knows the index.
   */
  PVal select(PVal index, int n, IntFunction<PVal> element, PVal outside) {
    if (index.isConst()) {
      int k = index.constant();
      return k >= 0 && k < n ? element.apply(k) : outside;
    }
    PVal out = outside;
    for (int k = n - 1; k >= 0; k--) {
      out = ite(compare(Expr.CompareOp.EQ, index, PVal.of(Type.INT, k)), element.apply(k), out);
    }
    return out;
  }

  // ---- folding constructors -----------------------------------------------------------

  static PVal not(PVal x) {
    if (x.isConst()) {
      return PVal.bool(x.constant() == 0);
    }
    // "!!" is Promela's sorted send, not a double negation.
    String t = x.text();
    return PVal.code(Type.BOOL, t.startsWith("!") ? "!(" + t + ")" : "!" + t);
  }

  static PVal and(List<PVal> xs) {
    List<String> parts = new ArrayList<>();
    for (PVal x : xs) {
      if (x.is(0)) {
        return PVal.FALSE;
      }
      if (!x.isConst()) {
        parts.add(x.text());
      }
    }
    return join(parts, " && ", PVal.TRUE);
  }

  static PVal or(List<PVal> xs) {
    List<String> parts = new ArrayList<>();
    for (PVal x : xs) {
      if (x.isConst() && x.constant() != 0) {
        return PVal.TRUE;
      }
      if (!x.isConst()) {
        parts.add(x.text());
      }
    }
    return join(parts, " || ", PVal.FALSE);
  }

  private static PVal join(List<String> parts, String op, PVal empty) {
    if (parts.isEmpty()) {
      return empty;
    }
    return PVal.code(Type.BOOL, parts.size() == 1 ? parts.get(0)
        : "(" + String.join(op, parts) + ")");
  }

  static PVal compare(Expr.CompareOp op, PVal a, PVal b) {
    if (a.isConst() && b.isConst()) {
      return PVal.bool(op.test(a.constant(), b.constant()));
    }
    if (a.type() == Type.BOOL && b.type() == Type.BOOL && b.isConst()
        && (op == Expr.CompareOp.EQ || op == Expr.CompareOp.NE)) {
      return (b.constant() != 0) == (op == Expr.CompareOp.EQ) ? a : not(a);
    }
    return PVal.code(Type.BOOL, "(" + a.text() + " " + op.symbol() + " " + b.text() + ")");
  }

  static PVal ite(PVal c, PVal a, PVal b) {
    if (c.isConst()) {
      return c.constant() != 0 ? a : b;
    }
    if (a.isConst() && b.isConst() && a.constant().equals(b.constant())) {
      return a;
    }
    return PVal.code(a.type(), "(" + c.text() + " -> " + a.text() + " : " + b.text() + ")");
  }

  private static PVal sum(List<PVal> xs) {
    int known = 0;
    List<String> parts = new ArrayList<>();
    for (PVal x : xs) {
      if (x.isConst()) {
        known += x.constant();
      } else {
        parts.add(x.text());
      }
    }
    if (parts.isEmpty()) {
      return PVal.of(Type.INT, known);
    }
    if (known != 0) {
      parts.add(Integer.toString(known));
    }
    return PVal.code(Type.INT, "(" + String.join(" + ", parts) + ")");
  }

  private static PVal mod(PVal a, PVal b) {
    if (a.isConst() && b.isConst()) {
      return PVal.of(Type.INT, a.constant() >= 0 && b.constant() > 0
          ? a.constant() % b.constant() : -1);
    }
    PVal defined = and(List.of(compare(Expr.CompareOp.GE, a, PVal.of(Type.INT, 0)),
        compare(Expr.CompareOp.GT, b, PVal.of(Type.INT, 0))));
    return ite(defined, PVal.code(Type.INT, "(" + a.text() + " % " + b.text() + ")"),
        PVal.of(Type.INT, -1));
  }

  /**
   * The lowest-keyed element satisfying the condition, ties to the lower index, else -1:
   * element {@code i} wins when it qualifies, no lower qualifying element has a key
   * {@code <=} its own and no higher one a key {@code <} its own.
   */
  private PVal argMin(Expr.ArgMin m, Map<String, PVal> env) {
    List<PVal> conds = unroll(m.var(), m.domain(), m.cond(), env);
    List<PVal> keys = unroll(m.var(), m.domain(), m.key(), env);
    PVal out = PVal.of(Type.INT, -1);
    for (int i = conds.size() - 1; i >= 0; i--) {
      List<PVal> wins = new ArrayList<>(List.of(conds.get(i)));
      for (int j = 0; j < conds.size(); j++) {
        if (j != i) {
          Expr.CompareOp beats = j < i ? Expr.CompareOp.LE : Expr.CompareOp.LT;
          wins.add(not(and(List.of(conds.get(j), compare(beats, keys.get(j), keys.get(i))))));
        }
      }
      out = ite(and(wins), PVal.of(Type.INT, i), out);
    }
    return out;
  }

  /** The {@code n}-th element (from 0) satisfying the condition, else -1. */
  private PVal nth(Expr.Nth nth, Map<String, PVal> env) {
    PVal n = expr(nth.n(), env);
    List<PVal> conds = unroll(nth.var(), nth.domain(), nth.cond(), env);
    PVal out = PVal.of(Type.INT, -1);
    for (int i = conds.size() - 1; i >= 0; i--) {
      PVal before = sum(conds.subList(0, i).stream()
          .map(x -> ite(x, PVal.of(Type.INT, 1), PVal.of(Type.INT, 0))).toList());
      out = ite(and(List.of(conds.get(i), compare(Expr.CompareOp.EQ, before, n))),
          PVal.of(Type.INT, i), out);
    }
    return out;
  }
}
