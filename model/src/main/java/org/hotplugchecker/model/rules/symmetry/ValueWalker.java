package org.hotplugchecker.model.rules.symmetry;

import static org.hotplugchecker.model.rules.symmetry.AbstractValue.union;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Procedure;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Stmt;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.symmetry.AbstractValue.Kind;

/**
 * An abstract interpreter of the rule language that asks, of every expression and
 * statement, whether renaming elements commutes with it, and records in {@link Findings}
 * what must be given up where it does not:
 *
 * <ul>
 *   <li>an integer constant other than {@code -1} used as an element (an index, or
 *       compared with an element) fixes that element;
 *   <li>an order comparison ({@code <}, ...) of an element with a constant fixes the
 *       elements below the threshold it draws; with anything else it freezes the domain;
 *   <li>mixing values of two domains, or an element with a plain number, freezes both;
 *       so do arithmetic on elements, {@code nth} and an argmin keyed by element indices;
 *   <li>an argmin breaks ties towards the lower index: its result carries that domain as
 *       a tie, which must not reach a guard, an effect, an invariant or the "applies" of
 *       an action property (the domain is frozen if it does); in an action property's
 *       "holds" it asks for one witness per renaming of that domain instead.
 * </ul>
 *
 * Kernel-call arguments are not looked at: they change no state, and traces are always
 * replayed on concrete states. An ill-typed or unbound expression, or a recursive
 * procedure, is an {@link IllegalArgumentException}: never silently accepted.
 */
final class ValueWalker {
  private final Findings out;
  private final Function<TopologyAttr, AbstractValue> attrValue;
  private final Deque<Procedure> calling = new ArrayDeque<>();
  private String site = "";

  /**
   * A walker reporting to {@code out}; integer attributes read as {@code attrValue} says
   * (their inferred sort, or {@link AbstractValue#attr} while inferring).
   */
  ValueWalker(Findings out, Function<TopologyAttr, AbstractValue> attrValue) {
    this.out = out;
    this.attrValue = attrValue;
  }

  /** Names the rule or property being walked, for the findings' reasons. */
  void at(String where) {
    site = where;
  }

  /** A bool expression whose value must not depend on a tie-break: a guard, an invariant. */
  void orderFreeBool(Expr e, Map<String, AbstractValue> env) {
    AbstractValue v = expr(e, env);
    requireBool(v, true);
    orderFree(v);
  }

  /** Freezes every domain whose tie-break order {@code v} depends on. */
  void orderFree(AbstractValue v) {
    for (Domain d : Domain.values()) {
      if (v.ties().contains(d)) {
        out.freeze(d, "an argmin tie-break reaches the state or a verdict", site);
      }
    }
  }

  /** An action property's verdict {@code v}: its ties ask for witnesses. */
  void witnessTies(AbstractValue v) {
    requireBool(v, true);
    for (Domain d : Domain.values()) {
      if (v.ties().contains(d)) {
        out.witness(d, site);
      }
    }
  }

