package org.hotplugchecker.model.rules.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.junit.jupiter.api.Test;

/**
 * {@link Simplify} keeps the value of every conjunction and disjunction it shortens, under
 * the language's rule that a flag read outside its array is false: checked here by
 * evaluating random operand lists (tests against negative constants, flag reads at the
 * tested or another variable, negated or not) before and after, for every value of the
 * variables from below -1 to past the array.
 */
class SimplifyTest {
  private static final int SIZE = 3;
  private static final Slot FLAG = new Slot("node.online", Domain.NODES, Type.BOOL,
      "node.online[%d]", "test flag");
  private static final Slot OTHER = new Slot("node.pgdat", Domain.NODES, Type.BOOL,
      "node.pgdat[%d]", "test flag");

  @Provide
  Arbitrary<List<Expr>> operands() {
    Arbitrary<Expr> var = Arbitraries.of("x", "y").map(Expr.Var::new);
    Arbitrary<Expr> test = Combinators.combine(var, Arbitraries.of(-1, -2, 0),
        Arbitraries.of(Expr.CompareOp.EQ, Expr.CompareOp.NE), Arbitraries.of(true, false))
        .as((v, c, op, flip) -> flip ? new Expr.Compare(op, new Expr.Int(c), v)
            : new Expr.Compare(op, v, new Expr.Int(c)));
    Arbitrary<Expr> read = Combinators.combine(Arbitraries.of(FLAG, OTHER), var,
        Arbitraries.of(true, false))
        .as((slot, v, neg) -> neg ? new Expr.Not(new Expr.Read(slot, v))
            : new Expr.Read(slot, v));
    return Arbitraries.oneOf(test, read).list().ofMinSize(0).ofMaxSize(4);
  }

  @Property(tries = 500)
  void conjunctionsKeepTheirValue(@ForAll("operands") List<Expr> ops,
      @ForAll("flags") int flags, @ForAll("flags") int other) {
    List<Expr> simpler = Simplify.conjuncts(ops);
    for (int x = -3; x <= SIZE + 1; x++) {
      for (int y = -3; y <= SIZE + 1; y++) {
        assertEquals(all(ops, x, y, flags, other), all(simpler, x, y, flags, other),
            ops + " -> " + simpler + " at x=" + x + ", y=" + y);
      }
    }
  }

  @Property(tries = 500)
  void disjunctionsKeepTheirValue(@ForAll("operands") List<Expr> ops,
      @ForAll("flags") int flags, @ForAll("flags") int other) {
    List<Expr> simpler = Simplify.disjuncts(ops);
    for (int x = -3; x <= SIZE + 1; x++) {
      for (int y = -3; y <= SIZE + 1; y++) {
        assertEquals(any(ops, x, y, flags, other), any(simpler, x, y, flags, other),
            ops + " -> " + simpler + " at x=" + x + ", y=" + y);
      }
    }
  }

  @Provide
  Arbitrary<Integer> flags() {
    return Arbitraries.integers().between(0, (1 << SIZE) - 1);
  }

  @Test
  void dropsTheTestThatTheReadMakes() {
    Expr x = new Expr.Var("x");
    Expr test = new Expr.Compare(Expr.CompareOp.NE, x, new Expr.Int(-1));
    Expr read = new Expr.Read(FLAG, x);
    assertEquals(List.of(read), Simplify.conjuncts(List.of(test, read)));
    Expr other = new Expr.Read(FLAG, new Expr.Var("y"));
    assertEquals(List.of(test, other), Simplify.conjuncts(List.of(test, other)),
        "a read at another variable does not cover the test");
    Expr isNone = new Expr.Compare(Expr.CompareOp.EQ, x, new Expr.Int(-1));
    Expr notRead = new Expr.Not(read);
    assertEquals(List.of(notRead), Simplify.disjuncts(List.of(isNone, notRead)));
    assertEquals(List.of(isNone, read), Simplify.disjuncts(List.of(isNone, read)),
        "x == -1 || flag[x] needs the test");
  }

  private static boolean all(List<Expr> ops, int x, int y, int flags, int other) {
    boolean v = true;
    for (Expr e : ops) {
      v &= eval(e, x, y, flags, other);
    }
    return v;
  }

  private static boolean any(List<Expr> ops, int x, int y, int flags, int other) {
    boolean v = false;
    for (Expr e : ops) {
      v |= eval(e, x, y, flags, other);
    }
    return v;
  }

  /** The fragment's semantics (MODEL.md): a flag read outside its array is false. */
  private static boolean eval(Expr e, int x, int y, int flags, int other) {
    if (e instanceof Expr.Not n) {
      return !eval(n.operand(), x, y, flags, other);
    } else if (e instanceof Expr.Read r) {
      int i = value(r.index(), x, y);
      int bits = r.slot() == FLAG ? flags : other;
      return i >= 0 && i < SIZE && ((bits >>> i) & 1) != 0;
    } else if (e instanceof Expr.Compare c) {
      boolean eq = value(c.left(), x, y) == value(c.right(), x, y);
      return c.op() == Expr.CompareOp.EQ ? eq : !eq;
    }
    throw new IllegalArgumentException(e.toString());
  }

  private static int value(Expr e, int x, int y) {
    if (e instanceof Expr.Int i) {
      return i.value();
    }
    return ((Expr.Var) e).name().equals("x") ? x : y;
  }
}
