package org.hotplugchecker.model;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.kernel.ActionGuard;
import org.hotplugchecker.model.kernel.ActionKind;
import org.hotplugchecker.model.kernel.BootState;
import org.hotplugchecker.model.kernel.CallChain;
import org.hotplugchecker.model.kernel.HotplugKernel;
import org.hotplugchecker.model.kernel.KernelAction;
import org.hotplugchecker.model.kernel.OneWordKernel;
import org.hotplugchecker.model.kernel.RecordingCallChain;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.property.OneWordInvariants;
import org.hotplugchecker.model.state.HotplugState;
import org.hotplugchecker.model.state.StateLayout;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.state.StateVariables;
import org.hotplugchecker.model.ts.VariableChange;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * The hotplug model of one topology as a {@link TransitionSystem}: the boot state,
 * one action instance per (kind, CPU or block) that can ever be enabled, and the
 * selected properties. Also explains states and steps in kernel terms for traces.
 */
public final class HotplugModel implements TransitionSystem {
  /**
   * The revision of the model's behaviour. Bump it whenever a change can alter any
   * topology's state count, transition count, verdict or counterexample length: results
   * stored by an earlier revision (sweep results files) are then no longer reused.
   * {@code ModelRevisionTest} fails when behaviour changes without a bump.
   */
  public static final String REVISION = "1";

  private final Topology topology;
  private final StateLayout layout;
  private final HotplugKernel kernel;
  private final List<KernelAction> actions;
  private final KernelAction[] actionArray; // the hot loop indexes a plain array
  private final ActionKind[] actionKinds; // likewise, per action id
  private final int[] actionIndexes;
  private final ActionGuard[] guards;
  private final OneWordKernel oneWord; // null unless states fit one word with a spare bit
  private final OneWordInvariants oneWordInvariants; // likewise
  private final HotplugProperty[] propertyArray;
  private final List<HotplugProperty> properties;
  private final List<PropertySpec> propertySpecs;
  private final List<long[]> initialStates;

  /** The model of {@code topology} checking every property. */
  public HotplugModel(Topology topology) {
    this(topology, List.of(HotplugProperty.values()));
  }

  /** The model of {@code topology} checking {@code properties}, in that order. */
  public HotplugModel(Topology topology, List<HotplugProperty> properties) {
    this.topology = topology;
    this.layout = new StateLayout(topology);
    this.kernel = new HotplugKernel(topology);
    this.actions = List.copyOf(enumerateActions(topology));
    this.properties = List.copyOf(properties);
    this.actionArray = this.actions.toArray(new KernelAction[0]);
    this.actionKinds = actions.stream().map(KernelAction::kind).toArray(ActionKind[]::new);
    this.actionIndexes = actions.stream().mapToInt(KernelAction::index).toArray();
    this.guards = this.actions.stream()
        .map(a -> kernel.guard(a.kind(), a.index(), layout)).toArray(ActionGuard[]::new);
    this.propertyArray = this.properties.toArray(new HotplugProperty[0]);
    this.oneWord = layout.words() == 1 && layout.bits() < 64
        ? new OneWordKernel(topology, layout,
            actions.stream().map(KernelAction::kind).toArray(ActionKind[]::new),
            actions.stream().mapToInt(KernelAction::index).toArray(), guards)
        : null;
    this.oneWordInvariants = oneWord == null ? null : new OneWordInvariants(topology, layout);
    this.propertySpecs = this.properties.stream().map(HotplugProperty::spec).toList();
    this.initialStates = List.of(BootState.of(topology, layout).words());
  }