  AbstractValue expr(Expr e, Map<String, AbstractValue> env) {
    if (e instanceof Expr.Bool || e instanceof Expr.KnobIs || e instanceof Expr.ArchIs) {
      return AbstractValue.bool(Set.of());
    } else if (e instanceof Expr.Int i) {
      return AbstractValue.literal(i.value());
    } else if (e instanceof Expr.Var v) {
      AbstractValue x = env.get(v.name());
      if (x == null) {
        throw new IllegalArgumentException("variable " + v.name() + " is not bound in " + site);
      }
      return x;
    } else if (e instanceof Expr.Read r) {
      return read(r, env);
    } else if (e instanceof Expr.Topo t) {
      return topo(t, env);
    } else if (e instanceof Expr.Not n) {
      return bools(List.of(n.operand()), env);
    } else if (e instanceof Expr.And a) {
      return bools(a.operands(), env);
    } else if (e instanceof Expr.Or o) {
      return bools(o.operands(), env);
    } else if (e instanceof Expr.Implies i) {
      return bools(List.of(i.left(), i.right()), env);
    } else if (e instanceof Expr.Iff i) {
      return bools(List.of(i.left(), i.right()), env);
    } else if (e instanceof Expr.Compare c) {
      return compare(c, env);
    } else if (e instanceof Expr.Ite i) {
      return ite(i, env);
    } else if (e instanceof Expr.Quant q) {
      AbstractValue body = expr(q.body(), with(env, q.var(), AbstractValue.element(q.domain())));
      requireBool(body, true);
      return AbstractValue.bool(body.ties());
    } else if (e instanceof Expr.ArgMin m) {
      return argMin(m, env);
    } else if (e instanceof Expr.Count c) {
      AbstractValue cond = expr(c.cond(), with(env, c.var(), AbstractValue.element(c.domain())));
      requireBool(cond, true);
      return AbstractValue.plain().withTies(cond.ties(), cond.ties());
    } else if (e instanceof Expr.Nth n) {
      out.freeze(n.domain(), "nth counts elements in index order", site);
      AbstractValue cond = expr(n.cond(), with(env, n.var(), AbstractValue.element(n.domain())));
      requireBool(cond, true);
      AbstractValue k = number(expr(n.n(), env), "an element used as a count");
      return AbstractValue.element(n.domain()).plusTies(union(cond.ties(), k.ties()));
    } else if (e instanceof Expr.Mod m) {
      AbstractValue l = number(expr(m.left(), env), "arithmetic on elements");
      AbstractValue r = number(expr(m.right(), env), "arithmetic on elements");
      return AbstractValue.plain().plusTies(union(l.ties(), r.ties()));
    } else if (e instanceof Expr.Let l) {
      return expr(l.body(), with(env, l.var(), expr(l.value(), env)));
    }
    throw new IllegalArgumentException("symmetry analysis: unknown expression " + e);
  }

  private AbstractValue read(Expr.Read r, Map<String, AbstractValue> env) {
    Slot slot = r.slot();
    if (slot.isScalar() != (r.index() == null)) {
      throw new IllegalArgumentException(slot + " read with the wrong arity in " + site);
    }
    Set<Domain> ties = Set.of();
    if (r.index() != null) {
      AbstractValue i = integer(expr(r.index(), env));
      unify(i, AbstractValue.element(slot.index()));
      ties = i.ties();
    }
    return slot.type() == Type.BOOL ? AbstractValue.bool(ties)
        : AbstractValue.element(Domain.NODES).plusTies(ties);
  }

  private AbstractValue topo(Expr.Topo t, Map<String, AbstractValue> env) {
    TopologyAttr a = t.attr();
    if (t.indices().size() != a.indices().size()) {
      throw new IllegalArgumentException(a + " read with the wrong arity in " + site);
    }
    Set<Domain> ties = Set.of();
    for (int k = 0; k < t.indices().size(); k++) {
      AbstractValue i = integer(expr(t.indices().get(k), env));
      unify(i, AbstractValue.element(a.indices().get(k)));
      ties = union(ties, i.ties());
    }
    return a.type() == Type.BOOL ? AbstractValue.bool(ties) : attrValue.apply(a).plusTies(ties);
  }

  private AbstractValue bools(List<Expr> operands, Map<String, AbstractValue> env) {
    Set<Domain> ties = Set.of();
    for (Expr x : operands) {
      AbstractValue v = expr(x, env);
      requireBool(v, true);
      ties = union(ties, v.ties());
    }
    return AbstractValue.bool(ties);
  }

  private AbstractValue compare(Expr.Compare c, Map<String, AbstractValue> env) {
    AbstractValue l = expr(c.left(), env);
    AbstractValue r = expr(c.right(), env);
    Set<Domain> ties = union(l.ties(), r.ties());
    if (l.isBool() || r.isBool()) {
      requireBool(l, true);
      requireBool(r, true);
      if (c.op().ordersInts()) {
        throw new IllegalArgumentException(c.op().symbol() + " on bools in " + site);
      }
      return AbstractValue.bool(ties);
    }
    if (!c.op().ordersInts()) {
      unify(l, r);
      // Whether an argmin is -1 does not depend on how its ties are broken.
      if (l.isLiteral(-1)) {
        ties = r.noneTies();
      } else if (r.isLiteral(-1)) {
        ties = l.noneTies();
      }
      return AbstractValue.bool(ties);
    }
    ordered(l, r, c.op());
    ordered(r, l, flipped(c.op()));
    return AbstractValue.bool(ties);
  }

