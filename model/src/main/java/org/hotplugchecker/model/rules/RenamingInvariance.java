package org.hotplugchecker.model.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.model.rules.lang.InvariantPrinter;

/**
 * Whether a user invariant keeps its truth value when nodes, CPUs other than CPU 0, and
 * memory blocks are renamed (node-valued state and topology values renamed alike). Sweeps
 * check one topology per class of such renamings, and the shape sweep places CPUs and
 * blocks of each class on a skeleton in another order; an invariant that names a fixed
 * index ({@code node.online[1]}) or orders indices ({@code cpu.nid[c] < cpu.home[c]}) could
 * hold on the checked representative and fail on another member of its class.
 *
 * <p>The check is syntactic and conservative, over the invariant language's expressions:
 * an index must be a variable of its own domain, a node value of the right domain, a
 * negative literal (out of range, the same everywhere) or, for a CPU array, the literal
 * {@code 0} (CPU 0 is never renamed). {@code ==} and {@code !=} may compare values of one
 * kind (two nodes, two CPUs, two bools, two numbers); a node, CPU or block may be compared
 * with a literal only where the comparison cannot tell renamed indices apart (for nodes:
 * {@code cpu.nid[c] != -1}, {@code cpu.nid[c] >= 0}; for CPUs also {@code c == 0}).
 * Distances count as numbers: sweeps use default distances, which no renaming changes.
 * Anything else is reported, even where it happens to be harmless.
 */
public final class RenamingInvariance {
  private RenamingInvariance() {}

  /** What an int subexpression denotes; {@code literal} is non-null for a constant. */
  private record Val(Kind kind, Integer literal) {}

  private enum Kind { BOOL, NUMBER, NODE, CPU, BLOCK }

  /** Thrown inside the walk at the first problem. */
  private static final class Problem extends RuntimeException {
    Problem(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Why {@code invariant} may change its value under such a renaming (one line naming the
   * subexpression), or empty when it cannot.
   */
  public static Optional<String> problem(Expr invariant) {
    try {
      of(invariant, new HashMap<>());
      return Optional.empty();
    } catch (Problem p) {
      return Optional.of(p.getMessage());
    }
  }

  private static Val of(Expr e, Map<String, Kind> scope) {
    if (e instanceof Expr.Bool) {
      return new Val(Kind.BOOL, null);
    } else if (e instanceof Expr.Int i) {
      return new Val(Kind.NUMBER, i.value());
    } else if (e instanceof Expr.Var v) {
      Kind k = scope.get(v.name());
      if (k == null) {
        throw new Problem("variable " + v.name() + " is not bound by a quantifier");
      }
      return new Val(k, null);
    } else if (e instanceof Expr.Read r) {
      if (r.index() != null) {
        index(e, r.slot().index(), of(r.index(), scope));
      }
      return new Val(r.slot().type() == Type.BOOL ? Kind.BOOL : Kind.NODE, null);
    } else if (e instanceof Expr.Topo t) {
      for (int i = 0; i < t.indices().size(); i++) {
        index(e, t.attr().indices().get(i), of(t.indices().get(i), scope));
      }
      if (t.attr().type() == Type.BOOL) {
        return new Val(Kind.BOOL, null);
      }
      // distance is a number; every other int attribute is a node (cpu.home, mem.home)
      return new Val(t.attr().equals(HotplugRules.DISTANCE) ? Kind.NUMBER : Kind.NODE, null);
    } else if (e instanceof Expr.Quant q) {
      Map<String, Kind> inner = new HashMap<>(scope);
      inner.put(q.var(), kindOf(q.domain()));
      of(q.body(), inner);
      return new Val(Kind.BOOL, null);
    } else if (e instanceof Expr.Compare c) {
      compare(e, c.op(), of(c.left(), scope), of(c.right(), scope));
      return new Val(Kind.BOOL, null);
    } else if (e instanceof Expr.Not || e instanceof Expr.And || e instanceof Expr.Or
        || e instanceof Expr.Implies || e instanceof Expr.Iff) {
      for (Expr x : ExprAnalysis.children(e)) {
        of(x, scope);
      }
      return new Val(Kind.BOOL, null);
    }
    throw new Problem(e.getClass().getSimpleName() + " is not part of the invariant language");
  }

  private static Kind kindOf(Domain d) {
    return switch (d) {
      case NODES -> Kind.NODE;
      case CPUS -> Kind.CPU;
      case BLOCKS -> Kind.BLOCK;
    };
  }

  /** The smallest index a renaming may move: CPU 0 stays, every node and block may move. */
  private static int firstRenamed(Kind k) {
    return k == Kind.CPU ? 1 : 0;
  }

  private static void index(Expr read, Domain domain, Val index) {
    Kind want = kindOf(domain);
    if (index.kind() == want) {
      return;
    }
    if (index.literal() != null && index.literal() < firstRenamed(want)) {
      return; // out of range everywhere, or CPU 0
    }
    throw new Problem(text(read) + (index.literal() != null
        ? " names a fixed " + singular(want) + " (" + index.literal() + ")"
        : " indexes " + domain + " by a " + (index.kind() == Kind.NUMBER ? "number"
            : singular(index.kind()))));
  }

  private static void compare(Expr cmp, Expr.CompareOp op, Val left, Val right) {
    if (left.kind() == right.kind()) {
      boolean indices = left.kind() != Kind.BOOL && left.kind() != Kind.NUMBER;
      if (!indices || !op.ordersInts()) {
        return;
      }
      throw new Problem(text(cmp) + " orders " + plural(left.kind()) + " by index");
    }
    Val index = left.literal() == null ? left : right;
    Val lit = left.literal() == null ? right : left;
    if (lit.literal() == null || index.kind() == Kind.NUMBER || index.kind() == Kind.BOOL) {
      throw new Problem(text(cmp) + " compares a " + singular(left.kind()) + " with a "
          + singular(right.kind()));
    }
    // The comparison must give one answer for every index a renaming moves.
    int k = lit.literal();
    int lo = firstRenamed(index.kind());
    boolean indexLeft = index == left;
    boolean atLo = indexLeft ? op.test(lo, k) : op.test(k, lo);
    boolean far = indexLeft ? op.test(Integer.MAX_VALUE / 2, k) : op.test(k, Integer.MAX_VALUE / 2);
    boolean constant = op.ordersInts() ? atLo == far : k < lo;
    if (!constant) {
      throw new Problem(text(cmp) + " tells " + plural(index.kind()) + " apart by index");
    }
  }

  private static String singular(Kind k) {
    return switch (k) {
      case BOOL -> "bool";
      case NUMBER -> "number";
      case NODE -> "node";
      case CPU -> "CPU";
      case BLOCK -> "block";
    };
  }

  private static String plural(Kind k) {
    return singular(k) + "s";
  }

  private static String text(Expr e) {
    try {
      return InvariantPrinter.print(e);
    } catch (IllegalArgumentException x) {
      return e.toString();
    }
  }
}
