package org.hotplugchecker.checker;

import java.util.List;

/**
 * A path from an initial state, in engine terms: {@code states.size() == actions.size() + 1}
 * for an invariant violation (the last state violates it). For an action property the
 * last action is the violating transition, so {@code states} ends with its target.
 *
 * @param states packed states along the path, initial state first
 * @param actions action ids taken between consecutive states
 */
public record Counterexample(List<long[]> states, List<Integer> actions) {
  /** Number of steps. */
  public int length() {
    return actions.size();
  }
}
