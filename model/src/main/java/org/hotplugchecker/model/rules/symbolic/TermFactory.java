package org.hotplugchecker.model.rules.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.symbolic.Term.Op;

/**
 * Makes, simplifies and interns the terms of one topology. Every constructor folds
 * constants and applies a few local rules (flattening, complementary and mutually
 * exclusive atoms, {@code ite} with equal or constant branches), so that whatever the
 * topology decides disappears from the terms. Integer state elements range over
 * {@code -1..maxNode}. Not thread-safe: one factory belongs to one build.
 */
public final class TermFactory {
  private final int maxNode;
  private final Map<Key, Term> interned = new HashMap<>();
  private final List<Term> all = new ArrayList<>();
  private final Map<Long, Term> eqCache = new HashMap<>();
  private final Map<Long, int[]> valueCache = new HashMap<>();
  private final Map<List<Integer>, Term> compareCache = new HashMap<>();
  /** {@code true}. */
  public final Term TRUE;
  /** {@code false}. */
  public final Term FALSE;

  /** A factory whose integer elements hold {@code -1..maxNode}. */
  public TermFactory(int maxNode) {
    this.maxNode = maxNode;
    TRUE = make(Op.TRUE, new Term[0], 0, 0);
    FALSE = make(Op.FALSE, new Term[0], 0, 0);
  }

  private record Key(Op op, int a, int b, List<Integer> args) {}

  private Term make(Op op, Term[] args, int a, int b) {
    List<Integer> ids = new ArrayList<>(args.length);
    for (Term t : args) {
      ids.add(t.id());
    }
    Key key = new Key(op, a, b, ids);
    Term t = interned.get(key);
    if (t == null) {
      t = new Term(op, args, a, b, all.size());
      interned.put(key, t);
      all.add(t);
    }
    return t;
  }

  /** Number of terms made so far; ids are {@code 0..size()-1}. */
  public int size() {
    return all.size();
  }

  /** The largest node index integer elements may hold. */
  public int maxNode() {
    return maxNode;
  }

  // ---- Booleans ------------------------------------------------------------------

  /** A Boolean constant. */
  public Term bool(boolean v) {
    return v ? TRUE : FALSE;
  }

  /** Boolean state element {@code e}. */
  public Term boolVar(int e) {
    return make(Op.BOOL_VAR, new Term[0], e, 0);
  }

  /** Integer state element {@code e}. */
  public Term intVar(int e) {
    return make(Op.INT_VAR, new Term[0], e, 0);
  }

  /** The integer {@code v}. */
  public Term intConst(int v) {
    return make(Op.INT_CONST, new Term[0], v, 0);
  }

