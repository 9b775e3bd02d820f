package org.hotplugchecker.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hotplugchecker.model.kernel.ActionGuard;
import org.hotplugchecker.model.kernel.EnabledSets;
import org.hotplugchecker.model.kernel.WideEnabledSets;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.RuleLists;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.eval.ActionInstance;
import org.hotplugchecker.model.rules.eval.GuardMasks;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.rules.eval.TieBreaks;
import org.hotplugchecker.model.rules.gen.CompiledKernel;
import org.hotplugchecker.model.rules.gen.CompiledKernels;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;
import org.hotplugchecker.model.ts.VariableChange;

/**
 * The hotplug model of one topology as a {@link TransitionSystem}: the rule table
 * ({@link HotplugRules#RULES}) on that topology, with the action instances that can ever be
 * enabled and the selected properties. Two paths run the same rules: the kernel the build
 * compiles from the table ({@link CompiledKernel}) for the search, and the interpreter
 * ({@link RuleMachine}) for traces and for user invariants, which the build cannot know.
 */
public final class HotplugModel implements TransitionSystem {
  /**
   * The revision of the model's behaviour. Bump it whenever a change can alter any
   * topology's state count, transition count, verdict or counterexample length: results
   * stored by an earlier revision (sweep results files) are then no longer reused.
   * {@code ModelRevisionTest} fails when behaviour changes without a bump.
   */
  public static final String REVISION = "1";

  /** Returned by {@link #successor1} for a disabled action (no state has all bits set). */
  public static final long DISABLED = -1L;

  private final Topology topology;
  private final RuleMachine machine;
  private final CompiledKernel kernel;
  private final List<ActionInstance> actions;
  private final int[] kinds; // per action id: position of its rule in RULES.actions()
  private final int[] indices; // per action id: its CPU or block
  private final ActionGuard[] guards; // per action id, or null when some guard has no masks
  private final EnabledSets enabledSets; // one-word states, <= 64 actions, masks; else null
  private final WideEnabledSets wideSets; // any width and action count, masks; else null
  private final boolean oneWord;
  private final List<PropertyRule> properties;
  private final List<PropertySpec> specs;
  private final int[] compiled; // per property: its position in RULES.properties(), or -1
  private final int[] judgedKind; // per property: the kinds[] value of the action it judges, or -1
  private final long compiledInvariants; // the compiled invariants, over RULES positions
  private final int[] interpretedInvariants; // property positions the interpreter checks
  // Whether every compiled property sits at its own RULES position, so that a set of
  // property indices is also a set of rule positions (all built-ins, in order: the usual case)
  private final boolean inRuleOrder;
  private final List<long[]> initialStates;

  /** The model of {@code topology} checking every property of the rule table. */
  public HotplugModel(Topology topology) {
    this(topology, HotplugRules.RULES.properties(), null);
  }

  /**
   * The model of {@code topology} checking {@code properties} (built-in ones and user
   * invariants), in that order.
   */
  public static HotplugModel checking(Topology topology, List<PropertyRule> properties) {
    return new HotplugModel(topology, properties, null);
  }

