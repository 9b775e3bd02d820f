package org.hotplugchecker.checker.export;

import java.util.List;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.TopologyFacts;

/**
 * Translates rule expressions into TLA+. The structure is kept (quantifiers stay
 * quantifiers); knobs and the arch, constant for one export, become {@code TRUE} /
 * {@code FALSE}. State variables and topology attributes are functions over
 * {@code Nodes}, {@code Cpus} or {@code Blocks}; a read whose index may lie outside the
 * function's domain goes through {@code RdB} / {@code RdI}, which give {@code FALSE} /
 * {@code -1} there ({@code MODEL.md}: evaluation never fails).
 */
final class TlaExprs {
  private final TopologyFacts facts;

  TlaExprs(TopologyFacts facts) {
    this.facts = facts;
  }

  /**
   * {@code e} in {@code scope}, reading the state from the variables ({@code state} null) or
   * from the fields of the state record named {@code state}.
   */
  String expr(Expr e, TlaScope scope, String state) {
    if (e instanceof Expr.Bool b) {
      return b.value() ? "TRUE" : "FALSE";
    } else if (e instanceof Expr.Int i) {
      // TLC reads -2147483648 as the negation of 2147483648, a number too big for it.
      return i.value() == Integer.MIN_VALUE ? "(-2147483647 - 1)"
          : i.value() < 0 ? "(" + i.value() + ")" : Integer.toString(i.value());
    } else if (e instanceof Expr.Var v) {
      return scope.get(v.name()).name();
    } else if (e instanceof Expr.Read r) {
      return read(r, scope, state);
    } else if (e instanceof Expr.Topo t) {
      return topo(t, scope, state);
    } else if (e instanceof Expr.KnobIs k) {
      return facts.knobIs(k.knob(), k.value()) ? "TRUE" : "FALSE";
    } else if (e instanceof Expr.ArchIs a) {
      return facts.arch() == a.arch() ? "TRUE" : "FALSE";
    } else if (e instanceof Expr.Not n) {
      return "~" + expr(n.operand(), scope, state);
    } else if (e instanceof Expr.And a) {
      return join(a.operands(), " /\\ ", "TRUE", scope, state);
    } else if (e instanceof Expr.Or o) {
      return join(o.operands(), " \\/ ", "FALSE", scope, state);
    } else if (e instanceof Expr.Implies im) {
      return "(" + expr(im.left(), scope, state) + " => " + expr(im.right(), scope, state) + ")";
    } else if (e instanceof Expr.Iff iff) {
      return "(" + expr(iff.left(), scope, state) + " <=> " + expr(iff.right(), scope, state)
          + ")";
    } else if (e instanceof Expr.Compare c) {
      return "(" + expr(c.left(), scope, state) + " " + op(c.op()) + " "
          + expr(c.right(), scope, state) + ")";
    } else if (e instanceof Expr.Ite ite) {
      return "(IF " + expr(ite.cond(), scope, state) + " THEN " + expr(ite.then(), scope, state)
          + " ELSE " + expr(ite.otherwise(), scope, state) + ")";
    } else if (e instanceof Expr.Quant q) {
      String v = scope.fresh(q.var());
      return "(" + (q.quantifier() == Expr.Quantifier.FORALL ? "\\A " : "\\E ") + v + " \\in "
          + TlaNames.domain(q.domain()) + ": "
          + expr(q.body(), scope.with(q.var(), v, q.domain()), state) + ")";
    } else if (e instanceof Expr.ArgMin m) {
      return argMin(m, scope, state);
    } else if (e instanceof Expr.Count c) {
      String v = scope.fresh(c.var());
      return "Cardinality({" + v + " \\in " + TlaNames.domain(c.domain()) + ": "
          + expr(c.cond(), scope.with(c.var(), v, c.domain()), state) + "})";
    } else if (e instanceof Expr.Nth nth) {
      return nth(nth, scope, state);
    } else if (e instanceof Expr.Mod m) {
      String l = expr(m.left(), scope, state);
      String r = expr(m.right(), scope, state);
      return "(IF " + l + " >= 0 /\\ " + r + " > 0 THEN " + l + " % " + r + " ELSE -1)";
    } else if (e instanceof Expr.Let l) {
      String v = scope.fresh(l.var());
      return "(LET " + v + " == " + expr(l.value(), scope, state) + " IN "
          + expr(l.body(), scope.with(l.var(), v, null), state) + ")";
    }
    throw new ExportException("TLA+ export has no translation for " + e);
  }

  private String join(List<Expr> xs, String op, String empty, TlaScope scope, String state) {
    if (xs.isEmpty()) {
      return empty;
    }
    return "(" + String.join(op, xs.stream().map(x -> expr(x, scope, state)).toList()) + ")";
  }

  private static String op(Expr.CompareOp op) {
    return switch (op) {
      case EQ -> "=";
      case NE -> "#";
      case LT -> "<";
      case LE -> "<=";
      case GT -> ">";
      case GE -> ">=";
    };
  }

