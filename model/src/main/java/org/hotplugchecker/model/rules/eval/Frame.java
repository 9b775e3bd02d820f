package org.hotplugchecker.model.rules.eval;

import java.util.List;

/**
 * The mutable context of one evaluation: the packed state it reads and writes, the values
 * of bound variables, and where kernel calls go (null when nobody records them). One per
 * call, never shared between threads.
 */
final class Frame {
  final long[] state;
  final int[] vars;
  final List<String> calls;
  final TieBreaks ties; // null: argmin ties go to the lower index

  Frame(long[] state, int vars, List<String> calls) {
    this(state, vars, calls, null);
  }

  Frame(long[] state, int vars, List<String> calls, TieBreaks ties) {
    this.state = state;
    this.vars = new int[Math.max(1, vars)];
    this.calls = calls;
    this.ties = ties;
  }
}
