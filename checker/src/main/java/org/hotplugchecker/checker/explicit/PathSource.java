package org.hotplugchecker.checker.explicit;

import java.util.List;

/** Rebuilds the BFS path to a stored state, as the search first reached it. */
interface PathSource {
  /**
   * Appends to {@code states} the stored states (representatives when reduced) from an
   * initial state to the state with {@code index}, and to {@code steps} the actions
   * between them.
   */
  void path(int index, List<long[]> states, List<Integer> steps);
}
