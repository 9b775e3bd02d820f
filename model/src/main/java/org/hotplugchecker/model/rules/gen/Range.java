package org.hotplugchecker.model.rules.gen;

/**
 * The values an int expression can take lie in {@code lo..hi}: two Java int expressions
 * over the generated class's fields, which the constructor can evaluate (e.g.
 * {@code -1 .. (int) NM - 1} for a node-valued state variable, whose packed field holds no
 * more). Tables indexed by such a value are built over the whole range, so indexing them
 * needs no check; an unsound range would fail on the array bound, never read a wrong entry.
 */
record Range(String lo, String hi, boolean small) {
  /**
   * @param lo the least value
   * @param hi the greatest value
   * @param small whether the range is known to lie within {@code -1..}{@link
   *     KernelSupport#MAX_VECTOR} (a node, a domain element or "none"; the generated
   *     constructor refuses larger domains), so that {@code x + 1} can be a shift distance
   */
  Range {}

  /** The range of one constant. */
  static Range constant(int v) {
    return new Range(Integer.toString(v), Integer.toString(v), v >= -1 && v <= 62);
  }

  /** The smallest range holding both. */
  Range union(Range o) {
    if (equals(o)) {
      return this;
    }
    return new Range(lo.equals(o.lo) ? lo : "Math.min(" + lo + ", " + o.lo + ")",
        hi.equals(o.hi) ? hi : "Math.max(" + hi + ", " + o.hi + ")", small && o.small);
  }

  /** The number of values, as a Java expression. */
  String size() {
    if (lo.equals("0")) {
      return hi.endsWith(" - 1") ? hi.substring(0, hi.length() - 4) : "(" + hi + ") + 1";
    }
    return "(" + hi + ") - (" + lo + ") + 1";
  }

  /** Whether {@link #lo} is an int literal (so an index offset can be written inline). */
  boolean constantLow() {
    return lo.matches("-?[0-9]+");
  }
}
