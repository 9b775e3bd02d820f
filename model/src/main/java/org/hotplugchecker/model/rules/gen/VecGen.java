package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.ExprAnalysis;
import org.hotplugchecker.model.rules.FreeVars;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.Types;

/**
 * Bit-parallel translation of a boolean expression over one bound variable {@code v} of a
 * domain: a Java {@code long} whose bit {@code i} is the expression's value at
 * {@code v = i}, so that a quantifier, a count or an arg-min's candidate set is a few
 * word operations instead of a loop. It works when the expression only combines, with
 * boolean operators:
 * <ul>
 *   <li>subexpressions without {@code v} (the same at every bit);
 *   <li>a flag array at {@code v} (the whole array, read with one shift);
 *   <li>static predicates of {@code v} (masks the constructor computes, {@link Tables});
 *   <li>a flag array at a static index of {@code v} (the elements whose index hits a set
 *       flag, {@link Tables#select}).
 * </ul>
 * Anything else (a node-valued state variable at {@code v}, say) gives null, and the
 * caller loops. Bits above the domain's size may be anything; callers mask them.
 */
final class VecGen {
  private final ExprGen exprs;
  private final Tables tables;

  VecGen(ExprGen exprs, Tables tables) {
    this.exprs = exprs;
    this.tables = tables;
  }

  /**
   * {@code e} over {@code v} in {@code d} as a bit vector, in {@code sc} (v bound); or null,
   * having generated nothing.
   */
  String vector(Expr e, String v, Domain d, Scope sc) {
    return can(e, v, sc) ? vec(e, v, d, sc) : null;
  }

  /** Whether {@link #vec} translates {@code e}. */
  private boolean can(Expr e, String v, Scope sc) {
    if (!FreeVars.of(e).contains(v)) {
      return true;
    } else if (!ExprAnalysis.readsState(e)) {
      List<String> outer = new ArrayList<>(FreeVars.of(e));
      outer.remove(v);
      return outer.isEmpty() || (outer.size() == 1 && sc.get(outer.get(0)).range() != null);
    } else if (e instanceof Expr.Read r) {
      return r.slot().type() == Type.BOOL && !r.slot().isScalar()
          && !ExprAnalysis.readsState(r.index()) && List.of(v).containsAll(FreeVars.of(r.index()));
    } else if (e instanceof Expr.Not || e instanceof Expr.And || e instanceof Expr.Or
        || e instanceof Expr.Implies || e instanceof Expr.Iff
        || (e instanceof Expr.Compare c && Types.of(c.left()) == Type.BOOL)
        || (e instanceof Expr.Ite i && Types.of(i.then()) == Type.BOOL)) {
      return ExprAnalysis.children(e).stream().allMatch(x -> can(x, v, sc));
    }
    return false;
  }

  private String vec(Expr e, String v, Domain d, Scope sc) {
    if (!FreeVars.of(e).contains(v)) {
      if (e instanceof Expr.Bool b) {
        return b.value() ? "-1L" : "0L";
      }
      return "(" + exprs.gen(e, sc) + " ? -1L : 0L)";
    }
    if (!ExprAnalysis.readsState(e)) {
      return tables.mask(e, v, d, sc);
    }
    if (e instanceof Expr.Read r) {
      return read(r, v, d);
    } else if (e instanceof Expr.Not n) {
      String x = vec(n.operand(), v, d, sc);
      return x == null ? null : "~" + x;
    } else if (e instanceof Expr.And a) {
      return join(a.operands(), " & ", v, d, sc);
    } else if (e instanceof Expr.Or o) {
      return join(o.operands(), " | ", v, d, sc);
    } else if (e instanceof Expr.Implies i) {
      return binary("(~", i.left(), " | ", i.right(), ")", v, d, sc);
    } else if (e instanceof Expr.Iff i) {
      return binary("~(", i.left(), " ^ ", i.right(), ")", v, d, sc);
    } else if (e instanceof Expr.Compare c && Types.of(c.left()) == Type.BOOL) {
      boolean eq = c.op() == Expr.CompareOp.EQ;
      return binary(eq ? "~(" : "(", c.left(), " ^ ", c.right(), ")", v, d, sc);
    } else if (e instanceof Expr.Ite i && Types.of(i.then()) == Type.BOOL) {
      String a = vec(i.then(), v, d, sc);
      String b = vec(i.otherwise(), v, d, sc);
      if (a == null || b == null) {
        return null;
      }
      if (!FreeVars.of(i.cond()).contains(v)) {
        return "(" + exprs.gen(i.cond(), sc) + " ? " + a + " : " + b + ")";
      }
      String c = vec(i.cond(), v, d, sc);
      return c == null ? null : "((" + c + " & " + a + ") | (~" + c + " & " + b + "))";
    }
    return null;
  }

  private String read(Expr.Read r, String v, Domain d) {
    if (r.slot().type() != Type.BOOL || r.slot().isScalar()) {
      return null;
    }
    String flags = exprs.access().vec(r.slot());
    if (r.index() instanceof Expr.Var x && x.name().equals(v) && r.slot().index() == d) {
      return flags;
    }
    if (ExprAnalysis.readsState(r.index())) {
      return null;
    }
    return tables.select(flags, r.index(), v, d, r.slot().index());
  }

  private String join(List<Expr> es, String op, String v, Domain d, Scope sc) {
    List<String> parts = new ArrayList<>();
    for (Expr x : es) {
      String p = vec(x, v, d, sc);
      if (p == null) {
        return null;
      }
      parts.add(p);
    }
    return parts.isEmpty() ? (op.contains("&") ? "-1L" : "0L")
        : "(" + String.join(op, parts) + ")";
  }

  private String binary(String open, Expr a, String op, Expr b, String close, String v,
      Domain d, Scope sc) {
    String x = vec(a, v, d, sc);
    String y = x == null ? null : vec(b, v, d, sc);
    return y == null ? null : open + x + op + y + close;
  }
}
