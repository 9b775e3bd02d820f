package org.hotplugchecker.model.rules;

import java.util.Objects;

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
    // Written out: the record's generated equals bootstraps method handles on first use,
    // 40 classes spun in 25 ms of every check of a spec with invariants of its own (the
    // model looks each property up in the rule table, and a user's is in none). The name
    // comes first so that differently named invariants never compare expression trees, and
    // the hash is the name's alone, so that hashing never walks one either.
    @Override
    public boolean equals(Object o) {
      return o instanceof Invariant i && Objects.equals(name, i.name)
          && Objects.equals(description, i.description) && Objects.equals(holds, i.holds)
          && Objects.equals(source, i.source);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(name);
    }

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