  private HotplugModel(Topology topology, List<PropertyRule> properties, Void unused) {
    this.topology = topology;
    this.properties = List.copyOf(properties);
    RuleSet rules = HotplugRules.RULES;
    this.machine = new RuleMachine(rules, topology, this.properties);
    this.actions = machine.actions();
    this.kinds = actions.stream()
        .mapToInt(a -> RuleLists.indexOf(rules.actions(), a.rule())).toArray();
    this.indices = actions.stream().mapToInt(ActionInstance::index).toArray();
    this.kernel = CompiledKernels.hotplug(machine.facts(), machine.layout(), kinds, indices);
    List<GuardMasks.Masks> masks = deriveMasks(machine);
    this.guards = masks == null ? null
        : masks.stream().map(ActionGuard::of).toArray(ActionGuard[]::new);
    this.wideSets = masks == null ? null
        : new WideEnabledSets(masks, machine.layout().words());
    this.oneWord = machine.layout().words() == 1 && machine.layout().bits() < 64;
    this.enabledSets = oneWord && guards != null && actions.size() <= 64
        ? new EnabledSets(guards) : null;
    this.specs = this.properties.stream().map(HotplugModel::spec).toList();
    this.compiled = new int[this.properties.size()];
    long mask = 0;
    List<Integer> interpreted = new ArrayList<>();
    for (int p = 0; p < compiled.length; p++) {
      compiled[p] = RuleLists.indexOf(rules.properties(), this.properties.get(p));
      if (this.properties.get(p) instanceof PropertyRule.Invariant) {
        if (compiled[p] >= 0) {
          mask |= 1L << compiled[p];
        } else {
          interpreted.add(p);
        }
      }
    }
    this.compiledInvariants = mask;
    this.interpretedInvariants = interpreted.stream().mapToInt(Integer::intValue).toArray();
    boolean inOrder = true;
    for (int p = 0; p < compiled.length; p++) {
      inOrder &= compiled[p] < 0 || compiled[p] == p;
    }
    this.inRuleOrder = inOrder;
    // judges() runs on every judged step of the fast loops: no list walks or type tests there
    this.judgedKind = this.properties.stream().mapToInt(p -> p instanceof
        PropertyRule.ActionProperty ap ? RuleLists.indexOf(rules.actions(), ap.action())
        : -1).toArray();
    this.initialStates = List.of(machine.bootState());
  }

  private HotplugModel(HotplugModel model, List<long[]> initialStates) {
    this.topology = model.topology;
    this.machine = model.machine;
    this.kernel = model.kernel;
    this.actions = model.actions;
    this.kinds = model.kinds;
    this.indices = model.indices;
    this.guards = model.guards;
    this.enabledSets = model.enabledSets;
    this.wideSets = model.wideSets;
    this.oneWord = model.oneWord;
    this.properties = model.properties;
    this.specs = model.specs;
    this.compiled = model.compiled;
    this.judgedKind = model.judgedKind;
    this.compiledInvariants = model.compiledInvariants;
    this.interpretedInvariants = model.interpretedInvariants;
    this.inRuleOrder = model.inRuleOrder;
    this.initialStates = initialStates;
  }

  /** Every action's guard as masks, or null when some guard is not of the mask form. */
  private static List<GuardMasks.Masks> deriveMasks(RuleMachine machine) {
    List<GuardMasks.Masks> out = new ArrayList<>();
    for (int a = 0; a < machine.actions().size(); a++) {
      Optional<GuardMasks.Masks> m = GuardMasks.of(machine, a);
      if (m.isEmpty()) {
        return null;
      }
      out.add(m.get());
    }
    return out;
  }

  /** How engines see property {@code p}: its name, kind and description. */
  public static PropertySpec spec(PropertyRule p) {
    return new PropertySpec(p.name(), p instanceof PropertyRule.Invariant
        ? PropertySpec.Kind.INVARIANT : PropertySpec.Kind.ACTION, p.description());
  }

  /**
   * The same machine started from each of {@code states} (packed in this model's
   * layout) instead of its own boot state. Its reachable states are the union of those
   * reachable from each start, which lets a sweep check at once every boot
   * configuration of one machine shape whose transitions this model includes.
   *
   * @throws IllegalArgumentException if {@code states} is empty or a state has the wrong
   *     number of words
   */
  public HotplugModel startingFrom(List<long[]> states) {
    if (states.isEmpty()) {
      throw new IllegalArgumentException("a model needs at least one initial state");
    }
    List<long[]> copies = new ArrayList<>(states.size());
    for (long[] s : states) {
      if (s.length != stateWords()) {
        throw new IllegalArgumentException("initial state has " + s.length
            + " words, the layout " + stateWords());
      }
      copies.add(s.clone());
    }
    return new HotplugModel(this, List.copyOf(copies));
  }

