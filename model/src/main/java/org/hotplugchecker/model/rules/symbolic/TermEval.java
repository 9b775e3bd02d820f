package org.hotplugchecker.model.rules.symbolic;

/**
 * Evaluates terms on one concrete state: every element's value (a Boolean as 0/1, a node
 * as {@code -1..N-1}). Each term is computed once per state (a memo by term id), so a
 * whole action's guard and next values cost one pass over their shared graph.
 * Not thread-safe.
 */
public final class TermEval {
  private final int[] values;
  private int[] memo = new int[0];
  private boolean[] done = new boolean[0];

  /** An evaluator on a state whose element {@code e} has value {@code values[e]}. */
  public TermEval(int[] values) {
    this.values = values.clone();
  }

  /** The value of Boolean term {@code t}. */
  public boolean bool(Term t) {
    if (t.isInt()) {
      throw new IllegalArgumentException("not a Boolean term: " + t);
    }
    return value(t) != 0;
  }

  /** The value of integer term {@code t}. */
  public int integer(Term t) {
    if (!t.isInt()) {
      throw new IllegalArgumentException("not an integer term: " + t);
    }
    return value(t);
  }

  private int value(Term t) {
    int id = t.id();
    if (id >= memo.length) {
      int n = Math.max(id + 1, memo.length * 2);
      memo = java.util.Arrays.copyOf(memo, n);
      done = java.util.Arrays.copyOf(done, n);
    }
    if (done[id]) {
      return memo[id];
    }
    int v = switch (t.op()) {
      case TRUE -> 1;
      case FALSE -> 0;
      case BOOL_VAR, INT_VAR -> values[t.element()];
      case INT_EQ -> values[t.element()] == t.value() ? 1 : 0;
      case NOT -> 1 - value(t.arg(0));
      case AND -> {
        int r = 1;
        for (int i = 0; i < t.arity() && r == 1; i++) {
          r = value(t.arg(i));
        }
        yield r;
      }
      case ITE, INT_ITE -> value(t.arg(0)) != 0 ? value(t.arg(1)) : value(t.arg(2));
      case INT_CONST -> t.value();
    };
    memo[id] = v;
    done[id] = true;
    return v;
  }
}
