package org.hotplugchecker.model.rules.symbolic;

/**
 * The bound variables of a symbolic evaluation (quantifier, let, action and procedure
 * parameters), each bound to a term: immutable, an inner binding shadows an outer one.
 */
final class Env {
  static final Env EMPTY = new Env(null, null, null);

  private final String name;
  private final Term value;
  private final Env outer;

  private Env(String name, Term value, Env outer) {
    this.name = name;
    this.value = value;
    this.outer = outer;
  }

  /** This environment with {@code name} bound to {@code value}. */
  Env bind(String name, Term value) {
    return new Env(name, value, this);
  }

  /** The term {@code name} is bound to. */
  Term lookup(String name) {
    for (Env e = this; e != EMPTY; e = e.outer) {
      if (e.name.equals(name)) {
        return e.value;
      }
    }
    throw new UnsupportedRuleException("unbound variable '" + name + "'");
  }
}
