package org.hotplugchecker.model.ts;

import java.util.List;

/**
 * A finite transition system as an engine sees it: packed states, labelled action
 * instances, state invariants and transition properties. Engines know nothing of
 * what the bits mean; models know nothing of how states are stored or searched.
 *
 * <p>States are arrays of {@link #stateWords()} {@code long}s. Implementations must be
 * thread-safe for concurrent calls with distinct output arrays (they hold no mutable
 * per-call state), because parallel engines call them from several threads.
 */
public interface TransitionSystem {

  /** Number of {@code long} words in a packed state. */
  int stateWords();

  /** Number of significant bits in a packed state (at most {@code 64 * stateWords()}). */
  int stateBits();

  /** The initial states, in a fixed order. */
  List<long[]> initialStates();

  /** Number of action instances; actions are identified by {@code 0..actionCount()-1}. */
  int actionCount();

  /** A short label of an action instance, e.g. {@code remove_memory(1)}. */
  String actionLabel(int action);

  /**
   * Applies {@code action} to {@code state}.
   *
   * @param out receives the successor (may be overwritten even when the action is disabled)
   * @return whether the action is enabled in {@code state}
   */
  boolean successor(long[] state, int action, long[] out);

  /** The properties checked by engines, in reporting order. */
  List<PropertySpec> properties();

  /**
   * Whether state invariant {@code property} (an index into {@link #properties()} whose
   * kind is {@link PropertySpec.Kind#INVARIANT}) holds in {@code state}.
   */
  boolean invariantHolds(int property, long[] state);

  /**
   * Evaluates transition property {@code property} on the transition
   * {@code from --action--> to}.
   */
  TransitionVerdict checkTransition(int property, long[] from, int action, long[] to);

  /**
   * What {@code action} does from {@code state}, as the system's own call chain (for a
   * kernel model: the functions that ran, with concrete arguments). Only called for
   * traces, never in the search loop.
   */
  default List<String> callChain(long[] state, int action) {
    return List.of(actionLabel(action));
  }

  /** The named variables that differ between two states, for traces. */
  default List<VariableChange> changes(long[] before, long[] after) {
    return List.of();
  }

  /** Every named variable of a state, for traces and state dumps. */
  default List<StateVariable> variables(long[] state) {
    return List.of();
  }
}
