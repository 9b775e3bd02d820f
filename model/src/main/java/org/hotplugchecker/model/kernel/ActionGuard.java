package org.hotplugchecker.model.kernel;


/**
 * An action's enabling condition as bit masks over the packed state: a conjunction of
 * single-bit tests ("present and not online", "not oopsed"), plus at most one "some of
 * these bits set" ({@code cpu_down}: another CPU online). Derived from the rules' guard by
 * {@link org.hotplugchecker.model.rules.eval.GuardMasks}.
 */
public final class ActionGuard {
  private final long[] care;
  private final long[] want;
  private final long[] anyOf; // null: no "some bit set" clause
  private final boolean never;

  // Word 0 copied into fields: most topologies pack into one word.
  private final long care0;
  private final long want0;
  private final long any0;
  private final boolean hasAny;
  private final boolean oneWord;

  private ActionGuard(long[] care, long[] want, long[] anyOf, boolean never) {
    this.care = care;
    this.want = want;
    this.anyOf = anyOf;
    this.never = never;
    this.oneWord = care.length == 1 && !never;
    this.care0 = care[0];
    this.want0 = want[0];
    this.hasAny = anyOf != null;
    this.any0 = anyOf == null ? 0 : anyOf[0];
  }

  /** Whether the action is enabled in packed {@code state}. */
  public boolean admits(long[] state) {
    if (oneWord) {
      long s = state[0];
      return (s & care0) == want0 && (!hasAny || (s & any0) != 0);
    }
    if (never) {
      return false;
    }
    for (int w = 0; w < care.length; w++) {
      if ((state[w] & care[w]) != want[w]) {
        return false;
      }
    }
    if (anyOf == null) {
      return true;
    }
    for (int w = 0; w < anyOf.length; w++) {
      if ((state[w] & anyOf[w]) != 0) {
        return true;
      }
    }
    return false;
  }

  /** {@link #admits} for a one-word state (the layout must have one word). */
  public boolean admits(long state) {
    return !never && (state & care0) == want0 && (!hasAny || (state & any0) != 0);
  }

  /** The guard decided by {@code masks}. */
  public static ActionGuard of(org.hotplugchecker.model.rules.eval.GuardMasks.Masks masks) {
    return new ActionGuard(masks.care().clone(), masks.want().clone(),
        masks.any() == null ? null : masks.any().clone(), masks.never());
  }

  /**
   * This guard as three masks over a one-word state, {@code {care, want, anyOf}}: it
   * admits {@code s} iff {@code (s & care) == want && (anyOf == 0 || (s & anyOf) != 0)}.
   * A guard that can never hold gets {@code want} outside {@code care}.
   */
  public long[] oneWordMasks() {
    boolean impossible = never || (hasAny && any0 == 0); // e.g. cpu_down of the only CPU
    return impossible ? new long[] {0, 1, 0} : new long[] {care0, want0, hasAny ? any0 : 0};
  }
}