  /** {@code x op other} as an order comparison: what it costs when {@code x} is an element. */
  private void ordered(AbstractValue x, AbstractValue other, Expr.CompareOp op) {
    if (x.kind() != Kind.ELEMENT) {
      return;
    }
    if (other.kind() == Kind.LIT && other.literals().size() == 1) {
      // x op k splits 0..size-1 at a threshold t into [0, t) and [t, size) (-1 stays -1):
      // fixing the elements below t keeps both parts.
      long k = other.literals().iterator().next();
      long t = op == Expr.CompareOp.LT || op == Expr.CompareOp.GE ? k : k + 1;
      out.fixBelow(x.domain(), t, site);
    } else {
      out.freeze(x.domain(), "compared by order", site);
    }
  }

  private static Expr.CompareOp flipped(Expr.CompareOp op) {
    return switch (op) {
      case LT -> Expr.CompareOp.GT;
      case LE -> Expr.CompareOp.GE;
      case GT -> Expr.CompareOp.LT;
      case GE -> Expr.CompareOp.LE;
      default -> op;
    };
  }

  private AbstractValue ite(Expr.Ite i, Map<String, AbstractValue> env) {
    AbstractValue cond = expr(i.cond(), env);
    requireBool(cond, true);
    AbstractValue a = expr(i.then(), env);
    AbstractValue b = expr(i.otherwise(), env);
    Set<Domain> ties = union(cond.ties(), union(a.ties(), b.ties()));
    if (a.isBool() || b.isBool()) {
      requireBool(a, true);
      requireBool(b, true);
      return AbstractValue.bool(ties);
    }
    AbstractValue joined = unify(a, b);
    return joined.withTies(ties, union(cond.ties(), union(a.noneTies(), b.noneTies())));
  }

  private AbstractValue argMin(Expr.ArgMin m, Map<String, AbstractValue> env) {
    Map<String, AbstractValue> inner = with(env, m.var(), AbstractValue.element(m.domain()));
    AbstractValue cond = expr(m.cond(), inner);
    requireBool(cond, true);
    AbstractValue key = integer(expr(m.key(), inner));
    if (key.kind() == Kind.ELEMENT) {
      out.freeze(key.domain(), "an argmin is keyed by element indices", site);
    }
    Set<Domain> ties = union(Set.of(m.domain()), union(cond.ties(), key.ties()));
    return AbstractValue.element(m.domain()).withTies(ties, cond.ties());
  }

  /** The join of two integer values (equality, or the branches of an ite). */
  private AbstractValue unify(AbstractValue a, AbstractValue b) {
    integer(a);
    integer(b);
    Kind ka = a.kind();
    Kind kb = b.kind();
    if (ka == Kind.ATTR && kb == Kind.ATTR) {
      out.attrsLinked(a.attr(), b.attr());
      return a;
    } else if (ka == Kind.ATTR || kb == Kind.ATTR) {
      AbstractValue attr = ka == Kind.ATTR ? a : b;
      AbstractValue other = ka == Kind.ATTR ? b : a;
      if (other.kind() == Kind.ELEMENT) {
        out.attrIs(attr.attr(), other.domain());
      }
      return other.kind() == Kind.LIT ? attr : other;
    } else if (ka == Kind.LIT && kb == Kind.LIT) {
      TreeSet<Integer> both = a.sortedLiterals();
      both.addAll(b.literals());
      return new AbstractValue(Kind.LIT, null, both, null, Set.of(), Set.of());
    } else if (ka == Kind.LIT || kb == Kind.LIT) {
      AbstractValue lit = ka == Kind.LIT ? a : b;
      AbstractValue other = ka == Kind.LIT ? b : a;
      if (other.kind() == Kind.ELEMENT) {
        for (int k : lit.sortedLiterals()) {
          out.fix(other.domain(), k, site); // -1 and other negatives fix nothing
        }
      }
      return other;
    } else if (ka == Kind.ELEMENT && kb == Kind.ELEMENT) {
      if (a.domain() == b.domain()) {
        return a;
      }
      out.freeze(a.domain(), "mixed with " + b.domain() + " values", site);
      out.freeze(b.domain(), "mixed with " + a.domain() + " values", site);
      return AbstractValue.plain();
    } else if (ka == Kind.ELEMENT || kb == Kind.ELEMENT) {
      Domain d = ka == Kind.ELEMENT ? a.domain() : b.domain();
      out.freeze(d, "mixed with plain numbers", site);
      return AbstractValue.plain();
    }
    return AbstractValue.plain();
  }

