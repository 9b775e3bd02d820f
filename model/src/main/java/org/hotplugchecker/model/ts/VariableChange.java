package org.hotplugchecker.model.ts;

/**
 * A state variable that a step changed.
 *
 * @param name the variable, e.g. {@code cpu_to_node(1)}
 * @param before its value before the step
 * @param after its value after the step
 */
public record VariableChange(String name, Object before, Object after) {
  /** E.g. {@code cpu_to_node(1): 1 → -1}. */
  public String render() {
    return name + ": " + before + " \u2192 " + after;
  }
}