  /** {@code !t}. */
  public Term not(Term t) {
    requireBool(t);
    return switch (t.op()) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case NOT -> t.arg(0);
      default -> make(Op.NOT, new Term[] {t}, 0, 0);
    };
  }

  /** The conjunction of {@code ts} ({@code true} when empty). */
  public Term and(List<Term> ts) {
    // Flatten, drop true, stop at false; then look for complementary or exclusive atoms.
    Map<Integer, Term> ops = new LinkedHashMap<>();
    List<Term> todo = new ArrayList<>(ts);
    for (int i = 0; i < todo.size(); i++) {
      Term t = todo.get(i);
      requireBool(t);
      if (t == FALSE) {
        return FALSE;
      }
      if (t == TRUE) {
        continue;
      }
      if (t.op() == Op.AND) {
        todo.addAll(t.args());
        continue;
      }
      ops.put(t.id(), t);
    }
    Map<Integer, Integer> value = new HashMap<>(); // element -> value an INT_EQ fixes
    for (Term t : ops.values()) {
      if (t.op() == Op.NOT && ops.containsKey(t.arg(0).id())) {
        return FALSE;
      }
      if (t.op() == Op.INT_EQ) {
        Integer before = value.put(t.element(), t.value());
        if (before != null && before != t.value()) {
          return FALSE;
        }
      }
    }
    List<Term> kept = new ArrayList<>();
    for (Term t : ops.values()) {
      // x = v makes x != w (w != v) redundant
      if (t.op() == Op.NOT && t.arg(0).op() == Op.INT_EQ
          && value.containsKey(t.arg(0).element())) {
        continue;
      }
      kept.add(t);
    }
    if (kept.isEmpty()) {
      return TRUE;
    }
    if (kept.size() == 1) {
      return kept.get(0);
    }
    Term[] args = kept.toArray(new Term[0]);
    Arrays.sort(args, (x, y) -> Integer.compare(x.id(), y.id()));
    return make(Op.AND, args, 0, 0);
  }

  /** {@code a && b}. */
  public Term and(Term a, Term b) {
    return and(List.of(a, b));
  }

  /** The disjunction of {@code ts} ({@code false} when empty), stored as {@code !(!a && ...)}. */
  public Term or(List<Term> ts) {
    List<Term> negated = new ArrayList<>(ts.size());
    for (Term t : ts) {
      negated.add(not(t));
    }
    return not(and(negated));
  }

  /** {@code a || b}. */
  public Term or(Term a, Term b) {
    return or(List.of(a, b));
  }

  /** {@code a -> b}. */
  public Term implies(Term a, Term b) {
    return or(not(a), b);
  }

  /** {@code a <-> b}. */
  public Term iff(Term a, Term b) {
    return ite(a, b, not(b));
  }

  /** {@code a != b} for Booleans. */
  public Term xor(Term a, Term b) {
    return ite(a, not(b), b);
  }

  /** Boolean {@code c ? a : b}. */
  public Term ite(Term c, Term a, Term b) {
    requireBool(c);
    requireBool(a);
    requireBool(b);
    if (c.isBoolConstant()) {
      return c == TRUE ? a : b;
    }
    if (a == b) {
      return a;
    }
    if (c.op() == Op.NOT) {
      return ite(c.arg(0), b, a);
    }
    if (a == TRUE || a == c) {
      return or(c, b);
    }
    if (a == FALSE || a == not(c)) {
      return and(not(c), b);
    }
    if (b == FALSE || b == c) {
      return and(c, a);
    }
    if (b == TRUE || b == not(c)) {
      return or(not(c), a);
    }
    return make(Op.ITE, new Term[] {c, a, b}, 0, 0);
  }

  // ---- integers ------------------------------------------------------------------

  /** Integer {@code c ? a : b}. */
  public Term intIte(Term c, Term a, Term b) {
    requireBool(c);
    requireInt(a);
    requireInt(b);
    if (c.isBoolConstant()) {
      return c == TRUE ? a : b;
    }
    if (a == b) {
      return a;
    }
    if (c.op() == Op.NOT) {
      return intIte(c.arg(0), b, a);
    }
    if (a.op() == Op.INT_ITE && a.arg(0) == c) {
      return intIte(c, a.arg(1), b);
    }
    if (b.op() == Op.INT_ITE && b.arg(0) == c) {
      return intIte(c, a, b.arg(2));
    }
    return make(Op.INT_ITE, new Term[] {c, a, b}, 0, 0);
  }

  /** Whether integer term {@code t} equals {@code v}. */
  public Term eq(Term t, int v) {
    requireInt(t);
    long key = ((long) t.id() << 32) ^ (v & 0xffffffffL);
    Term cached = eqCache.get(key);
    if (cached != null) {
      return cached;
    }
    Term r = switch (t.op()) {
      case INT_CONST -> bool(t.value() == v);
      case INT_VAR -> v >= -1 && v <= maxNode ? make(Op.INT_EQ, new Term[0], t.element(), v)
          : FALSE;
      default -> ite(t.arg(0), eq(t.arg(1), v), eq(t.arg(2), v));
    };
    eqCache.put(key, r);
    return r;
  }

  /** The values integer term {@code t} can take, sorted, without duplicates. */
  public int[] values(Term t) {
    requireInt(t);
    long key = t.id();
    int[] cached = valueCache.get(key);
    if (cached != null) {
      return cached;
    }
    int[] r = switch (t.op()) {
      case INT_CONST -> new int[] {t.value()};
      case INT_VAR -> {
        int[] d = new int[maxNode + 2];
        for (int i = 0; i < d.length; i++) {
          d[i] = i - 1;
        }
        yield d;
      }
      default -> java.util.stream.IntStream.concat(Arrays.stream(values(t.arg(1))),
          Arrays.stream(values(t.arg(2)))).distinct().sorted().toArray();
    };
    valueCache.put(key, r);
    return r;
  }

  /** {@code a op b} for two integer terms. */
  public Term compare(Expr.CompareOp op, Term a, Term b) {
    requireInt(a);
    requireInt(b);
    if (op == Expr.CompareOp.NE) {
      return not(compare(Expr.CompareOp.EQ, a, b));
    }
    List<Integer> key = List.of(op.ordinal(), a.id(), b.id());
    Term cached = compareCache.get(key);
    if (cached != null) {
      return cached;
    }
    Term r;
    if (a.op() == Op.INT_CONST && b.op() == Op.INT_CONST) {
      r = bool(op.test(a.value(), b.value()));
    } else if (a.op() == Op.INT_ITE) {
      r = ite(a.arg(0), compare(op, a.arg(1), b), compare(op, a.arg(2), b));
    } else if (b.op() == Op.INT_ITE) {
      r = ite(b.arg(0), compare(op, a, b.arg(1)), compare(op, a, b.arg(2)));
    } else if (b.op() == Op.INT_CONST) {
      r = oneOf(a, v -> op.test(v, b.value()));
    } else if (a.op() == Op.INT_CONST) {
      r = oneOf(b, v -> op.test(a.value(), v));
    } else {
      List<Term> cases = new ArrayList<>();
      for (int va : values(a)) {
        cases.add(and(eq(a, va), oneOf(b, vb -> op.test(va, vb))));
      }
      r = or(cases);
    }
    compareCache.put(key, r);
    return r;
  }

  /**
   * Whether element term {@code x} takes a value satisfying {@code test}: a disjunction of
   * atoms, or the negation of the complement's when that is shorter.
   */
  private Term oneOf(Term x, java.util.function.IntPredicate test) {
    List<Term> yes = new ArrayList<>();
    List<Term> no = new ArrayList<>();
    for (int v : values(x)) {
      (test.test(v) ? yes : no).add(eq(x, v));
    }
    return yes.size() <= no.size() ? or(yes) : not(or(no));
  }

  private static void requireBool(Term t) {
    if (t.isInt()) {
      throw new IllegalArgumentException("expected a Boolean term, got integer " + t);
    }
  }

  private static void requireInt(Term t) {
    if (!t.isInt()) {
      throw new IllegalArgumentException("expected an integer term, got Boolean " + t);
    }
  }
}
