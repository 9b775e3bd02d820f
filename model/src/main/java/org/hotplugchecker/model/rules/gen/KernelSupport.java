package org.hotplugchecker.model.rules.gen;

import org.hotplugchecker.model.rules.eval.PackedLayout;

/**
 * What generated kernels share: range checks, layout lookups and the bit-vector helpers of
 * the optimised code. Holds no kernel behaviour.
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

  /**
   * The largest domain the bit-vector code handles: a domain's elements are bits of one
   * {@code long}, and a flag vector shifted up by one (to be indexed by a stored node, which
   * is the node plus one) must still fit.
   */
  protected static final int MAX_VECTOR = 62;

  /** Throws unless a domain of {@code n} elements fits the bit-vector code. */
  protected static int vectorSize(int n, String domain) {
    if (n < 0 || n > MAX_VECTOR) {
      throw new IllegalArgumentException("the compiled kernel handles at most " + MAX_VECTOR
          + " " + domain + ", got " + n);
    }
    return n;
  }

  /** The bits of a domain of {@code n} elements. */
  protected static long domainMask(int n) {
    return n >= 64 ? -1L : (1L << n) - 1;
  }

  /** The word of slot {@code s}'s first element (0 for an empty slot). */
  protected static int vectorWord(PackedLayout layout, int s) {
    return layout.size(s) == 0 ? 0 : layout.word(layout.field(s, 0));
  }

  /** The shift of slot {@code s}'s first element, after checking its bits are consecutive. */
  protected static int vectorShift(PackedLayout layout, int s) {
    if (layout.size(s) == 0) {
      return 0;
    }
    int first = layout.field(s, 0);
    long start = 64L * layout.word(first) + layout.shift(first);
    for (int i = 0; i < layout.size(s); i++) {
      int f = layout.field(s, i);
      if (layout.width(f) != 1 || 64L * layout.word(f) + layout.shift(f) != start + i) {
        throw new IllegalStateException("the flags of slot " + s + " are not consecutive bits");
      }
    }
    return layout.shift(first);
  }

  /** Whether slot {@code s}'s bits go on into the next word. */
  protected static boolean vectorStraddles(PackedLayout layout, int s) {
    return layout.size(s) > 0 && layout.shift(layout.field(s, 0)) + layout.size(s) > 64;
  }

  /** The smallest of {@code values} and {@code -1} (what an index outside reads). */
  protected static int low(int[] values) {
    int lo = -1;
    for (int v : values) {
      lo = Math.min(lo, v);
    }
    return lo;
  }

  /** The largest of {@code values} and {@code -1}. */
  protected static int high(int[] values) {
    int hi = -1;
    for (int v : values) {
      hi = Math.max(hi, v);
    }
    return hi;
  }

  /** Sets the flags of a slot at {@code words}/{@code shifts} in {@code s} to {@code bits}. */
  protected static void putVector(long[] s, int[] words, int[] shifts, long bits) {
    for (int i = 0; i < words.length; i++) {
      long b = 1L << shifts[i];
      s[words[i]] = ((bits >>> i) & 1) != 0 ? s[words[i]] | b : s[words[i]] & ~b;
    }
  }

  /** The largest table {@link #select} keeps: indexed by a vector of this many bits. */
  protected static final int SELECT_TABLE_BITS = 10;

  /**
   * Per vector {@code x} of a domain's elements (when the domain has at most
   * {@link #SELECT_TABLE_BITS}), {@link #select}'s result; else null.
   */
  protected static long[] selectTable(long[] map) {
    if (map.length > SELECT_TABLE_BITS) {
      return null;
    }
    long[] t = new long[1 << map.length];
    for (int x = 1; x < t.length; x++) {
      t[x] = t[x & (x - 1)] | map[Integer.numberOfTrailingZeros(x)];
    }
    return t;
  }

  /**
   * The union of {@code map[n]} over the elements {@code n} set in {@code vec}: the elements
   * whose index into a flag array picks a set flag, from a table when it has one.
   */
  protected static long select(long vec, long[] map, long[] table) {
    if (table != null) {
      return table[(int) vec];
    }
    long r = 0;
    for (long x = vec; x != 0; x &= x - 1) {
      r |= map[Long.numberOfTrailingZeros(x)];
    }
    return r;
  }

  /** The entries a table indexed by state bits may have at most (a few pages). */
  protected static final int MAX_TABLE = 4096;
}
