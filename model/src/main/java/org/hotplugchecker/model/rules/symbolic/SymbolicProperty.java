package org.hotplugchecker.model.rules.symbolic;

import java.util.List;
import org.hotplugchecker.model.rules.PropertyRule;

/**
 * One checked property as terms over a state. Both kinds become state predicates, which is
 * what BMC and induction need: an invariant is violated in a state where {@link #bad()}
 * holds; an action property is violated by a step out of a state where {@code bad()} holds
 * (some enabled instance of its action is judged and fails), so its counterexamples are
 * one step longer than the path to that state.
 *
 * @param rule the property
 * @param holds for an invariant: when it holds; null for an action property
 * @param steps for an action property: its action's instances, each with when the step
 *     is judged and when it passes; empty for an invariant
 * @param bad when the state violates an invariant, or has a failing enabled judged step
 * @param exercised for an action property: when the state has an enabled judged step;
 *     null for an invariant
 */
public record SymbolicProperty(PropertyRule rule, Term holds, List<Step> steps, Term bad,
    Term exercised) {
  /** The property; {@code steps} is copied. */
  public SymbolicProperty {
    steps = List.copyOf(steps);
  }

  /** Whether it is a state invariant (else an action property). */
  public boolean isInvariant() {
    return rule instanceof PropertyRule.Invariant;
  }

  /** How many steps a counterexample has whose violating state is at position {@code t}. */
  public int lengthAt(int t) {
    return isInvariant() ? t : t + 1;
  }

  /**
   * One instance of an action property's action.
   *
   * @param action its engine id
   * @param applies when a step of it from the state is judged
   * @param holds when such a step passes
   */
  public record Step(int action, Term applies, Term holds) {}
}
