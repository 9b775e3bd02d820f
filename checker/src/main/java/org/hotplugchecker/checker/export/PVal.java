package org.hotplugchecker.checker.export;

import org.hotplugchecker.model.rules.Type;

/**
 * A Promela expression after partial evaluation: a constant the generator already knows
 * (the topology, the knobs and every unrolled index are constants), or code that reads the
 * state. Booleans are 0/1, as in Promela.
 *
 * @param type its type
 * @param constant the value when known, else null
 * @param code the Promela text when not known, else null
 */
record PVal(Type type, Integer constant, String code) {
  static final PVal TRUE = new PVal(Type.BOOL, 1, null);
  static final PVal FALSE = new PVal(Type.BOOL, 0, null);

  static PVal of(Type type, int value) {
    return type == Type.BOOL ? bool(value != 0) : new PVal(Type.INT, value, null);
  }

  static PVal bool(boolean b) {
    return b ? TRUE : FALSE;
  }

  static PVal code(Type type, String code) {
    return new PVal(type, null, code);
  }

  boolean isConst() {
    return constant != null;
  }

  /** Whether it is the constant {@code v}. */
  boolean is(int v) {
    return constant != null && constant == v;
  }

  /** The Promela text: a number for a constant, else parenthesised code. */
  String text() {
    if (!isConst()) {
      return code;
    }
    // spin reads -2147483648 as the negation of 2147483648, which the C compiler then
    // takes as a long: the comparison with it goes the wrong way.
    return constant == Integer.MIN_VALUE ? "(-2147483647 - 1)" : Integer.toString(constant);
  }
}
