package org.hotplugchecker.model.bits;

/**
 * Bit tricks for the hot loops that walk bit sets (enabled actions, candidate nodes).
 *
 * <p>Why not {@link Long#numberOfTrailingZeros}: a one-shot check runs C1-compiled code
 * (the launcher's choice, docs/benchmarks.md), and C1 neither intrinsifies that method nor
 * inlines it (its body is over C1's 35-bytecode inlining limit), so every set bit walked
 * costs a call through a dozen branches: 5 % of a 3x2x2 check's samples. A de Bruijn
 * multiplication is a few bytecodes, which C1 inlines; C2 code is no worse off.
 */
public final class Bits {
  // A de Bruijn sequence: the top 6 bits of DE_BRUIJN << i are distinct for i = 0..63.
  private static final long DE_BRUIJN = 0x03f79d71b4ca8b09L;
  private static final byte[] INDEX = index();

  private Bits() {}

  private static byte[] index() {
    byte[] t = new byte[64];
    for (int i = 0; i < 64; i++) {
      t[(int) ((DE_BRUIJN << i) >>> 58)] = (byte) i;
    }
    return t;
  }

  /**
   * The index of the lowest set bit of {@code set}, which must not be 0 (where
   * {@link Long#numberOfTrailingZeros} would say 64, this says 0).
   */
  public static int lowest(long set) {
    return INDEX[(int) (((set & -set) * DE_BRUIJN) >>> 58)];
  }
}
