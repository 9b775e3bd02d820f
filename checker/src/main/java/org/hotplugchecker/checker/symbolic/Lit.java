package org.hotplugchecker.checker.symbolic;

import org.chocosolver.solver.variables.BoolVar;

/**
 * A Boolean literal of the encoding: a Choco {@link BoolVar} or its negation, or a
 * constant. Constants let the encoding fold away everything the topology decides
 * statically (a CPU that is not hotplug, a kernel that never clears {@code cpu_to_node}).
 */
final class Lit {
  static final Lit TRUE = new Lit(null, true);
  static final Lit FALSE = new Lit(null, false);

  private final BoolVar var;
  private final boolean positive;

  private Lit(BoolVar var, boolean positive) {
    this.var = var;
    this.positive = positive;
  }

  /** The positive literal of {@code var}. */
  static Lit of(BoolVar var) {
    return new Lit(var, true);
  }

  /** The constant {@code value}. */
  static Lit constant(boolean value) {
    return value ? TRUE : FALSE;
  }

  boolean isConstant() {
    return var == null;
  }

  /** The constant value; only for constants. */
  boolean value() {
    return positive;
  }

  BoolVar var() {
    return var;
  }

  boolean positive() {
    return positive;
  }

  Lit not() {
    if (var == null) {
      return positive ? FALSE : TRUE;
    }
    return new Lit(var, !positive);
  }

  /** A key unique per literal (constants excluded): {@code 2 * varId + sign}. */
  long key() {
    return 2L * var.getId() + (positive ? 0 : 1);
  }

  /** The literal's value in the solver's current (complete) assignment. */
  boolean valueInSolution() {
    if (var == null) {
      return positive;
    }
    return (var.getValue() == 1) == positive;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Lit l && l.var == var && l.positive == positive;
  }

  @Override
  public int hashCode() {
    return var == null ? (positive ? 1 : 0) : Long.hashCode(key()) + 2;
  }

  @Override
  public String toString() {
    if (var == null) {
      return positive ? "true" : "false";
    }
    return (positive ? "" : "!") + var.getName();
  }
}
