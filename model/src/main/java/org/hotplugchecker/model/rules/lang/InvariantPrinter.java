package org.hotplugchecker.model.rules.lang;

import java.util.List;
import java.util.regex.Pattern;
import org.hotplugchecker.model.rules.Expr;

/**
 * Writes an expression of the invariant language's subset of {@link Expr} (what
 * {@link InvariantParser} returns) as source text that parses back to an equal expression.
 *
 * <p>Parentheses are the fewest the grammar needs, plus two kinds that only make the text
 * safe to read: {@code !(a == b)} (the grammar would take {@code !a == b} the same way,
 * but a C reader would not) and {@code a -> (b <-> c)} when {@code ->} and {@code <->} mix.
 * A nested {@link Expr.And} inside an {@link Expr.And} (and {@link Expr.Or} inside
 * {@link Expr.Or}) keeps its parentheses, since {@code a && b && c} is one three-operand
 * node. Operators are surrounded by single spaces. Stateless.
 */
public final class InvariantPrinter {
  // Binding levels, loosest first: the grammar's expr (quantifiers, -> and <->), or, and,
  // not, cmp, atom. A subexpression is parenthesised when its level is looser than its
  // position allows.
  private static final int EXPR = 0;
  private static final int OR = 1;
  private static final int AND = 2;
  private static final int NOT = 3;
  private static final int CMP = 4;
  private static final int ATOM = 5;
  private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private InvariantPrinter() {}

  /**
   * The source text of {@code e}.
   *
   * @throws IllegalArgumentException if {@code e} has a node the language cannot write
   *     (e.g. {@link Expr.Ite}, an {@link Expr.And} of fewer than two operands, a read with
   *     the wrong number of indices, a variable name that is a keyword)
   */
  public static String print(Expr e) {
    StringBuilder out = new StringBuilder();
    print(e, EXPR, out);
    return out.toString();
  }

  private static void print(Expr e, int position, StringBuilder out) {
    boolean parens = level(e) < position;
    if (parens) {
      out.append('(');
    }
    if (e instanceof Expr.Quant q) {
      out.append(q.quantifier().keyword()).append(' ').append(variable(q.var())).append(" in ")
          .append(q.domain().keyword()).append(": ");
      print(q.body(), EXPR, out);
    } else if (e instanceof Expr.Implies i) {
      binary(i.left(), " -> ", i.right(), i.right() instanceof Expr.Iff, out);
    } else if (e instanceof Expr.Iff i) {
      binary(i.left(), " <-> ", i.right(), i.right() instanceof Expr.Implies, out);
    } else if (e instanceof Expr.Or o) {
      chain(o.operands(), " || ", AND, out);
    } else if (e instanceof Expr.And a) {
      chain(a.operands(), " && ", NOT, out);
    } else if (e instanceof Expr.Not n) {
      out.append('!');
      print(n.operand(), n.operand() instanceof Expr.Compare ? ATOM : NOT, out);
    } else if (e instanceof Expr.Compare c) {
      print(c.left(), ATOM, out);
      out.append(' ').append(c.op().symbol()).append(' ');
      print(c.right(), ATOM, out);
    } else if (e instanceof Expr.Read r) {
      if (r.slot().isScalar() != (r.index() == null)) {
        throw new IllegalArgumentException("a read of " + r.slot().name()
            + " with the wrong number of indices: " + e);
      }
      out.append(r.slot().name());
      if (r.index() != null) {
        index(r.index(), out);
      }
    } else if (e instanceof Expr.Topo t) {
      if (t.indices().size() != t.attr().indices().size()) {
        throw new IllegalArgumentException("a read of " + t.attr().name()
            + " with the wrong number of indices: " + e);
      }
      out.append(t.attr().name());
      t.indices().forEach(i -> index(i, out));
    } else if (e instanceof Expr.Var v) {
      out.append(variable(v.name()));
    } else if (e instanceof Expr.Int i) {
      out.append(i.value());
    } else if (e instanceof Expr.Bool b) {
      out.append(b.value());
    } else {
      throw new IllegalArgumentException("the invariant language cannot write " + e);
    }
    if (parens) {
      out.append(')');
    }
  }

  private static int level(Expr e) {
    if (e instanceof Expr.Quant || e instanceof Expr.Implies || e instanceof Expr.Iff) {
      return EXPR;
    } else if (e instanceof Expr.Or) {
      return OR;
    } else if (e instanceof Expr.And) {
      return AND;
    } else if (e instanceof Expr.Not) {
      return NOT;
    } else if (e instanceof Expr.Compare) {
      return CMP;
    }
    return ATOM;
  }

  /** {@code ->} / {@code <->}: right-associative; the left side is an or-level term. */
  private static void binary(Expr left, String op, Expr right, boolean mixed,
      StringBuilder out) {
    print(left, OR, out);
    out.append(op);
    print(right, mixed ? OR : EXPR, out);
  }

  private static void chain(List<Expr> operands, String op, int position, StringBuilder out) {
    if (operands.size() < 2) {
      throw new IllegalArgumentException("the invariant language writes " + op.trim()
          + " with two operands or more, not " + operands.size());
    }
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) {
        out.append(op);
      }
      print(operands.get(i), position, out);
    }
  }

  private static void index(Expr index, StringBuilder out) {
    out.append('[');
    print(index, EXPR, out);
    out.append(']');
  }

  private static String variable(String name) {
    if (!VARIABLE.matcher(name).matches() || Names.KEYWORDS.contains(name)) {
      throw new IllegalArgumentException("not a variable name of the invariant language: "
          + name);
    }
    return name;
  }
}