  /** The whole function of {@code slot} in {@code state}. */
  static String slot(Slot slot, String state) {
    return (state == null ? "" : state + ".") + TlaNames.variable(slot);
  }

  /**
   * Whether {@code index} surely lies in {@code d}: a constant in range, or a variable
   * bound to range over {@code d}.
   */
  boolean inRange(Expr index, Domain d, TlaScope scope) {
    if (index instanceof Expr.Int i) {
      return i.value() >= 0 && i.value() < facts.size(d);
    }
    return index instanceof Expr.Var v && scope.get(v.name()).domain() == d;
  }

  private String read(Expr.Read r, TlaScope scope, String state) {
    Slot slot = r.slot();
    if (slot.isScalar() != (r.index() == null)) {
      throw new ExportException(slot.name() + (slot.isScalar() ? " is a scalar, read with an "
          + "index" : " is an array, read without an index"));
    }
    if (slot.isScalar()) {
      return slot(slot, state);
    }
    return index(slot(slot, state), slot.type(), r.index(), slot.index(), scope, state);
  }

  private String index(String f, Type type, Expr index, Domain d, TlaScope scope, String state) {
    String i = expr(index, scope, state);
    if (inRange(index, d, scope)) {
      return f + "[" + i + "]";
    }
    return (type == Type.BOOL ? "RdB(" : "RdI(") + f + ", " + i + ")";
  }

  private String topo(Expr.Topo t, TlaScope scope, String state) {
    TopologyAttr attr = t.attr();
    if (t.indices().size() != attr.indices().size()) {
      throw new ExportException(attr.name() + " takes " + attr.indices().size()
          + " indices, got " + t.indices().size());
    }
    String f = TlaNames.topology(attr);
    if (attr.indices().size() == 1) {
      return index(f, attr.type(), t.indices().get(0), attr.indices().get(0), scope, state);
    }
    if (attr.indices().size() != 2 || attr.type() != Type.INT) {
      throw new ExportException("TLA+ export reads two-index int attributes only, not "
          + attr.name());
    }
    Expr i = t.indices().get(0);
    Expr j = t.indices().get(1);
    if (inRange(i, attr.indices().get(0), scope) && inRange(j, attr.indices().get(1), scope)) {
      return f + "[" + expr(i, scope, state) + "][" + expr(j, scope, state) + "]";
    }
    return "RdI2(" + f + ", " + expr(i, scope, state) + ", " + expr(j, scope, state) + ")";
  }

  /** The lowest-keyed qualifying element, ties to the lower index; -1 when none qualifies. */
  private String argMin(Expr.ArgMin m, TlaScope scope, String state) {
    String set = scope.fresh("qualifying");
    TlaScope inner = scope.taking(set);
    String v = inner.fresh(m.var());
    String cond = expr(m.cond(), inner.with(m.var(), v, m.domain()), state);
    TlaScope choose = inner.taking(v);
    String best = choose.fresh(m.var() + "_best");
    TlaScope other = choose.taking(best);
    String rival = other.fresh(m.var() + "_other");
    String keyBest = expr(m.key(), other.with(m.var(), best, m.domain()), state);
    String keyRival = expr(m.key(), other.taking(rival).with(m.var(), rival, m.domain()), state);
    return "(LET " + set + " == {" + v + " \\in " + TlaNames.domain(m.domain()) + ": " + cond
        + "} IN IF " + set + " = {} THEN -1 ELSE CHOOSE " + best + " \\in " + set + ": \\A "
        + rival + " \\in " + set + ": " + keyBest + " < " + keyRival + " \\/ (" + keyBest
        + " = " + keyRival + " /\\ " + best + " <= " + rival + "))";
  }

  /** The {@code n}-th (from 0) qualifying element in increasing order; -1 when fewer qualify. */
  private String nth(Expr.Nth nth, TlaScope scope, String state) {
    String set = scope.fresh("qualifying");
    String n = scope.taking(set).fresh("n");
    TlaScope inner = scope.taking(set).taking(n);
    String v = inner.fresh(nth.var());
    String cond = expr(nth.cond(), inner.with(nth.var(), v, nth.domain()), state);
    String pick = inner.taking(v).fresh(nth.var() + "_nth");
    String lower = inner.taking(v).taking(pick).fresh(nth.var() + "_lower");
    return "(LET " + set + " == {" + v + " \\in " + TlaNames.domain(nth.domain()) + ": " + cond
        + "} " + n + " == " + expr(nth.n(), scope, state) + " IN IF " + n + " >= 0 /\\ " + n
        + " < Cardinality(" + set + ") THEN CHOOSE " + pick + " \\in " + set
        + ": Cardinality({" + lower + " \\in " + set + ": " + lower + " < " + pick + "}) = " + n
        + " ELSE -1)";
  }
}
