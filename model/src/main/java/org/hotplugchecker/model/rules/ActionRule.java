package org.hotplugchecker.model.rules;

import java.util.List;
import org.hotplugchecker.model.topology.Fault;

/**
 * One row of {@code MODEL.md}'s action table as a guarded command over one CPU or block:
 * {@code name(param)} is enabled where {@code guard} holds and then runs {@code body}.
 * Its instances are one per element of {@code domain}; an instance whose guard the
 * topology alone makes false (hot-plugging a component that is not hot-pluggable) is left
 * out, as is every instance of an action whose {@code fault} the topology does not enable.
 *
 * @param name the action, e.g. {@code remove_memory}
 * @param param the parameter's name in guard and body, e.g. {@code b}
 * @param domain what the parameter ranges over
 * @param fault the fault that adds this action, or null for a normal action
 * @param guard when it is enabled (on top of the rule set's {@link RuleSet#enabledOnlyWhen})
 * @param body its effect, with the kernel calls it makes
 */
public record ActionRule(String name, String param, Domain domain, Fault fault, Expr guard,
    List<Stmt> body) {
  public ActionRule {
    body = List.copyOf(body);
  }

  /** The label of instance {@code i}, e.g. {@code remove_memory(1)}. */
  public String label(int i) {
    return name + "(" + i + ")";
  }
}
