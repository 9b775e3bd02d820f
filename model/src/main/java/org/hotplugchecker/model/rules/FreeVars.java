package org.hotplugchecker.model.rules;

import java.util.LinkedHashSet;
import java.util.Set;

/** The variables an expression reads without binding them itself. */
public final class FreeVars {
  private FreeVars() {}

  /** The free variables of {@code e}, in order of first occurrence. */
  public static Set<String> of(Expr e) {
    Set<String> out = new LinkedHashSet<>();
    collect(e, Set.of(), out);
    return out;
  }

  private static void collect(Expr e, Set<String> bound, Set<String> out) {
    if (e instanceof Expr.Var v) {
      if (!bound.contains(v.name())) {
        out.add(v.name());
      }
      return;
    }
    String binds = binder(e);
    if (e instanceof Expr.Let l) {
      collect(l.value(), bound, out); // the value is outside the binding
      collect(l.body(), with(bound, l.var()), out);
      return;
    }
    if (e instanceof Expr.Nth n) {
      collect(n.n(), bound, out);
      collect(n.cond(), with(bound, n.var()), out);
      return;
    }
    Set<String> inner = binds == null ? bound : with(bound, binds);
    for (Expr c : ExprAnalysis.children(e)) {
      collect(c, inner, out);
    }
  }

  /** The variable {@code e} binds over its children, or null. */
  private static String binder(Expr e) {
    if (e instanceof Expr.Quant q) {
      return q.var();
    } else if (e instanceof Expr.ArgMin m) {
      return m.var();
    } else if (e instanceof Expr.Count c) {
      return c.var();
    }
    return null;
  }

  private static Set<String> with(Set<String> s, String v) {
    Set<String> out = new LinkedHashSet<>(s);
    out.add(v);
    return out;
  }
}
