package org.hotplugchecker.checker.explicit;

/** 64-bit hashes of packed states (a splitmix/murmur-style finaliser over the words). */
final class StateHash {
  private StateHash() {}

  /** A well-mixed hash of {@code words} longs at {@code offset}, seeded by {@code seed}. */
  static long of(long[] s, int offset, int words, long seed) {
    long h = seed;
    for (int i = 0; i < words; i++) {
      h = mix(h ^ s[offset + i]);
    }
    return h;
  }

  /** The murmur3 64-bit finaliser plus an odd-constant step, so that zero input mixes. */
  static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return (z ^ (z >>> 33)) + 0x9E3779B97F4A7C15L;
  }

  /** Maps a hash to {@code [0, n)} by its high 32 bits (Lemire's multiply-shift). */
  static int reduce(long hash, int n) {
    return (int) (((hash >>> 32) * n) >>> 32);
  }
}
