package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.symbolic.SampleInvariants;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * The reference interpreter as a transition system, for properties {@code HotplugModel}
 * cannot check yet (user invariants, until the spec parser lands): the explicit engine
 * explores it and the symbolic engines replay their counterexamples on it.
 */
final class RuleMachineSystem implements TransitionSystem {
  private final RuleMachine m;
  private final List<PropertySpec> specs = new ArrayList<>();

  RuleMachineSystem(RuleMachine m) {
    this.m = m;
    for (PropertyRule p : m.properties()) {
      specs.add(new PropertySpec(p.name(), p instanceof PropertyRule.Invariant
          ? PropertySpec.Kind.INVARIANT : PropertySpec.Kind.ACTION, p.description()));
    }
  }

  /** The built-in properties followed by {@code extra}, on {@code t}. */
  static RuleMachineSystem of(Topology t, List<? extends PropertyRule> extra) {
    List<PropertyRule> props = new ArrayList<>(HotplugRules.RULES.properties());
    props.addAll(extra);
    return new RuleMachineSystem(new RuleMachine(HotplugRules.RULES, t, props));
  }

  RuleMachine machine() {
    return m;
  }

  /**
   * The model of reference case {@code c}: the hotplug model, or with user invariants
   * (written with {@link SampleInvariants#reference()}) this system.
   */
  static SymbolicModel model(ReferenceCases.Case c) {
    if (c.invariants().isEmpty()) {
      return SymbolicModel.of(new HotplugModel(c.topology()));
    }
    List<PropertyRule.Invariant> extra = SampleInvariants.reference().stream()
        .filter(i -> c.invariants().containsKey(i.name())).toList();
    if (extra.size() != c.invariants().size()) {
      throw new IllegalStateException(c.name() + " has invariants " + c.invariants().keySet()
          + ", SampleInvariants only " + extra.stream().map(PropertyRule::name).toList());
    }
    RuleMachineSystem ts = of(c.topology(), extra);
    return SymbolicModel.of(ts, ts.machine());
  }

  @Override
  public int stateWords() {
    return m.layout().words();
  }

  @Override
  public int stateBits() {
    return m.layout().bits();
  }

  @Override
  public List<long[]> initialStates() {
    return List.of(m.bootState());
  }

  @Override
  public int actionCount() {
    return m.actions().size();
  }

  @Override
  public String actionLabel(int action) {
    return m.actions().get(action).label();
  }

  @Override
  public boolean successor(long[] state, int action, long[] out) {
    if (!m.enabled(action, state)) {
      return false;
    }
    System.arraycopy(state, 0, out, 0, state.length);
    m.fire(action, out, null);
    return true;
  }

  @Override
  public List<PropertySpec> properties() {
    return specs;
  }

  @Override
  public boolean invariantHolds(int property, long[] state) {
    return m.holds(property, state);
  }

  @Override
  public TransitionVerdict checkTransition(int property, long[] from, int action, long[] to) {
    return m.judge(property, from, action);
  }
}
