package org.hotplugchecker.checker.symbolic;

import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * What a symbolic engine checks: the rule table's terms ({@link SymbolicMachine}) and the
 * explicit transition system that every counterexample is replayed on, which must number
 * the same action instances and properties the same way and start from one boot state.
 *
 * @param ts the explicit system (results name its properties; traces replay on it)
 * @param sym the terms of the same model
 */
public record SymbolicModel(TransitionSystem ts, SymbolicMachine sym) {
  /**
   * Validates the pairing.
   *
   * @throws IllegalArgumentException if actions, properties or initial states do not match
   */
  public SymbolicModel {
    RuleMachine m = sym.machine();
    if (m.actions().size() != ts.actionCount()) {
      throw new IllegalArgumentException("the rule machine has " + m.actions().size()
          + " action instances, the transition system " + ts.actionCount());
    }
    for (int a = 0; a < ts.actionCount(); a++) {
      if (!m.actions().get(a).label().equals(ts.actionLabel(a))) {
        throw new IllegalArgumentException("action " + a + " is " + m.actions().get(a).label()
            + " in the rule machine, " + ts.actionLabel(a) + " in the transition system");
      }
    }
    if (m.properties().size() != ts.properties().size()) {
      throw new IllegalArgumentException("the rule machine checks " + m.properties().size()
          + " properties, the transition system " + ts.properties().size());
    }
    for (int p = 0; p < ts.properties().size(); p++) {
      if (!m.properties().get(p).name().equals(ts.properties().get(p).name())) {
        throw new IllegalArgumentException("property " + p + " is "
            + m.properties().get(p).name() + " in the rule machine, "
            + ts.properties().get(p).name() + " in the transition system");
      }
    }
    if (ts.initialStates().size() != 1) {
      throw new IllegalArgumentException("the symbolic engines check a model with one boot "
          + "state, this one has " + ts.initialStates().size());
    }
  }

  /**
   * The symbolic model of {@code ts}, which must be a {@link HotplugModel}: the terms are
   * derived from its rule table.
   *
   * @throws IllegalArgumentException for any other transition system
   */
  public static SymbolicModel of(TransitionSystem ts) {
    if (!(ts instanceof HotplugModel model)) {
      throw new IllegalArgumentException("the symbolic engines check hotplug models (derived"
          + " from the rule table), not " + ts.getClass().getSimpleName());
    }
    return new SymbolicModel(ts, new SymbolicMachine(model.machine()));
  }

  /** The model of {@code machine}'s rules, with counterexamples replayed on {@code ts}. */
  public static SymbolicModel of(TransitionSystem ts, RuleMachine machine) {
    return new SymbolicModel(ts, new SymbolicMachine(machine));
  }
}
