package org.hotplugchecker.model.rules.symbolic;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Structural questions and rewrites on terms that several clients need. */
public final class Terms {
  private Terms() {}

  /** The state elements {@code t} reads. */
  public static BitSet support(Term t) {
    BitSet out = new BitSet();
    addSupport(t, out, new BitSet());
    return out;
  }

  /** Adds the elements {@code t} reads to {@code out}; {@code seen} marks visited term ids. */
  public static void addSupport(Term t, BitSet out, BitSet seen) {
    Deque<Term> stack = new ArrayDeque<>();
    stack.push(t);
    while (!stack.isEmpty()) {
      Term x = stack.pop();
      if (seen.get(x.id())) {
        continue;
      }
      seen.set(x.id());
      switch (x.op()) {
        case BOOL_VAR, INT_VAR, INT_EQ -> out.set(x.element());
        default -> {
          for (int i = 0; i < x.arity(); i++) {
            stack.push(x.arg(i));
          }
        }
      }
    }
  }

  /** Number of distinct terms in {@code t}'s graph. */
  public static int size(Term t) {
    BitSet seen = new BitSet();
    addSupport(t, new BitSet(), seen);
    return seen.cardinality();
  }

  /**
   * {@code t} with the elements of {@code values} replaced by those constants (a Boolean
   * as 0/1), simplified by the factory's rules.
   */
  public static Term cofactor(TermFactory f, Term t, Map<Integer, Integer> values) {
    return new Cofactor(f, values).apply(t);
  }

  private static final class Cofactor {
    private final TermFactory f;
    private final Map<Integer, Integer> values;
    private final Map<Term, Term> memo = new HashMap<>();

    Cofactor(TermFactory f, Map<Integer, Integer> values) {
      this.f = f;
      this.values = values;
    }

    Term apply(Term t) {
      Term done = memo.get(t);
      if (done != null) {
        return done;
      }
      Term r = switch (t.op()) {
        case TRUE, FALSE, INT_CONST -> t;
        case BOOL_VAR -> values.containsKey(t.element())
            ? f.bool(values.get(t.element()) != 0) : t;
        case INT_VAR -> values.containsKey(t.element())
            ? f.intConst(values.get(t.element())) : t;
        case INT_EQ -> values.containsKey(t.element())
            ? f.bool(values.get(t.element()) == t.value()) : t;
        case NOT -> f.not(apply(t.arg(0)));
        case AND -> f.and(t.args().stream().map(this::apply).toList());
        case ITE -> f.ite(apply(t.arg(0)), apply(t.arg(1)), apply(t.arg(2)));
        case INT_ITE -> f.intIte(apply(t.arg(0)), apply(t.arg(1)), apply(t.arg(2)));
      };
      memo.put(t, r);
      return r;
    }
  }

  /** The terms of {@code roots} and everything below them, children before parents. */
  public static List<Term> topological(List<Term> roots) {
    List<Term> out = new java.util.ArrayList<>();
    BitSet seen = new BitSet();
    Deque<Term> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    for (Term root : roots) {
      stack.push(root);
      expanded.push(false);
      while (!stack.isEmpty()) {
        Term x = stack.pop();
        boolean exp = expanded.pop();
        if (exp) {
          out.add(x);
          continue;
        }
        if (seen.get(x.id())) {
          continue;
        }
        seen.set(x.id());
        stack.push(x);
        expanded.push(true);
        for (int i = x.arity() - 1; i >= 0; i--) {
          if (!seen.get(x.arg(i).id())) {
            stack.push(x.arg(i));
            expanded.push(false);
          }
        }
      }
    }
    return out;
  }
}
