package org.hotplugchecker.model.rules;

/**
 * A property checked by every engine: a state invariant, or an action property judged
 * on the steps of one action.
 */
public sealed interface PropertyRule {
  /** The name used in specs and reports. */
  String name();

  /** One line of what it means. */
  String description();

  /**
   * A state invariant: {@code holds} must be true in every reachable state.
   *
   * @param name the name used in specs and reports
   * @param description one line of what it means
   * @param holds the invariant, over the state and the topology
   * @param source the invariant as written in the invariant language, or null
   */
  record Invariant(String name, String description, Expr holds, String source)
      implements PropertyRule {
    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * An action property: on every step of {@code action} from a state where
   * {@code applies} holds, {@code holds} must hold; both read the state before the step
   * and the action's parameter. Vacuous when it applies to no reachable step.
   *
   * @param name the name used in specs and reports
   * @param description one line of what it means
   * @param action the action whose steps it judges
   * @param applies when a step is judged
   * @param holds what a judged step must satisfy
   */
  record ActionProperty(String name, String description, ActionRule action, Expr applies,
      Expr holds) implements PropertyRule {
    @Override
    public String toString() {
      return name;
    }
  }
}
