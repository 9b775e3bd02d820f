package org.hotplugchecker.model.rules;

/** The type of a rule expression (variables are always ints). */
public final class Types {
  private Types() {}

  /** The type {@code e} evaluates to. */
  public static Type of(Expr e) {
    if (e instanceof Expr.Bool || e instanceof Expr.KnobIs || e instanceof Expr.ArchIs
        || e instanceof Expr.Not || e instanceof Expr.And || e instanceof Expr.Or
        || e instanceof Expr.Implies || e instanceof Expr.Iff || e instanceof Expr.Compare
        || e instanceof Expr.Quant) {
      return Type.BOOL;
    } else if (e instanceof Expr.Int || e instanceof Expr.Var || e instanceof Expr.ArgMin
        || e instanceof Expr.Count || e instanceof Expr.Nth || e instanceof Expr.Mod) {
      return Type.INT;
    } else if (e instanceof Expr.Read r) {
      return r.slot().type();
    } else if (e instanceof Expr.Topo t) {
      return t.attr().type();
    } else if (e instanceof Expr.Ite i) {
      return of(i.then());
    } else if (e instanceof Expr.Let l) {
      return of(l.body());
    }
    throw new IllegalArgumentException("no type for " + e);
  }
}
