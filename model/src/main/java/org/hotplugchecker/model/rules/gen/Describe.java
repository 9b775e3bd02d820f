package org.hotplugchecker.model.rules.gen;

import java.util.List;
import java.util.stream.Collectors;
import org.hotplugchecker.model.rules.Expr;

/**
 * A rule expression as one line of text for the generated code's comments, so that a
 * reader sees which rule a table or helper stands for. Parenthesises every compound operand;
 * covers every node (the invariant language's printer writes only its own subset).
 */
final class Describe {
  private Describe() {}

  static String of(Expr e) {
    return text(e).replace("*/", "* /");
  }

  private static String text(Expr e) {
    if (e instanceof Expr.Bool b) {
      return Boolean.toString(b.value());
    } else if (e instanceof Expr.Int i) {
      return Integer.toString(i.value());
    } else if (e instanceof Expr.Var v) {
      return v.name();
    } else if (e instanceof Expr.Read r) {
      return r.slot().name() + (r.index() == null ? "" : "[" + text(r.index()) + "]");
    } else if (e instanceof Expr.Topo t) {
      return t.attr().name() + t.indices().stream().map(i -> "[" + text(i) + "]")
          .collect(Collectors.joining());
    } else if (e instanceof Expr.KnobIs k) {
      return k.knob() + " == " + k.value();
    } else if (e instanceof Expr.ArchIs a) {
      return "arch == " + a.arch().name().toLowerCase();
    } else if (e instanceof Expr.Not n) {
      return "!" + operand(n.operand());
    } else if (e instanceof Expr.And a) {
      return chain(a.operands(), " && ", "true");
    } else if (e instanceof Expr.Or o) {
      return chain(o.operands(), " || ", "false");
    } else if (e instanceof Expr.Implies i) {
      return operand(i.left()) + " -> " + operand(i.right());
    } else if (e instanceof Expr.Iff i) {
      return operand(i.left()) + " <-> " + operand(i.right());
    } else if (e instanceof Expr.Compare c) {
      return operand(c.left()) + " " + c.op().symbol() + " " + operand(c.right());
    } else if (e instanceof Expr.Ite i) {
      return operand(i.cond()) + " ? " + operand(i.then()) + " : " + operand(i.otherwise());
    } else if (e instanceof Expr.Quant q) {
      return q.quantifier().keyword() + " " + q.var() + " in " + q.domain() + ": "
          + text(q.body());
    } else if (e instanceof Expr.ArgMin m) {
      return "argmin " + m.var() + " in " + m.domain() + " where " + operand(m.cond())
          + " by " + operand(m.key());
    } else if (e instanceof Expr.Count c) {
      return "count " + c.var() + " in " + c.domain() + ": " + text(c.cond());
    } else if (e instanceof Expr.Nth n) {
      return "nth " + operand(n.n()) + " " + n.var() + " in " + n.domain() + ": "
          + text(n.cond());
    } else if (e instanceof Expr.Mod m) {
      return operand(m.left()) + " mod " + operand(m.right());
    } else if (e instanceof Expr.Let l) {
      return "let " + l.var() + " = " + operand(l.value()) + " in " + text(l.body());
    }
    return e.toString();
  }

  private static String operand(Expr e) {
    boolean atom = e instanceof Expr.Bool || e instanceof Expr.Int || e instanceof Expr.Var
        || e instanceof Expr.Read || e instanceof Expr.Topo || e instanceof Expr.Not;
    return atom ? text(e) : "(" + text(e) + ")";
  }

  private static String chain(List<Expr> es, String op, String empty) {
    return es.isEmpty() ? empty : es.stream().map(Describe::operand)
        .collect(Collectors.joining(op));
  }
}
