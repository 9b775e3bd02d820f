package org.hotplugchecker.checker.trace;

import java.util.List;
import org.hotplugchecker.model.ts.StateVariable;

/**
 * A counterexample explained: the initial state and each step with its call chain and
 * changes. {@code steps.size()} is the counterexample length.
 *
 * @param property the violated property
 * @param initial every variable of the initial state
 * @param steps the steps, in order
 */
public record Trace(String property, List<StateVariable> initial, List<TraceStep> steps) {
  /** Number of steps. */
  public int length() {
    return steps.size();
  }
}
