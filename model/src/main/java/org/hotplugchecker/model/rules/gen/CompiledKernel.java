package org.hotplugchecker.model.rules.gen;

/**
 * A rule set compiled to Java for one topology: guards, effects and built-in properties on
 * packed states, for the search's hot loop. The build generates the implementation from the
 * rule table ({@link KernelGenerator}); nothing here is written by hand.
 *
 * <p>{@code kind} is an action's position in {@code RuleSet.actions()}, {@code property} a
 * property's position in {@code RuleSet.properties()}. Methods ending in {@code 1} take a
 * state packed into one {@code long} (only for layouts of one word with a spare bit); those
 * ending in {@code N} take any {@code long[]}. Implementations are immutable and
 * thread-safe.
 */
public interface CompiledKernel {
  /** Whether action {@code kind} on CPU/block {@code index} is enabled in {@code s}. */
  boolean guard1(int kind, int index, long s);

  /** The successor of {@code s} under that action, which must be enabled. */
  long fire1(int kind, int index, long s);

  /** Whether invariant {@code property} holds in {@code s}. */
  boolean invariant1(int property, long s);

  /**
   * Action property {@code property} on a step of its action on CPU/block {@code index}
   * from {@code s}: -1 not judged, 0 violated, 1 holds.
   */
  int judge1(int property, int index, long s);

  /**
   * The invariants among {@code active} (a bit set over property positions) that {@code s}
   * violates, as such a bit set.
   */
  long violations1(long s, long active);

  /**
   * The successors of {@code s} under the action ids in {@code enabled} (enabled ones, ids
   * as given to the constructor, at most 64 of them, numbered kind by kind), written to
   * {@code out} in id order; returns their number.
   */
  int fireAll1(long s, long enabled, long[] out);

  /**
   * Whether {@link #fireAll1} may be used: at most 64 action ids, numbered kind by kind
   * (as the rule set orders its actions).
   */
  boolean firesByKind();

  /** The boot state ({@code RuleSet.boot()} run on the state with everything false / -1). */
  long[] boot();

  /** {@link #guard1} on a state of any width. */
  boolean guardN(int kind, int index, long[] s);

  /** Runs the action, which must be enabled, on {@code s} in place. */
  void fireN(int kind, int index, long[] s);

  /** {@link #invariant1} on a state of any width. */
  boolean invariantN(int property, long[] s);

  /** {@link #judge1} on a state of any width. */
  int judgeN(int property, int index, long[] s);

  /** {@link #violations1} on a state of any width. */
  long violationsN(long[] s, long active);
}
