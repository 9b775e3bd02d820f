package org.hotplugchecker.model.kernel;

import org.hotplugchecker.model.state.HotplugState;
import org.hotplugchecker.model.state.StateLayout;

/**
 * An action's enabling condition compiled to bit masks over the packed state: every
 * guard in {@code MODEL.md} is a conjunction of single-bit tests ("present and not
 * online", "not oopsed"), plus, for {@code cpu_down}, "some other CPU online". Built by
 * {@link HotplugKernel#guard}, which states it next to {@link HotplugKernel#enabled};
 * the two must agree on every state (a property test checks it).
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

  /**
   * This guard as three masks over a one-word state, {@code {care, want, anyOf}}: it
   * admits {@code s} iff {@code (s & care) == want && (anyOf == 0 || (s & anyOf) != 0)}.
   * A guard that can never hold gets {@code want} outside {@code care}.
   */
  long[] oneWordMasks() {
    boolean impossible = never || (hasAny && any0 == 0); // e.g. cpu_down of the only CPU
    return impossible ? new long[] {0, 1, 0} : new long[] {care0, want0, hasAny ? any0 : 0};
  }

  /** Collects the bit tests of one guard, named like the {@link HotplugState} accessors. */
  static final class Builder {
    private final StateLayout layout;
    private final long[] care;
    private final long[] want;
    private long[] anyOf;
    private boolean never;

    Builder(StateLayout layout) {
      this.layout = layout;
      this.care = new long[layout.words()];
      this.want = new long[layout.words()];
      require(bitOf(s -> s.setOops(true)), false);
    }

    /** The packed bit a setter sets on an all-zero state. */
    private long[] bitOf(java.util.function.Consumer<HotplugState> setter) {
      long[] bits = new long[layout.words()];
      setter.accept(new HotplugState(layout, bits));
      return bits;
    }

    private Builder require(long[] bit, boolean value) {
      for (int w = 0; w < bit.length; w++) {
        care[w] |= bit[w];
        if (value) {
          want[w] |= bit[w];
        }
      }
      return this;
    }

    Builder memPresent(int b, boolean v) {
      return require(bitOf(s -> s.setMemPresent(b, true)), v);
    }

    Builder memOnline(int b, boolean v) {
      return require(bitOf(s -> s.setMemOnline(b, true)), v);
    }

    Builder cpuPresent(int c, boolean v) {
      return require(bitOf(s -> s.setCpuPresent(c, true)), v);
    }

    Builder cpuOnline(int c, boolean v) {
      return require(bitOf(s -> s.setCpuOnline(c, true)), v);
    }

    /** At least one CPU other than {@code c} is online. */
    Builder anotherCpuOnline(int c) {
      anyOf = new long[layout.words()];
      for (int other = 0; other < layout.cpus(); other++) {
        if (other != c) {
          int o = other;
          long[] bit = bitOf(s -> s.setCpuOnline(o, true));
          for (int w = 0; w < bit.length; w++) {
            anyOf[w] |= bit[w];
          }
        }
      }
      return this;
    }

    /** The action can never be enabled (e.g. hot-plugging a fixed component). */
    Builder never() {
      never = true;
      return this;
    }

    ActionGuard build() {
      return new ActionGuard(care, want, anyOf, never);
    }
  }
}
