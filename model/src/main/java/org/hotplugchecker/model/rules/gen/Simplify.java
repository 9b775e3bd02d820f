package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Type;

/**
 * Drops operands that their siblings make redundant, by the language's rule that a read
 * outside an array gives false: in {@code x != -1 && flag[x]} the read is already false at
 * {@code -1}, so the test can go (and dually {@code x == -1 || !flag[x]}). Works for any
 * negative constant, which no array has as an index.
 */
final class Simplify {
  private Simplify() {}

  /** The operands of a conjunction without the redundant ones, in order. */
  static List<Expr> conjuncts(List<Expr> ops) {
    return without(ops, Expr.CompareOp.NE, false);
  }

  /** The operands of a disjunction without the redundant ones, in order. */
  static List<Expr> disjuncts(List<Expr> ops) {
    return without(ops, Expr.CompareOp.EQ, true);
  }

  private static List<Expr> without(List<Expr> ops, Expr.CompareOp op, boolean negated) {
    List<Expr> out = new ArrayList<>();
    for (Expr e : ops) {
      Expr x = outsideTest(e, op);
      if (x == null || !readsFlagAt(ops, x, negated)) {
        out.add(e);
      }
    }
    return out;
  }

  /** {@code x} if {@code e} is {@code x op c} (or {@code c op x}) for a negative c, else null. */
  private static Expr outsideTest(Expr e, Expr.CompareOp op) {
    if (e instanceof Expr.Compare c && c.op() == op) {
      if (c.right() instanceof Expr.Int i && i.value() < 0) {
        return c.left();
      } else if (c.left() instanceof Expr.Int i && i.value() < 0) {
        return c.right();
      }
    }
    return null;
  }

  /** Whether some operand is {@code flag[x]} (or {@code !flag[x]}) for a boolean array. */
  private static boolean readsFlagAt(List<Expr> ops, Expr x, boolean negated) {
    for (Expr e : ops) {
      Expr inner = e;
      if (negated) {
        if (!(e instanceof Expr.Not n)) {
          continue;
        }
        inner = n.operand();
      }
      if (inner instanceof Expr.Read r && r.slot().type() == Type.BOOL && x.equals(r.index())) {
        return true;
      }
    }
    return false;
  }
}