  public Topology topology() {
    return topology;
  }

  /**
   * The boot state of {@code topology}, packed as its model packs states, without building
   * the model (sweeps need it for every class of a shape).
   */
  public static long[] bootState(Topology topology) {
    org.hotplugchecker.model.rules.eval.TopologyFacts facts =
        new org.hotplugchecker.model.rules.eval.TopologyFacts(topology);
    return CompiledKernels.hotplug(facts, new org.hotplugchecker.model.rules.eval.PackedLayout(
        HotplugRules.RULES.slots(), facts.sizes()), new int[0], new int[0]).boot();
  }

  /** The rule table this model runs ({@code MODEL.md} as data). */
  public RuleSet rules() {
    return HotplugRules.RULES;
  }

  /** The checked properties as the rule table defines them, in {@link #properties()} order. */
  public List<PropertyRule> propertyRules() {
    return properties;
  }

  /**
   * The rule table interpreted on this model's topology, with the same action instances
   * (in the same order) and properties: the reference semantics the compiled kernel is
   * tested against, and what symbolic engines and exports read.
   */
  public RuleMachine machine() {
    return machine;
  }

  @Override
  public int stateWords() {
    return machine.layout().words();
  }

  @Override
  public int stateBits() {
    return machine.layout().bits();
  }

  @Override
  public List<long[]> initialStates() {
    // Fresh arrays: a caller that writes into one must not change where later explorations
    // of this model start.
    List<long[]> copies = new ArrayList<>(initialStates.size());
    for (long[] s : initialStates) {
      copies.add(s.clone());
    }
    return copies;
  }

  @Override
  public int actionCount() {
    return actions.size();
  }

  @Override
  public String actionLabel(int action) {
    return actions.get(action).label();
  }

  private boolean admits(int action, long[] state) {
    if (guards != null) {
      return guards[action].admits(state);
    }
    return oneWord ? kernel.guard1(kinds[action], indices[action], state[0])
        : kernel.guardN(kinds[action], indices[action], state);
  }

  @Override
  public boolean successor(long[] state, int action, long[] out) {
    if (!admits(action, state)) {
      return false;
    }
    if (oneWord) {
      out[0] = kernel.fire1(kinds[action], indices[action], state[0]);
    } else {
      System.arraycopy(state, 0, out, 0, state.length);
      kernel.fireN(kinds[action], indices[action], out);
    }
    return true;
  }

  /**
   * Whether {@link #successor1} may be used: the state fits one {@code long} with at
   * least one bit to spare.
   */
  public boolean hasOneWordSuccessors() {
    return oneWord;
  }

  /**
   * {@link #successor} for one-word states, without arrays: the successor of {@code state}
   * under {@code action}, or {@link #DISABLED}.
   */
  public long successor1(long state, int action) {
    boolean enabled = guards != null ? guards[action].admits(state)
        : kernel.guard1(kinds[action], indices[action], state);
    return enabled ? kernel.fire1(kinds[action], indices[action], state) : DISABLED;
  }

  /**
   * The actions enabled in one-word {@code state}, written to {@code out} (at least
   * {@link #actionCount()} long) in id order; returns their number.
   */
  public int enabled1(long state, int[] out) {
    if (enabledSets != null) {
      int n = 0;
      for (long e = enabledSets.enabledSet(state); e != 0; e &= e - 1) {
        out[n++] = Long.numberOfTrailingZeros(e);
      }
      return n;
    }
    int n = 0;
    for (int a = 0; a < actions.size(); a++) {
      if (successor1(state, a) != DISABLED) {
        out[n++] = a;
      }
    }
    return n;
  }

  /**
   * The actions enabled in one-word {@code state} as a bit set (bit {@code a} for action
   * id {@code a}); needs {@link #hasEnabledSets1()}.
   */
  public long enabledSet1(long state) {
    return enabledSets.enabledSet(state);
  }

