package org.hotplugchecker.model.rules;

import java.util.Arrays;
import java.util.List;
import org.hotplugchecker.model.topology.Arch;

/**
 * Short constructors for expressions and statements, so that a rule table reads like the
 * kernel code it abstracts. Nothing here knows the hotplug model.
 */
public final class Rules {
  private Rules() {}

  /** {@code true}. */
  public static final Expr TRUE = new Expr.Bool(true);
  /** {@code false}. */
  public static final Expr FALSE = new Expr.Bool(false);
  /** {@code -1}, "no node". */
  public static final Expr NO_NODE = new Expr.Int(-1);

  public static Expr lit(int v) {
    return new Expr.Int(v);
  }

  public static Expr var(String name) {
    return new Expr.Var(name);
  }

  /** {@code slot[index]}. */
  public static Expr read(Slot slot, Expr index) {
    return new Expr.Read(slot, index);
  }

  /** A scalar slot. */
  public static Expr read(Slot slot) {
    return new Expr.Read(slot, null);
  }

  public static Expr topo(TopologyAttr attr, Expr... indices) {
    return new Expr.Topo(attr, Arrays.asList(indices));
  }

  public static Expr knobIs(String knob, String value) {
    return new Expr.KnobIs(knob, value);
  }

  public static Expr archIs(Arch arch) {
    return new Expr.ArchIs(arch);
  }

  public static Expr not(Expr e) {
    return new Expr.Not(e);
  }

  public static Expr and(Expr... es) {
    return new Expr.And(Arrays.asList(es));
  }

  public static Expr or(Expr... es) {
    return new Expr.Or(Arrays.asList(es));
  }

  public static Expr implies(Expr a, Expr b) {
    return new Expr.Implies(a, b);
  }

  public static Expr iff(Expr a, Expr b) {
    return new Expr.Iff(a, b);
  }

  public static Expr eq(Expr a, Expr b) {
    return new Expr.Compare(Expr.CompareOp.EQ, a, b);
  }

  public static Expr ne(Expr a, Expr b) {
    return new Expr.Compare(Expr.CompareOp.NE, a, b);
  }

  public static Expr lt(Expr a, Expr b) {
    return new Expr.Compare(Expr.CompareOp.LT, a, b);
  }

  public static Expr ite(Expr c, Expr a, Expr b) {
    return new Expr.Ite(c, a, b);
  }

  public static Expr forall(String var, Domain d, Expr body) {
    return new Expr.Quant(Expr.Quantifier.FORALL, var, d, body);
  }

  public static Expr exists(String var, Domain d, Expr body) {
    return new Expr.Quant(Expr.Quantifier.EXISTS, var, d, body);
  }

  public static Expr argMin(String var, Domain d, Expr cond, Expr key) {
    return new Expr.ArgMin(var, d, cond, key);
  }

  public static Expr count(String var, Domain d, Expr cond) {
    return new Expr.Count(var, d, cond);
  }

  public static Expr nth(String var, Domain d, Expr cond, Expr n) {
    return new Expr.Nth(var, d, cond, n);
  }

  public static Expr mod(Expr a, Expr b) {
    return new Expr.Mod(a, b);
  }

  public static Expr let(String var, Expr value, Expr body) {
    return new Expr.Let(var, value, body);
  }

  // ---- statements ----------------------------------------------------------------

  /** {@code slot[index] := value}. */
  public static Stmt set(Slot slot, Expr index, Expr value) {
    return new Stmt.Assign(slot, index, value);
  }

  /** {@code slot := value} for a scalar slot. */
  public static Stmt set(Slot slot, Expr value) {
    return new Stmt.Assign(slot, null, value);
  }

  /** {@code if (cond) { then }}. */
  public static Stmt when(Expr cond, Stmt... then) {
    return new Stmt.If(cond, List.of(then), List.of());
  }

  /** {@code if (cond) { then } else { otherwise }}. */
  public static Stmt ifElse(Expr cond, List<Stmt> then, List<Stmt> otherwise) {
    return new Stmt.If(cond, then, otherwise);
  }

  public static Stmt forEach(String var, Domain d, Stmt... body) {
    return new Stmt.ForEach(var, d, List.of(body));
  }

  public static Stmt let(String var, Expr value, Stmt... body) {
    return new Stmt.Let(var, value, List.of(body));
  }

  public static Stmt invoke(Procedure p, Expr... args) {
    return new Stmt.Invoke(p, List.of(args));
  }

  /** The kernel ran {@code template}, e.g. {@code call("try_offline_node(%d)", n)}. */
  public static Stmt call(String template, Expr... args) {
    return new Stmt.KernelCall(template, List.of(args));
  }

  public static List<Stmt> block(Stmt... stmts) {
    return List.of(stmts);
  }
}
