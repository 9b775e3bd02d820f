package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Stmt;

/**
 * Rule statements as Java statements on a packed state {@code s}. Kernel calls are dropped:
 * they change nothing, and traces come from the interpreter.
 */
final class StmtGen {
  private final ExprGen exprs;

  StmtGen(ExprGen exprs) {
    this.exprs = exprs;
  }

  void block(List<Stmt> stmts, Scope sc, JavaWriter w) {
    for (Stmt s : stmts) {
      if (changesState(s)) {
        stmt(s, sc, w);
      }
    }
  }

  /**
   * Whether {@code s} can change the state. Statements that cannot only describe a step for
   * traces (kernel calls, and the conditions and lets around them, such as the node an
   * allocation is served from): the search has no use for them.
   */
  static boolean changesState(Stmt s) {
    if (s instanceof Stmt.Assign || s instanceof Stmt.Invoke) {
      return true;
    } else if (s instanceof Stmt.If i) {
      return i.then().stream().anyMatch(StmtGen::changesState)
          || i.otherwise().stream().anyMatch(StmtGen::changesState);
    } else if (s instanceof Stmt.ForEach f) {
      return f.body().stream().anyMatch(StmtGen::changesState);
    } else if (s instanceof Stmt.Let l) {
      return l.body().stream().anyMatch(StmtGen::changesState);
    }
    return false;
  }

  private void stmt(Stmt s, Scope sc, JavaWriter w) {
    StateAccess access = exprs.access();
    if (s instanceof Stmt.Assign a) {
      String idx = a.index() == null ? "0" : exprs.gen(a.index(), sc);
      String value = exprs.gen(a.value(), sc);
      boolean inDomain = a.slot().isScalar()
          || (a.index() != null && ExprGen.inDomain(a.index(), a.slot().index(), sc));
      w.line(inDomain ? access.writeInDomain(a.slot(), idx, value)
          : access.write(a.slot(), idx, value));
    } else if (s instanceof Stmt.If i) {
      w.open("if (" + exprs.gen(i.cond(), sc) + ") {");
      block(i.then(), sc, w);
      if (i.otherwise().stream().anyMatch(StmtGen::changesState)) {
        w.reopen("} else {");
        block(i.otherwise(), sc, w);
      }
      w.close();
    } else if (s instanceof Stmt.ForEach fe) {
      Scope inner = sc.with(fe.var(), fe.domain());
      String v = inner.get(fe.var()).java();
      w.open("for (int " + v + " = 0; " + v + " < N_" + fe.domain().name() + "; " + v + "++) {");
      block(fe.body(), inner, w);
      w.close();
    } else if (s instanceof Stmt.Let l) {
      Scope inner = sc.with(l.var(), ExprGen.domainOf(l.value(), sc));
      w.open("{");
      w.line("final int " + inner.get(l.var()).java() + " = " + exprs.gen(l.value(), sc) + ";");
      block(l.body(), inner, w);
      w.close();
    } else if (s instanceof Stmt.Invoke inv) {
      List<String> args = new ArrayList<>();
      args.add("s");
      for (Expr a : inv.args()) {
        args.add(exprs.gen(a, sc));
      }
      String call = KernelGenerator.procedureMethod(inv.procedure(), access) + "("
          + String.join(", ", args) + ");";
      w.line(access.functional() ? "s = " + call : call);
    } else if (s instanceof Stmt.KernelCall) {
      return; // traces come from the interpreter
    } else {
      throw new IllegalArgumentException("the code generator has no translation for " + s);
    }
  }
}