  /**
   * Whether {@link #enabledSet1} and {@link #fireAll1} may be used: one-word states, at
   * most 64 actions numbered kind by kind, and guards of the mask form.
   */
  public boolean hasEnabledSets1() {
    return enabledSets != null && kernel.firesByKind();
  }

  /**
   * The successors of one-word {@code state} under the actions in {@code enabled} (enabled
   * ones, as from {@link #enabledSet1}), written to {@code out} in action id order; returns
   * their number. Needs {@link #hasEnabledSets1()}.
   */
  public int fireAll1(long state, long enabled, long[] out) {
    return kernel.fireAll1(state, enabled, out);
  }

  /** The successor of one-word {@code state} under {@code action}, which must be enabled. */
  public long fire1(long state, int action) {
    return kernel.fire1(kinds[action], indices[action], state);
  }

  /**
   * Whether {@link #enabledSetN} may be used: every guard is of the mask form. Together
   * with {@link #fireN}, {@link #invariantViolationsN} and {@link #checkTransitionN} it
   * makes the search's loop for states of any width, which copies no arrays.
   */
  public boolean hasEnabledSetsN() {
    return wideSets != null;
  }

  /** Longs in an enabled set of {@link #enabledSetN}: {@code ceil(actionCount() / 64)}. */
  public int enabledSetWords() {
    return wideSets.setWords();
  }

  /**
   * The actions enabled in {@code state} (any width) as a bit set, written to {@code
   * out[0 .. enabledSetWords())}: bit {@code a % 64} of {@code out[a / 64]} for action id
   * {@code a}. Needs {@link #hasEnabledSetsN()}.
   */
  public void enabledSetN(long[] state, long[] out) {
    wideSets.enabledSet(state, out);
  }

  /** Runs {@code action}, which must be enabled in {@code state}, on {@code state} in place. */
  public void fireN(long[] state, int action) {
    kernel.fireN(kinds[action], indices[action], state);
  }

  @Override
  public List<PropertySpec> properties() {
    return specs;
  }

  @Override
  public boolean invariantHolds(int property, long[] state) {
    if (compiled[property] < 0) {
      return machine.holds(property, state);
    }
    return oneWord ? kernel.invariant1(compiled[property], state[0])
        : kernel.invariantN(compiled[property], state);
  }

  /**
   * The invariants among {@code pending} (bits by index in {@link #properties()}) that
   * one-word {@code state} violates, as a bit set: {@link #invariantHolds} for all of them at
   * once, for the search's per-state check, which passes the ones it has not settled yet, so
   * that the others cost nothing. Needs {@link #hasOneWordSuccessors()}.
   */
  public long invariantViolations1(long state, long pending) {
    long set = ofRules(kernel.violations1(state, rulesOf(pending)));
    if (interpretedInvariants.length > 0) {
      set |= interpretedViolations(new long[] {state}, pending);
    }
    return set & pending;
  }

  /** {@link #invariantViolations1} for states of any width (at most 64 properties). */
  public long invariantViolationsN(long[] state, long pending) {
    long set = ofRules(kernel.violationsN(state, rulesOf(pending)));
    return (set | interpretedViolations(state, pending)) & pending;
  }

  /** The interpreted invariants among {@code pending} that {@code state} violates. */
  private long interpretedViolations(long[] state, long pending) {
    long set = 0;
    for (int p : interpretedInvariants) {
      if ((pending & (1L << p)) != 0 && !machine.holds(p, state)) {
        set |= 1L << p;
      }
    }
    return set;
  }

  /** The compiled invariants among {@code properties}, as RULES positions. */
  private long rulesOf(long properties) {
    return inRuleOrder ? properties & compiledInvariants : compiledInvariants;
  }

  /** Rule positions violated, {@code byRule}, as property indices. */
  private long ofRules(long byRule) {
    if (inRuleOrder || byRule == 0) {
      return byRule;
    }
    long set = 0;
    for (int p = 0; p < compiled.length; p++) {
      if (compiled[p] >= 0 && (byRule & (1L << compiled[p])) != 0) {
        set |= 1L << p;
      }
    }
    return set;
  }


