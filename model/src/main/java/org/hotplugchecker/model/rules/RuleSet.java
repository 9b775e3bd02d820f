package org.hotplugchecker.model.rules;

import java.util.List;
import java.util.Optional;

/**
 * A whole model as data: its state variables, the topology facts it reads, the boot
 * program, the shared procedures, the actions and the built-in properties. Engines derive
 * everything they run from one of these ({@link HotplugRules#RULES} for {@code MODEL.md}).
 *
 * @param slots the state variables, in {@code MODEL.md}'s order (also the packing order)
 * @param topology the topology attributes expressions may read
 * @param enabledOnlyWhen a conjunct of every action's guard ({@code !oops})
 * @param boot the boot program: run once on the state with every boolean false and every
 *     integer {@code -1}, it builds the initial state (it may use {@link Expr.Count},
 *     {@link Expr.Nth} and {@link Expr.Mod}, which only the boot program needs)
 * @param procedures the shared kernel helpers
 * @param actions the actions, in the order their instances are numbered
 * @param properties the built-in properties, in reporting order
 */
public record RuleSet(List<Slot> slots, List<TopologyAttr> topology, Expr enabledOnlyWhen,
    List<Stmt> boot, List<Procedure> procedures, List<ActionRule> actions,
    List<PropertyRule> properties) {
  public RuleSet {
    slots = List.copyOf(slots);
    topology = List.copyOf(topology);
    boot = List.copyOf(boot);
    procedures = List.copyOf(procedures);
    actions = List.copyOf(actions);
    properties = List.copyOf(properties);
  }

  /** The state variable named {@code name}, if any. */
  public Optional<Slot> slot(String name) {
    return slots.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** The topology attribute named {@code name}, if any. */
  public Optional<TopologyAttr> topologyAttr(String name) {
    return topology.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The action named {@code name}, if any. */
  public Optional<ActionRule> action(String name) {
    return actions.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  /** The built-in property named {@code name}, if any. */
  public Optional<PropertyRule> property(String name) {
    return properties.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
