package org.hotplugchecker.model.rules.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.ActionRule;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.eval.ActionInstance;
import org.hotplugchecker.model.rules.eval.RuleMachine;

/**
 * A rule machine's model as terms, for symbolic engines: per action instance a guard and
 * next-value terms over the pre-state, per property a state predicate, all derived from
 * the rule table by {@link ExprTranslator} and {@link BodyExecutor}, with the same action
 * instances and properties in the same order as the {@link RuleMachine}. The initial
 * state is the rule machine's (concrete, from its boot program).
 *
 * @throws UnsupportedRuleException (from the constructor) if a guard, body or property
 *     uses a construct with no symbolic translation
 */
public final class SymbolicMachine {
  private final RuleMachine machine;
  private final TermFactory f;
  private final StateElements elements;
  private final Term[] current;
  private final ExprTranslator translator;
  private final List<SymbolicAction> actions;
  private final List<SymbolicProperty> properties;
  private final ActionDependencies dependencies;

  /** The terms of {@code machine}'s rules on its topology. */
  public SymbolicMachine(RuleMachine machine) {
    this.machine = machine;
    int nodes = machine.facts().sizes().nodes();
    this.f = new TermFactory(nodes - 1);
    this.elements = new StateElements(machine.layout(), nodes);
    this.current = new Term[elements.count()];
    for (int e = 0; e < current.length; e++) {
      current[e] = elements.isInt(e) ? f.intVar(e) : f.boolVar(e);
    }
    this.translator = new ExprTranslator(f, machine.facts(), elements);
    BodyExecutor exec = new BodyExecutor(translator, machine.facts(), elements);
    RuleSet rules = machine.rules();
    List<SymbolicAction> as = new ArrayList<>();
    for (int a = 0; a < machine.actions().size(); a++) {
      ActionInstance inst = machine.actions().get(a);
      ActionRule rule = inst.rule();
      Env env = Env.EMPTY.bind(rule.param(), f.intConst(inst.index()));
      Term guard = translator.bool(new Expr.And(List.of(rules.enabledOnlyWhen(), rule.guard())),
          env, current);
      Term[] state = current.clone();
      exec.run(rule.body(), env, state, guard);
      as.add(new SymbolicAction(a, inst, guard, state, current));
    }
    this.actions = List.copyOf(as);
    List<SymbolicProperty> ps = new ArrayList<>();
    for (PropertyRule p : machine.properties()) {
      ps.add(property(p));
    }
    this.properties = List.copyOf(ps);
    this.dependencies = new ActionDependencies(actions);
  }

  private SymbolicProperty property(PropertyRule p) {
    if (p instanceof PropertyRule.Invariant inv) {
      Term holds = invariant(inv.holds());
      return new SymbolicProperty(p, holds, List.of(), f.not(holds), null);
    }
    PropertyRule.ActionProperty ap = (PropertyRule.ActionProperty) p;
    List<SymbolicProperty.Step> steps = new ArrayList<>();
    List<Term> bad = new ArrayList<>();
    List<Term> judged = new ArrayList<>();
    for (SymbolicAction a : actions) {
      if (a.instance().rule() != ap.action()) {
        continue;
      }
      Env env = Env.EMPTY.bind(ap.action().param(), f.intConst(a.instance().index()));
      Term applies = translator.bool(ap.applies(), env, current);
      Term holds = translator.bool(ap.holds(), env, current);
      steps.add(new SymbolicProperty.Step(a.id(), applies, holds));
      judged.add(f.and(a.guard(), applies));
      bad.add(f.and(List.of(a.guard(), applies, f.not(holds))));
    }
    return new SymbolicProperty(p, null, steps, f.or(bad), f.or(judged));
  }

  /** The term of invariant expression {@code holds} (any expression of the rule language). */
  public Term invariant(Expr holds) {
    return translator.bool(holds, Env.EMPTY, current);
  }

  /** The rule machine the terms are of. */
  public RuleMachine machine() {
    return machine;
  }

  /** The factory of every term here (and of terms clients add). */
  public TermFactory terms() {
    return f;
  }

  /** The state elements. */
  public StateElements elements() {
    return elements;
  }

  /** The term of element {@code e} in the pre-state. */
  public Term current(int e) {
    return current[e];
  }

  /** The action instances, by engine id. */
  public List<SymbolicAction> actions() {
    return actions;
  }

  /** The checked properties, in the rule machine's order. */
  public List<SymbolicProperty> properties() {
    return properties;
  }

  /** The independence relation of the actions. */
  public ActionDependencies dependencies() {
    return dependencies;
  }

  /** The element values of the initial state. */
  public int[] boot() {
    return elements.values(machine.bootState());
  }
}
