package org.hotplugchecker.model.rules.eval;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.ActionRule;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.ExprAnalysis;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.ts.TransitionVerdict;
import org.hotplugchecker.model.ts.VariableChange;

/**
 * A rule set run on one topology by interpretation: the boot state, the action instances,
 * their guards and effects (with the kernel calls they make), and the properties. This is
 * the general path every engine falls back on and the one the fast paths are tested
 * against. Immutable and thread-safe: every call evaluates in a frame of its own.
 */
public final class RuleMachine {
  private final RuleSet rules;
  private final TopologyFacts facts;
  private final PackedLayout layout;
  private final List<ActionInstance> actions;
  private final Eval[] guards; // per action instance, global guard included
  private final Exec[] bodies; // per action instance
  private final int[] paramSlot; // per action instance
  private final int[] frameSize; // per action instance
  private final List<PropertyRule> properties;
  private final Eval[] holds; // per property: invariant, or action property's "holds"
  private final Eval[] applies; // per property: action property's "applies", else null
  private final int[] propertyParam; // action properties: the slot of the action's param
  private final int propertyFrame;
  private final long[] boot;

  /** {@code rules} on {@code topology}, checking {@code properties} (in that order). */
  public RuleMachine(RuleSet rules, Topology topology, List<PropertyRule> properties) {
    this.rules = rules;
    this.facts = new TopologyFacts(topology);
    this.layout = new PackedLayout(rules.slots(), facts.sizes());
    this.properties = List.copyOf(properties);
    this.boot = runBoot();
    List<ActionInstance> list = new ArrayList<>();
    List<Eval> gs = new ArrayList<>();
    List<Exec> bs = new ArrayList<>();
    List<Integer> ps = new ArrayList<>();
    List<Integer> fs = new ArrayList<>();
    for (ActionRule rule : rules.actions()) {
      if (rule.fault() != null && !topology.hasFault(rule.fault())) {
        continue;
      }
      RuleCompiler compiler = new RuleCompiler(facts, layout);
      int param = compiler.bind(rule.param());
      Eval guard = compiler.expr(new Expr.And(List.of(rules.enabledOnlyWhen(), rule.guard())));
      Eval staticGuard = compiler.expr(new Expr.And(ExprAnalysis.conjuncts(rule.guard()).stream()
          .filter(c -> !ExprAnalysis.readsState(c)).toList()));
      Exec body = compiler.block(rule.body());
      for (int i = 0; i < facts.size(rule.domain()); i++) {
        Frame f = new Frame(new long[layout.words()], compiler.frameSize(), null);
        f.vars[param] = i;
        if (staticGuard.eval(f) == 0) {
          continue; // the topology alone rules it out: never enabled
        }
        list.add(new ActionInstance(rule, i));
        gs.add(guard);
        bs.add(body);
        ps.add(param);
        fs.add(compiler.frameSize());
      }
    }
    this.actions = List.copyOf(list);
    this.guards = gs.toArray(new Eval[0]);
    this.bodies = bs.toArray(new Exec[0]);
    this.paramSlot = ps.stream().mapToInt(Integer::intValue).toArray();
    this.frameSize = fs.stream().mapToInt(Integer::intValue).toArray();
    RuleCompiler pc = new RuleCompiler(facts, layout);
    holds = new Eval[properties.size()];
    applies = new Eval[properties.size()];
    propertyParam = new int[properties.size()];
    for (int p = 0; p < properties.size(); p++) {
      PropertyRule rule = properties.get(p);
      if (rule instanceof PropertyRule.Invariant inv) {
        holds[p] = pc.expr(inv.holds());
        propertyParam[p] = -1;
      } else if (rule instanceof PropertyRule.ActionProperty ap) {
        propertyParam[p] = pc.bind(ap.action().param());
        applies[p] = pc.expr(ap.applies());
        holds[p] = pc.expr(ap.holds());
        pc.unbind();
      }
    }
    propertyFrame = pc.frameSize();
  }

  private long[] runBoot() {
    RuleCompiler compiler = new RuleCompiler(facts, layout);
    Exec program = compiler.block(rules.boot());
    long[] state = new long[layout.words()]; // every bool false, every node -1 (stored 0)
    program.run(new Frame(state, compiler.frameSize(), null));
    return state;
  }

