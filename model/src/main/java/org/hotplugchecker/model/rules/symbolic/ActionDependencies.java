package org.hotplugchecker.model.rules.symbolic;

import java.util.BitSet;
import java.util.List;

/**
 * Which action instances are independent, from the read and write sets the symbolic
 * executor derives: two are independent when neither writes what the other reads or
 * writes. Independent actions commute and cannot enable or disable each other (a guard
 * is in its action's read set), so two adjacent independent steps of a path can be
 * swapped without changing the path's length or end state (the basis of partial-order
 * reduction). Immutable.
 */
public final class ActionDependencies {
  private final boolean[][] independent;

  /** The relation over {@code actions} (indexed by their ids). */
  public ActionDependencies(List<SymbolicAction> actions) {
    int n = actions.size();
    independent = new boolean[n][n];
    for (int a = 0; a < n; a++) {
      BitSet ra = actions.get(a).reads();
      BitSet wa = actions.get(a).writes();
      for (int b = 0; b < n; b++) {
        BitSet rb = actions.get(b).reads();
        BitSet wb = actions.get(b).writes();
        independent[a][b] = a != b && !wa.intersects(rb) && !wa.intersects(wb)
            && !wb.intersects(ra);
      }
    }
  }

  /** Whether actions {@code a} and {@code b} are independent (never for {@code a == b}). */
  public boolean independent(int a, int b) {
    return independent[a][b];
  }

  /** Number of actions. */
  public int size() {
    return independent.length;
  }
}
