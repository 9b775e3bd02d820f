package org.hotplugchecker.checker.export;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Procedure;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Stmt;

/**
 * Translates statement bodies into TLA+ as functions of a state record: a sequence is a
 * chain of {@code LET} definitions, each statement's record built from the one before
 * (so each statement sees the effects of those before it); a loop applies a local
 * operator to its domain's elements in increasing order; a procedure is a top-level
 * operator taking the record and its arguments (by value, as TLA+ always passes them). A
 * write out of range is an {@code Assert} failure, an error for TLC. Kernel calls change
 * nothing and only name the kernel functions for traces: TLA+ has no place for them.
 */
final class TlaStmts {
  private final TlaExprs exprs;
  private final ToIntFunction<Domain> size;

  TlaStmts(TlaExprs exprs, ToIntFunction<Domain> size) {
    this.exprs = exprs;
    this.size = size;
  }

  /** {@code stmts} applied to the record {@code in}: an expression for the resulting record. */
  String block(List<Stmt> all, String in, TlaScope scope, String indent) {
    List<Stmt> stmts = all.stream().filter(TlaStmts::changesState).toList();
    if (stmts.isEmpty()) {
      return in;
    }
    StringBuilder sb = new StringBuilder("LET ");
    String prev = in;
    TlaScope s = scope;
    for (int k = 0; k < stmts.size(); k++) {
      String name = s.fresh("s");
      String rhs = stmt(stmts.get(k), prev, s, indent + "    ");
      s = s.taking(name);
      if (k > 0) {
        sb.append('\n').append(indent).append("    ");
      }
      sb.append(name).append(" == ").append(rhs);
      prev = name;
    }
    return sb.append('\n').append(indent).append("IN ").append(prev).toString();
  }

  /**
   * Whether {@code st} may change the state: a kernel call never does, and neither does a
   * statement made only of kernel calls, which TLA+ need not spell out.
   */
  private static boolean changesState(Stmt st) {
    if (st instanceof Stmt.KernelCall) {
      return false;
    } else if (st instanceof Stmt.If i) {
      return i.then().stream().anyMatch(TlaStmts::changesState)
          || i.otherwise().stream().anyMatch(TlaStmts::changesState);
    } else if (st instanceof Stmt.ForEach f) {
      return f.body().stream().anyMatch(TlaStmts::changesState);
    } else if (st instanceof Stmt.Let l) {
      return l.body().stream().anyMatch(TlaStmts::changesState);
    }
    return true;
  }

  private String stmt(Stmt st, String in, TlaScope scope, String indent) {
    if (st instanceof Stmt.Assign a) {
      return assign(a, in, scope);
    } else if (st instanceof Stmt.If i) {
      return "IF " + exprs.expr(i.cond(), scope, in) + "\n" + indent + "THEN "
          + nested(i.then(), in, scope, indent) + "\n" + indent + "ELSE "
          + nested(i.otherwise(), in, scope, indent);
    } else if (st instanceof Stmt.ForEach fe) {
      int n = size.applyAsInt(fe.domain());
      if (n == 0) {
        return in;
      }
      String op = scope.fresh("Loop");
      TlaScope inner = scope.taking(op);
      String rec = inner.fresh("st");
      String v = inner.taking(rec).fresh(fe.var());
      String body = block(fe.body(), rec, inner.taking(rec).with(fe.var(), v, fe.domain()),
          indent + "    ");
      String apply = in;
      for (int k = 0; k < n; k++) {
        apply = op + "(" + apply + ", " + k + ")";
      }
      return "LET " + op + "(" + rec + ", " + v + ") ==\n" + indent + "      " + body + "\n"
          + indent + "IN " + apply;
    } else if (st instanceof Stmt.Let l) {
      String v = scope.fresh(l.var());
      return "LET " + v + " == " + exprs.expr(l.value(), scope, in) + "\n" + indent + "IN "
          + nested(l.body(), in, scope.with(l.var(), v, null), indent);
    } else if (st instanceof Stmt.Invoke inv) {
      return invoke(inv, in, scope);
    } else if (st instanceof Stmt.KernelCall) {
      return in;
    }
    throw new ExportException("TLA+ export has no translation for " + st);
  }

  private String nested(List<Stmt> stmts, String in, TlaScope scope, String indent) {
    return stmts.stream().noneMatch(TlaStmts::changesState) ? in
        : "(" + block(stmts, in, scope, indent + "  ") + ")";
  }

  private String assign(Stmt.Assign a, String in, TlaScope scope) {
    Slot slot = a.slot();
    if (slot.isScalar() != (a.index() == null)) {
      throw new ExportException(slot.name() + (slot.isScalar() ? " is a scalar, written with "
          + "an index" : " is an array, written without an index"));
    }
    String field = TlaNames.variable(slot);
    String value = exprs.expr(a.value(), scope, in);
    if (slot.isScalar()) {
      return "[" + in + " EXCEPT !." + field + " = " + value + "]";
    }
    String index = exprs.expr(a.index(), scope, in);
    if (exprs.inRange(a.index(), slot.index(), scope)) {
      return "[" + in + " EXCEPT !." + field + "[" + index + "] = " + value + "]";
    }
    return "[" + in + " EXCEPT !." + field + " = Wr(@, " + index + ", " + value + ", \""
        + slot.name() + "\")]";
  }

  private String invoke(Stmt.Invoke inv, String in, TlaScope scope) {
    Procedure p = inv.procedure();
    if (inv.args().size() != p.params().size()) {
      throw new ExportException(p.name() + " takes " + p.params().size() + " arguments, got "
          + inv.args().size());
    }
    String name = procedureName(p);
    StringBuilder sb = new StringBuilder(name).append('(').append(in);
    for (var arg : inv.args()) {
      sb.append(", ").append(exprs.expr(arg, scope, in));
    }
    return sb.append(')').toString();
  }

  /**
   * The definition of procedure {@code p} as the operator {@link #procedureName}, in the
   * module's scope {@code topLevel}: it sees only its parameters.
   */
  String procedureDefinition(Procedure p, TlaScope topLevel) {
    TlaScope scope = topLevel.withoutVariables();
    String rec = scope.fresh("s");
    scope = scope.taking(rec);
    List<String> params = new ArrayList<>(List.of(rec));
    for (String param : p.params()) {
      String v = scope.fresh(param);
      scope = scope.with(param, v, null);
      params.add(v);
    }
    return procedureName(p) + "(" + String.join(", ", params) + ") ==\n  "
        + block(p.body(), rec, scope, "  ") + "\n";
  }

  /** The operator that runs procedure {@code p}. */
  static String procedureName(Procedure p) {
    return "Proc_" + Identifiers.plain(p.name());
  }
}
