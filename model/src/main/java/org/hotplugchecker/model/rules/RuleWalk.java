package org.hotplugchecker.model.rules;

import java.util.ArrayList;
import java.util.List;

/** Every expression a rule set contains, for analyses over the whole table. */
public final class RuleWalk {
  private RuleWalk() {}

  /** The top-level expressions of {@code rules}: guards, values, conditions, properties. */
  public static List<Expr> expressions(RuleSet rules) {
    List<Expr> out = new ArrayList<>();
    out.add(rules.enabledOnlyWhen());
    statements(rules.boot(), out);
    for (Procedure p : rules.procedures()) {
      statements(p.body(), out);
    }
    for (ActionRule a : rules.actions()) {
      out.add(a.guard());
      statements(a.body(), out);
    }
    for (PropertyRule p : rules.properties()) {
      if (p instanceof PropertyRule.Invariant i) {
        out.add(i.holds());
      } else if (p instanceof PropertyRule.ActionProperty ap) {
        out.add(ap.applies());
        out.add(ap.holds());
      }
    }
    return out;
  }

  /** Adds the expressions of {@code stmts} (recursively) to {@code out}. */
  public static void statements(List<Stmt> stmts, List<Expr> out) {
    for (Stmt s : stmts) {
      if (s instanceof Stmt.Assign a) {
        if (a.index() != null) {
          out.add(a.index());
        }
        out.add(a.value());
      } else if (s instanceof Stmt.If i) {
        out.add(i.cond());
        statements(i.then(), out);
        statements(i.otherwise(), out);
      } else if (s instanceof Stmt.ForEach f) {
        statements(f.body(), out);
      } else if (s instanceof Stmt.Let l) {
        out.add(l.value());
        statements(l.body(), out);
      } else if (s instanceof Stmt.Invoke inv) {
        out.addAll(inv.args());
      } else if (s instanceof Stmt.KernelCall k) {
        out.addAll(k.args());
      }
    }
  }
}
