package org.hotplugchecker.model.rules.eval;

import org.hotplugchecker.model.rules.ActionRule;

/**
 * One action applied to one CPU or block, as engines number them.
 *
 * @param rule the action
 * @param index the CPU or block
 */
public record ActionInstance(ActionRule rule, int index) {
  /** E.g. {@code remove_memory(1)}. */
  public String label() {
    return rule.label(index);
  }

  @Override
  public String toString() {
    return label();
  }
}