  /**
   * Whether {@link #checkTransition} can give action property {@code property} anything
   * but {@code NOT_APPLICABLE} on a step of {@code action}: an action property judges only
   * its own action's steps. The search skips the other pairs without a call.
   */
  public boolean judges(int property, int action) {
    int kind = judgedKind[property];
    return kind >= 0 && kind == kinds[action];
  }

  /** {@link #checkTransition1}: the property does not judge the step. */
  public static final int NOT_APPLICABLE = -1;
  /** {@link #checkTransition1}: the property is violated on the step. */
  public static final int VIOLATED = 0;
  /** {@link #checkTransition1}: the property holds on the step. */
  public static final int HOLDS = 1;

  /**
   * {@link #checkTransition} on a one-word state, without arrays or enums, for the
   * search's loop: {@link #HOLDS}, {@link #VIOLATED} or {@link #NOT_APPLICABLE} (no action
   * property looks at the target state). Needs {@link #hasOneWordSuccessors()}.
   */
  public int checkTransition1(int property, long from, int action) {
    if (!judges(property, action)) {
      return NOT_APPLICABLE;
    }
    if (compiled[property] < 0) {
      return verdictCode(machine.judge(property, new long[] {from}, action));
    }
    return kernel.judge1(compiled[property], indices[action], from);
  }

  /**
   * {@link #checkTransition1} for a state of any width: {@link #HOLDS}, {@link #VIOLATED}
   * or {@link #NOT_APPLICABLE}, without arrays or enums (no action property looks at the
   * target state).
   */
  public int checkTransitionN(int property, long[] from, int action) {
    if (!judges(property, action)) {
      return NOT_APPLICABLE;
    }
    if (compiled[property] < 0) {
      return verdictCode(machine.judge(property, from, action));
    }
    return kernel.judgeN(compiled[property], indices[action], from);
  }

  private static int verdictCode(TransitionVerdict v) {
    return v == TransitionVerdict.NOT_APPLICABLE ? NOT_APPLICABLE
        : v == TransitionVerdict.HOLDS ? HOLDS : VIOLATED;
  }

  @Override
  public TransitionVerdict checkTransition(int property, long[] from, int action, long[] to) {
    if (!judges(property, action)) {
      return TransitionVerdict.NOT_APPLICABLE;
    }
    if (compiled[property] < 0) {
      return machine.judge(property, from, action);
    }
    int v = oneWord ? kernel.judge1(compiled[property], indices[action], from[0])
        : kernel.judgeN(compiled[property], indices[action], from);
    return v == NOT_APPLICABLE ? TransitionVerdict.NOT_APPLICABLE
        : v == HOLDS ? TransitionVerdict.HOLDS : TransitionVerdict.VIOLATED;
  }

  /**
   * {@link #checkTransition} judged by the rule interpreter with argmin ties broken by
   * {@code ties}, which notes the ties met: for a symmetric search, the verdict of the
   * step renamed by the renaming whose ranks {@code ties} holds (see {@link TieBreaks}).
   */
  public TransitionVerdict checkTransitionBreakingTies(int property, long[] from, int action,
      TieBreaks ties) {
    if (!judges(property, action)) {
      return TransitionVerdict.NOT_APPLICABLE;
    }
    return machine.judge(property, from, action, ties);
  }

  /** The kernel functions {@code action} runs from {@code state}, with concrete values. */
  @Override
  public List<String> callChain(long[] state, int action) {
    List<String> calls = new ArrayList<>();
    machine.fire(action, state.clone(), calls);
    return calls;
  }

  /** The variables that differ between two packed states. */
  @Override
  public List<VariableChange> changes(long[] before, long[] after) {
    return machine.changes(before, after);
  }

  /** Every variable of a packed state. */
  @Override
  public List<StateVariable> variables(long[] state) {
    return machine.variables(state);
  }
}