  /** An integer used as a number (a count, an operand of mod): elements lose their meaning. */
  private AbstractValue number(AbstractValue v, String why) {
    integer(v);
    if (v.kind() == Kind.ELEMENT) {
      out.freeze(v.domain(), why, site);
    }
    return v;
  }

  private AbstractValue integer(AbstractValue v) {
    requireBool(v, false);
    return v;
  }

  private void requireBool(AbstractValue v, boolean bool) {
    if (v.isBool() != bool) {
      throw new IllegalArgumentException("ill-typed expression in " + site + ": expected "
          + (bool ? "bool" : "int"));
    }
  }

  // ---- statements ------------------------------------------------------------------

  /** Walks an action's or procedure's body. */
  void stmts(List<Stmt> body, Map<String, AbstractValue> env) {
    for (Stmt s : body) {
      stmt(s, env);
    }
  }

  private void stmt(Stmt s, Map<String, AbstractValue> env) {
    if (s instanceof Stmt.Assign a) {
      Slot slot = a.slot();
      if (slot.isScalar() != (a.index() == null)) {
        throw new IllegalArgumentException(slot + " written with the wrong arity in " + site);
      }
      if (a.index() != null) {
        AbstractValue i = integer(expr(a.index(), env));
        unify(i, AbstractValue.element(slot.index()));
        orderFree(i);
      }
      AbstractValue v = expr(a.value(), env);
      requireBool(v, slot.type() == Type.BOOL);
      if (slot.type() == Type.INT) {
        unify(v, AbstractValue.element(Domain.NODES));
      }
      orderFree(v);
    } else if (s instanceof Stmt.If i) {
      orderFreeBool(i.cond(), env);
      stmts(i.then(), env);
      stmts(i.otherwise(), env);
    } else if (s instanceof Stmt.ForEach f) {
      stmts(f.body(), with(env, f.var(), AbstractValue.element(f.domain())));
    } else if (s instanceof Stmt.Let l) {
      stmts(l.body(), with(env, l.var(), expr(l.value(), env)));
    } else if (s instanceof Stmt.Invoke inv) {
      invoke(inv, env);
    } else if (!(s instanceof Stmt.KernelCall)) {
      throw new IllegalArgumentException("symmetry analysis: unknown statement " + s);
    }
  }

  /** Walks the procedure's body with its parameters bound to the arguments' values. */
  private void invoke(Stmt.Invoke inv, Map<String, AbstractValue> env) {
    Procedure p = inv.procedure();
    if (calling.contains(p)) {
      throw new IllegalArgumentException("procedure " + p.name() + " calls itself");
    }
    if (p.params().size() != inv.args().size()) {
      throw new IllegalArgumentException(p.name() + " called with " + inv.args().size()
          + " arguments in " + site);
    }
    Map<String, AbstractValue> inner = new HashMap<>();
    for (int k = 0; k < p.params().size(); k++) {
      inner.put(p.params().get(k), expr(inv.args().get(k), env));
    }
    String outer = site;
    calling.push(p);
    site = outer + " (" + p.name() + ")";
    try {
      stmts(p.body(), inner);
    } finally {
      site = outer;
      calling.pop();
    }
  }

  static Map<String, AbstractValue> with(Map<String, AbstractValue> env, String var,
      AbstractValue v) {
    Map<String, AbstractValue> out = new HashMap<>(env);
    out.put(var, v);
    return out;
  }
}
