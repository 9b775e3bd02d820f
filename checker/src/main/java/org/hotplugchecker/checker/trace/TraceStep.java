package org.hotplugchecker.checker.trace;

import java.util.List;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.ts.VariableChange;

/**
 * One step of a counterexample in the model's own terms.
 *
 * @param number 1-based step number
 * @param action action label, e.g. {@code remove_memory(1)}
 * @param actionId the engine's action id
 * @param callChain the functions that ran, e.g. {@code [remove_memory(1), try_offline_node(1)]}
 * @param changes only the variables this step changed
 * @param stateAfter every variable after the step
 */
public record TraceStep(int number, String action, int actionId, List<String> callChain,
    List<VariableChange> changes, List<StateVariable> stateAfter) {

  /** The call chain joined with arrows. */
  public String chainText() {
    return String.join(" \u2192 ", callChain);
  }
}
