package org.hotplugchecker.checker.trace;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * Checks a counterexample against the model independently of the engine that found it:
 * it must start in an initial state, every step must be an enabled action whose
 * successor is the next state, and it must end in a violation of the property.
 */
public final class TraceReplayer {
  private final TransitionSystem ts;

  /** A replayer over {@code ts}. */
  public TraceReplayer(TransitionSystem ts) {
    this.ts = ts;
  }

  /**
   * Replays {@code cex} as a violation of property number {@code property}.
   *
   * @return empty if it is a valid counterexample, else why not
   */
  public Optional<String> problems(int property, Counterexample cex) {
    List<long[]> states = cex.states();
    if (states.size() != cex.actions().size() + 1) {
      return Optional.of("expected " + (cex.actions().size() + 1) + " states, got "
          + states.size());
    }
    long[] init = states.get(0);
    if (ts.initialStates().stream().noneMatch(s -> Arrays.equals(s, init))) {
      return Optional.of("the first state is not an initial state");
    }
    long[] next = new long[ts.stateWords()];
    for (int i = 0; i < cex.actions().size(); i++) {
      int a = cex.actions().get(i);
      if (!ts.successor(states.get(i), a, next)) {
        return Optional.of("step " + (i + 1) + " (" + ts.actionLabel(a) + ") is not enabled");
      }
      if (!Arrays.equals(next, states.get(i + 1))) {
        return Optional.of("step " + (i + 1) + " (" + ts.actionLabel(a)
            + ") does not lead to the next state");
      }
    }
    PropertySpec spec = ts.properties().get(property);
    long[] last = states.get(states.size() - 1);
    if (spec.kind() == PropertySpec.Kind.INVARIANT) {
      return ts.invariantHolds(property, last)
          ? Optional.of("the last state does not violate " + spec.name())
          : Optional.empty();
    }
    if (cex.actions().isEmpty()) {
      return Optional.of("an action property needs at least one step");
    }
    int lastAction = cex.actions().get(cex.actions().size() - 1);
    TransitionVerdict v = ts.checkTransition(property, states.get(states.size() - 2), lastAction,
        last);
    return v == TransitionVerdict.VIOLATED
        ? Optional.empty()
        : Optional.of("the last step does not violate " + spec.name());
  }
}
