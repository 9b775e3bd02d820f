package org.hotplugchecker.model.rules.gen;

import org.hotplugchecker.model.rules.eval.PackedLayout;

/**
 * What generated kernels share: range checks and layout lookups. Holds no kernel
 * behaviour.
 */
public abstract class KernelSupport {
  /** The action ids of each kind, when ids are kind-major and at most 64; else null. */
  protected final long[] ofKind;
  /** Per action id: its CPU or block. */
  protected final int[] actionIndex;

  /**
   * @param kinds per action id, its kind (position in the rule set's actions)
   * @param indices per action id, its CPU or block
   * @param kindCount how many kinds the rule set has
   */
  protected KernelSupport(int[] kinds, int[] indices, int kindCount) {
    this.actionIndex = indices.clone();
    this.ofKind = kindSets(kinds, kindCount);
  }

  private static long[] kindSets(int[] kinds, int kindCount) {
    if (kinds.length > 64) {
      return null;
    }
    long[] sets = new long[kindCount];
    for (int a = 0; a < kinds.length; a++) {
      if (a > 0 && kinds[a] < kinds[a - 1]) {
        return null; // not kind-major: a loop per kind would change the order
      }
      sets[kinds[a]] |= 1L << a;
    }
    return sets;
  }

  /** Whether {@link CompiledKernel#fireAll1} may be used. */
  public boolean firesByKind() {
    return ofKind != null;
  }

  /** Throws unless {@code 0 <= i < size}: the rules must never write outside an array. */
  protected static void check(int i, int size, String slot) {
    if (i < 0 || i >= size) {
      throw new IllegalStateException("the rules wrote " + slot + "[" + i + "], outside 0.."
          + (size - 1));
    }
  }

  /** {@code a mod b} for {@code a >= 0, b > 0}, else -1 (as the interpreter). */
  protected static int mod(int a, int b) {
    return a >= 0 && b > 0 ? a % b : -1;
  }

  /**
   * The shift of slot {@code s}'s first element in a one-word layout, after checking that its
   * elements are consecutive fields of equal width (generated one-word code relies on it).
   * 0 for a multi-word layout, whose one-word methods must not be called.
   */
  protected static int oneWordBase(PackedLayout layout, int s) {
    if (layout.words() != 1 || layout.size(s) == 0) {
      return 0;
    }
    int first = layout.field(s, 0);
    for (int i = 0; i < layout.size(s); i++) {
      int f = layout.field(s, i);
      if (layout.word(f) != 0
          || layout.shift(f) != layout.shift(first) + i * layout.width(first)) {
        throw new IllegalStateException("one-word layout of slot " + s + " is not consecutive");
      }
    }
    return layout.shift(first);
  }

  /** Per element of slot {@code s}: its word. */
  protected static int[] words(PackedLayout layout, int s) {
    int[] w = new int[layout.size(s)];
    for (int i = 0; i < w.length; i++) {
      w[i] = layout.word(layout.field(s, i));
    }
    return w;
  }

  /** Per element of slot {@code s}: its shift. */
  protected static int[] shifts(PackedLayout layout, int s) {
    int[] sh = new int[layout.size(s)];
    for (int i = 0; i < sh.length; i++) {
      sh[i] = layout.shift(layout.field(s, i));
    }
    return sh;
  }
}
