package org.hotplugchecker.model.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Structural questions about expressions that several engines ask. */
public final class ExprAnalysis {
  private ExprAnalysis() {}

  /** The direct subexpressions of {@code e}, in order. */
  public static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Read r) {
      if (r.index() != null) {
        out.add(r.index());
      }
    } else if (e instanceof Expr.Topo t) {
      out.addAll(t.indices());
    } else if (e instanceof Expr.Not n) {
      out.add(n.operand());
    } else if (e instanceof Expr.And a) {
      out.addAll(a.operands());
    } else if (e instanceof Expr.Or o) {
      out.addAll(o.operands());
    } else if (e instanceof Expr.Implies i) {
      out.add(i.left());
      out.add(i.right());
    } else if (e instanceof Expr.Iff i) {
      out.add(i.left());
      out.add(i.right());
    } else if (e instanceof Expr.Compare c) {
      out.add(c.left());
      out.add(c.right());
    } else if (e instanceof Expr.Ite i) {
      out.add(i.cond());
      out.add(i.then());
      out.add(i.otherwise());
    } else if (e instanceof Expr.Quant q) {
      out.add(q.body());
    } else if (e instanceof Expr.ArgMin m) {
      out.add(m.cond());
      out.add(m.key());
    } else if (e instanceof Expr.Count c) {
      out.add(c.cond());
    } else if (e instanceof Expr.Nth n) {
      out.add(n.cond());
      out.add(n.n());
    } else if (e instanceof Expr.Mod m) {
      out.add(m.left());
      out.add(m.right());
    } else if (e instanceof Expr.Let l) {
      out.add(l.value());
      out.add(l.body());
    }
    return out;
  }

  /** Visits {@code e} and every subexpression, parents first. */
  public static void visit(Expr e, Consumer<Expr> visitor) {
    visitor.accept(e);
    for (Expr c : children(e)) {
      visit(c, visitor);
    }
  }

  /** Whether {@code e} reads any state variable (else the topology decides it). */
  public static boolean readsState(Expr e) {
    boolean[] found = {false};
    visit(e, x -> found[0] |= x instanceof Expr.Read);
    return found[0];
  }

  /** The conjuncts of {@code e}: its operands if it is an {@link Expr.And}, flattened. */
  public static List<Expr> conjuncts(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.And a) {
      for (Expr x : a.operands()) {
        out.addAll(conjuncts(x));
      }
    } else {
      out.add(e);
    }
    return out;
  }
}