  public RuleSet rules() {
    return rules;
  }

  public TopologyFacts facts() {
    return facts;
  }

  public PackedLayout layout() {
    return layout;
  }

  /** A fresh copy of the boot state. */
  public long[] bootState() {
    return boot.clone();
  }

  /** The action instances, in engine id order. */
  public List<ActionInstance> actions() {
    return actions;
  }

  /** The checked properties, in reporting order. */
  public List<PropertyRule> properties() {
    return properties;
  }

  /** Whether action {@code a} is enabled in {@code state}. */
  public boolean enabled(int a, long[] state) {
    Frame f = new Frame(state, frameSize[a], null);
    f.vars[paramSlot[a]] = actions.get(a).index();
    return guards[a].eval(f) != 0;
  }

  /**
   * Runs action {@code a} (which must be enabled) on {@code state} in place; the kernel
   * functions it runs are added to {@code calls} unless that is null.
   */
  public void fire(int a, long[] state, List<String> calls) {
    Frame f = new Frame(state, frameSize[a], calls);
    f.vars[paramSlot[a]] = actions.get(a).index();
    bodies[a].run(f);
  }

  /** Whether invariant {@code p} holds in {@code state}. */
  public boolean holds(int p, long[] state) {
    if (propertyParam[p] >= 0) {
      throw new IllegalArgumentException(properties.get(p).name() + " is an action property");
    }
    return holds[p].eval(new Frame(state, propertyFrame, null)) != 0;
  }

  /** Action property {@code p} on a step of action {@code a} from {@code from}. */
  public TransitionVerdict judge(int p, long[] from, int a) {
    return judge(p, from, a, null);
  }

  /**
   * {@link #judge(int, long[], int)} with argmin ties broken by {@code ties} (which notes
   * the ties met), or towards the lower index when it is null.
   */
  public TransitionVerdict judge(int p, long[] from, int a, TieBreaks ties) {
    if (!(properties.get(p) instanceof PropertyRule.ActionProperty ap)
        || ap.action() != actions.get(a).rule()) {
      return TransitionVerdict.NOT_APPLICABLE;
    }
    Frame f = ties == null ? new Frame(from, propertyFrame, null)
        : ties.frame(from, propertyFrame);
    f.vars[propertyParam[p]] = actions.get(a).index();
    if (applies[p].eval(f) == 0) {
      return TransitionVerdict.NOT_APPLICABLE;
    }
    return holds[p].eval(f) != 0 ? TransitionVerdict.HOLDS : TransitionVerdict.VIOLATED;
  }

  /**
   * Every variable of {@code state} with its trace name: per node, then per CPU, then per
   * block, each element's variables in the rule set's order, then the scalars.
   */
  public List<StateVariable> variables(long[] state) {
    List<StateVariable> out = new ArrayList<>();
    for (Domain d : Domain.values()) {
      for (int i = 0; i < facts.size(d); i++) {
        for (int s = 0; s < layout.slots().size(); s++) {
          Slot slot = layout.slots().get(s);
          if (slot.index() == d) {
            out.add(variable(state, s, i));
          }
        }
      }
    }
    for (int s = 0; s < layout.slots().size(); s++) {
      if (layout.slots().get(s).isScalar()) {
        out.add(variable(state, s, 0));
      }
    }
    return out;
  }

  private StateVariable variable(long[] state, int s, int i) {
    Slot slot = layout.slots().get(s);
    int v = layout.value(state, s, i);
    return new StateVariable(slot.traceName(i), slot.type() == Type.BOOL ? (Object) (v != 0)
        : (Object) v);
  }

  /** The variables whose values differ between two states, in {@link #variables} order. */
  public List<VariableChange> changes(long[] before, long[] after) {
    List<StateVariable> a = variables(before);
    List<StateVariable> b = variables(after);
    List<VariableChange> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).value().equals(b.get(i).value())) {
        out.add(new VariableChange(a.get(i).name(), a.get(i).value(), b.get(i).value()));
      }
    }
    return out;
  }
}