  private HotplugModel(HotplugModel model, List<long[]> initialStates) {
    this.topology = model.topology;
    this.layout = model.layout;
    this.kernel = model.kernel;
    this.actions = model.actions;
    this.actionArray = model.actionArray;
    this.actionKinds = model.actionKinds;
    this.actionIndexes = model.actionIndexes;
    this.guards = model.guards;
    this.oneWord = model.oneWord;
    this.oneWordInvariants = model.oneWordInvariants;
    this.propertyArray = model.propertyArray;
    this.properties = model.properties;
    this.propertySpecs = model.propertySpecs;
    this.initialStates = initialStates;
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
      if (s.length != layout.words()) {
        throw new IllegalArgumentException("initial state has " + s.length
            + " words, the layout " + layout.words());
      }
      copies.add(s.clone());
    }
    return new HotplugModel(this, List.copyOf(copies));
  }

  /**
   * Action instances in a fixed order: kind-major (the order of {@link ActionKind}),
   * then by CPU/block index. Instances that can never be enabled (hot-plugging a
   * non-hotplug component, a fault that is off) are left out; they would count zero.
   */
  private static List<KernelAction> enumerateActions(Topology t) {
    List<KernelAction> list = new ArrayList<>();
    for (ActionKind kind : ActionKind.values()) {
      if (kind == ActionKind.ADD_MEMORY_FAILS && !t.hasFault(Fault.ADD_MEMORY_FAILS)) {
        continue;
      }
      boolean needsHotplug = kind != ActionKind.CPU_UP && kind != ActionKind.CPU_DOWN
          && kind != ActionKind.ALLOC_FOR_CPU;
      var components = kind.target() == ActionKind.Target.CPU ? t.cpus() : t.memory();
      for (int i = 0; i < components.size(); i++) {
        if (!needsHotplug || components.get(i).hotplug()) {
          list.add(new KernelAction(kind, i));
        }
      }
    }
    return list;
  }

  public Topology topology() {
    return topology;
  }

  /** The rule table this model runs ({@code MODEL.md} as data). */
  public org.hotplugchecker.model.rules.RuleSet rules() {
    return org.hotplugchecker.model.rules.HotplugRules.RULES;
  }

  /** The checked properties as the rule table defines them, in {@link #properties()} order. */
  public List<org.hotplugchecker.model.rules.PropertyRule> propertyRules() {
    return properties.stream().map(HotplugProperty::rule).toList();
  }

  /**
   * The rule table interpreted on this model's topology, with the same action instances
   * (in the same order) and properties: the reference semantics the fast paths are tested
   * against, and what symbolic engines and exports read.
   */
  public org.hotplugchecker.model.rules.eval.RuleMachine machine() {
    return new org.hotplugchecker.model.rules.eval.RuleMachine(rules(), topology,
        propertyRules());
  }

  public StateLayout layout() {
    return layout;
  }

  public HotplugKernel kernel() {
    return kernel;
  }

  /** The action instance with engine id {@code action}. */
  public KernelAction action(int action) {
    return actions.get(action);
  }

  /** All action instances, indexed by engine id. */
  public List<KernelAction> actions() {
    return actions;
  }

  /** The checked properties, in reporting order. */
  public List<HotplugProperty> hotplugProperties() {
    return properties;
  }

  /** A view of packed {@code state} (no copy). */
  public HotplugState view(long[] state) {
    return new HotplugState(layout, state);
  }

  @Override
  public int stateWords() {
    return layout.words();
  }

  @Override
  public int stateBits() {
    return layout.bits();
  }

  @Override
  public List<long[]> initialStates() {
    // Fresh arrays, as before startingFrom existed: a caller that writes into one must not
    // change where later explorations of this model start.
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

  @Override
  public boolean successor(long[] state, int action, long[] out) {
    if (!guards[action].admits(state)) { // kernel.enabled, as bit masks
      return false;
    }
    KernelAction a = actionArray[action];
    System.arraycopy(state, 0, out, 0, state.length);
    kernel.fire(a.kind(), a.index(), new HotplugState(layout, out), CallChain.NONE);
    return true;
  }

  /**
   * Returned by {@link #successor1} for a disabled action. No state has all bits set:
   * the fast path exists only when a state leaves the word's top bit unused.
   */
  public static final long DISABLED = -1L;

  /**
   * Whether {@link #successor1} may be used: the state fits one {@code long} with at
   * least one bit to spare.
   */
  public boolean hasOneWordSuccessors() {
    return oneWord != null;
  }

  /**
   * {@link #successor} for one-word states, without arrays or views: the successor of
   * {@code state} under {@code action}, or {@link #DISABLED}. The search calls this for
   * every action of every state, so it is kept to mask operations.
   *
   * @throws NullPointerException if {@link #hasOneWordSuccessors()} is false
   */
  public long successor1(long state, int action) {
    return oneWord.successor(state, action, DISABLED);
  }

  /**
   * The actions enabled in one-word {@code state}, written to {@code out} (at least
   * {@link #actionCount()} long) in id order; returns their number. With {@link
   * #fire1} it gives what {@link #successor1} gives, with fewer branches.
   */
  public int enabled1(long state, int[] out) {
    return oneWord.enabled(state, out);
  }

  /**
   * The actions enabled in one-word {@code state} as a bit set (bit {@code a} for action
   * id {@code a}); needs {@link #hasEnabledSets1()}.
   */
  public long enabledSet1(long state) {
    return oneWord.enabledSet(state);
  }

  /**
   * Whether {@link #enabledSet1} and {@link #fireAll1} may be used: one-word states and at
   * most 64 actions.
   */
  public boolean hasEnabledSets1() {
    return oneWord != null && oneWord.hasEnabledSets() && oneWord.firesByKind();
  }

  /**
   * The successors of one-word {@code state} under the actions in {@code enabled} (enabled
   * ones, as from {@link #enabledSet1}), written to {@code out} in action id order; returns
   * their number. Needs {@link #hasEnabledSets1()}.
   */
  public int fireAll1(long state, long enabled, long[] out) {
    return oneWord.fireAll(state, enabled, out);
  }

  /** The successor of one-word {@code state} under {@code action}, which must be enabled. */
  public long fire1(long state, int action) {
    return oneWord.fire(state, action);
  }

  @Override
  public List<PropertySpec> properties() {
    return propertySpecs;
  }

  @Override
  public boolean invariantHolds(int property, long[] state) {
    if (oneWordInvariants != null) {
      return oneWordInvariants.holds(propertyArray[property], state[0]);
    }
    return propertyArray[property].invariantHolds(new HotplugState(layout, state), kernel);
  }

  /**
   * The invariants (by index in {@link #properties()}) that one-word {@code state}
   * violates, as a bit set: {@link #invariantHolds} for all of them at once, for the
   * search's per-state check. Needs {@link #hasOneWordSuccessors()}.
   */
  public long invariantViolations1(long state) {
    int byOrdinal = oneWordInvariants.violations(state);
    if (byOrdinal == 0) {
      return 0; // the common case: nothing to translate
    }
    long set = 0;
    for (int p = 0; p < propertyArray.length; p++) {
      if (propertyArray[p].spec().kind() == PropertySpec.Kind.INVARIANT
          && (byOrdinal & (1 << propertyArray[p].ordinal())) != 0) {
        set |= 1L << p;
      }
    }
    return set;
  }

  /**
   * Whether {@link #checkTransition} can give action property {@code property} anything
   * but {@code NOT_APPLICABLE} on a step of {@code action}: {@code alloc_local} only
   * judges {@code alloc_for_cpu}. The search skips the other pairs without a call.
   */
  public boolean judges(int property, int action) {
    return propertyArray[property] == HotplugProperty.ALLOC_LOCAL
        && actionArray[action].kind() == ActionKind.ALLOC_FOR_CPU;
  }

  /**
   * {@link #checkTransition} on a one-word state, without arrays or enums, for the
   * search's loop: {@link OneWordKernel#HOLDS}, {@link OneWordKernel#VIOLATED} or {@link
   * OneWordKernel#NOT_APPLICABLE} (no action property looks at the target state). Needs
   * {@link #hasOneWordSuccessors()}.
   */
  public int checkTransition1(int property, long from, int action) {
    if (propertyArray[property] != HotplugProperty.ALLOC_LOCAL
        || actionKinds[action] != ActionKind.ALLOC_FOR_CPU) {
      return OneWordKernel.NOT_APPLICABLE;
    }
    return oneWord.allocLocal(from, actionIndexes[action]);
  }

  @Override
  public TransitionVerdict checkTransition(int property, long[] from, int action, long[] to) {
    if (propertyArray[property] != HotplugProperty.ALLOC_LOCAL) {
      return TransitionVerdict.NOT_APPLICABLE;
    }
    KernelAction a = actionArray[action];
    if (a.kind() != ActionKind.ALLOC_FOR_CPU) {
      return TransitionVerdict.NOT_APPLICABLE;
    }
    if (oneWord != null) {
      int local = checkTransition1(property, from[0], action);
      return local == OneWordKernel.NOT_APPLICABLE ? TransitionVerdict.NOT_APPLICABLE
          : local == OneWordKernel.HOLDS ? TransitionVerdict.HOLDS : TransitionVerdict.VIOLATED;
    }
    Boolean local = HotplugProperty.allocLocal(new HotplugState(layout, from), a.index(), kernel);
    if (local == null) {
      return TransitionVerdict.NOT_APPLICABLE;
    }
    return local ? TransitionVerdict.HOLDS : TransitionVerdict.VIOLATED;
  }

  /** The kernel functions {@code action} runs from {@code state}, with concrete values. */
  @Override
  public List<String> callChain(long[] state, int action) {
    RecordingCallChain chain = new RecordingCallChain();
    long[] copy = state.clone();
    kernel.fire(actions.get(action), new HotplugState(layout, copy), chain);
    return chain.calls();
  }

  /** The variables that differ between two packed states. */
  @Override
  public List<VariableChange> changes(long[] before, long[] after) {
    return StateVariables.changes(view(before), view(after));
  }

  /** Every variable of a packed state. */
  @Override
  public List<StateVariable> variables(long[] state) {
    return StateVariables.of(view(state));
  }
}
