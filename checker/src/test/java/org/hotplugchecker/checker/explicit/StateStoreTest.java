package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The stores behave like a map from state to insertion index, through many growths. */
class StateStoreTest {

  private static long[] randomState(Random r, int words, int entropyBits) {
    long[] s = new long[words];
    for (int w = 0; w < words; w++) {
      // Few distinct values per word, so that duplicates are common.
      s[w] = r.nextInt(1 << entropyBits) * 0x9E3779B97F4A7C15L;
    }
    return s;
  }

  @Property(tries = 30)
  void exactStoreIsAMapFromStateToInsertionIndex(@ForAll @IntRange(min = 1, max = 3) int words,
      @ForAll long seed) {
    Random r = new Random(seed);
    OpenAddressingStateStore store = new OpenAddressingStateStore(words);
    Map<ReferenceBfs.Key, Integer> oracle = new HashMap<>();
    List<long[]> byIndex = new ArrayList<>();
    for (int i = 0; i < 40_000; i++) {
      long[] s = randomState(r, words, words == 1 ? 15 : 8);
      Integer known = oracle.get(new ReferenceBfs.Key(s));
      assertEquals(known != null, store.contains(s, 0));
      int got = store.addIfAbsent(s, 0);
      if (known == null) {
        assertEquals(byIndex.size(), got, "new states get consecutive indices");
        oracle.put(new ReferenceBfs.Key(s), got);
        byIndex.add(s);
      } else {
        assertEquals(-known - 1, got);
      }
    }
    assertEquals(byIndex.size(), store.size());
    long[] out = new long[words];
    for (int i = 0; i < byIndex.size(); i++) {
      store.get(i, out);
      assertArrayEquals(byIndex.get(i), out);
    }
    assertFalse(store.contains(new long[] {-1L, -1L, -1L}, 0));
  }

  @Property(tries = 30)
  void oneWordStoreIsASetOfStatesCountingInsertions(@ForAll long seed,
      @ForAll @IntRange(min = 4, max = 16) int entropyBits) {
    Random r = new Random(seed);
    OneWordStateStore store = new OneWordStateStore();
    java.util.Set<Long> oracle = new java.util.HashSet<>();
    // The state whose key is the empty-slot marker must be storable like any other.
    long zeroKeyState = zeroKeyState();
    for (int i = 0; i < 40_000; i++) {
      long[] s = {i % 1000 == 0 ? zeroKeyState : randomState(r, 1, entropyBits)[0] ^ (i & 3)};
      boolean known = oracle.contains(s[0]);
      assertEquals(known, store.contains(s, 0));
      int got = store.addIfAbsent(s, 0);
      if (known) {
        assertTrue(got < 0);
      } else {
        assertEquals(oracle.size(), got, "new states get consecutive indices");
        oracle.add(s[0]);
      }
    }
    assertEquals(oracle.size(), store.size());
    for (long s : oracle) {
      assertTrue(store.contains(new long[] {s}, 0));
    }
    assertFalse(store.keepsStates());
  }

  /** The state with key 0: the inverse of the store's scrambling at 0. */
  private static long zeroKeyState() {
    // Invert the murmur3 finaliser step by step (xorshift-33 is its own inverse).
    long z = 0 - 0x9E3779B97F4A7C15L;
    z ^= z >>> 33;
    z *= 0x9CB4B2F8129337DBL; // inverse of 0xC4CEB9FE1A85EC53
    z ^= z >>> 33;
    z *= 0x4F74430C22A54005L; // inverse of 0xFF51AFD7ED558CCD
    z ^= z >>> 33;
    long s = z ^ 0x2545F4914F6CDD1DL;
    assertEquals(0L, OneWordStateStore.key(s));
    return s;
  }

  @Test
  void oneWordStoreStaysWithinSixteenBytesPerState() {
    OneWordStateStore store = new OneWordStateStore();
    Random r = new Random(11);
    double worst = 0;
    while (store.size() < 1_000_000) {
      store.addIfAbsent(new long[] {r.nextLong()}, 0);
      if (store.size() > 10_000 && store.size() % 1000 == 0) {
        worst = Math.max(worst, (double) store.bytesUsed() / store.size());
      }
    }
    assertTrue(worst <= 16.0, worst + " bytes per state");
  }

  @Property(tries = 20)
  void fingerprintStoreCountsDistinctStates(@ForAll @IntRange(min = 1, max = 3) int words,
      @ForAll boolean wide, @ForAll long seed) {
    Random r = new Random(seed);
    FingerprintStateStore store = new FingerprintStateStore(words, wide ? 128 : 64);
    Map<ReferenceBfs.Key, Integer> oracle = new HashMap<>();
    for (int i = 0; i < 30_000; i++) {
      long[] s = randomState(r, words, 8);
      boolean known = oracle.containsKey(new ReferenceBfs.Key(s));
      assertEquals(known, store.contains(s, 0));
      int got = store.addIfAbsent(s, 0);
      if (known) {
        assertTrue(got < 0);
      } else {
        assertEquals(oracle.size(), got);
        oracle.put(new ReferenceBfs.Key(s), got);
      }
    }
    assertEquals(oracle.size(), store.size());
    assertFalse(store.keepsStates());
  }

  @Test
  void exactStoreStaysWithinSixteenBytesPerOneWordState() {
    OpenAddressingStateStore store = new OpenAddressingStateStore(1);
    Random r = new Random(7);
    while (store.size() < 1_000_000) {
      store.addIfAbsent(new long[] {r.nextLong()}, 0);
    }
    double perState = (double) store.bytesUsed() / store.size();
    assertTrue(perState <= 16.0, perState + " bytes per state");
  }

  /** A random two-word state of {@code bits} bits with few distinct values per word. */
  private static long[] twoWordState(Random r, int bits) {
    long top = (1L << (bits - 64)) - 1;
    return new long[] {r.nextInt(256) * 0x9E3779B97F4A7C15L ^ (r.nextBoolean() ? -1L : 0),
        (r.nextInt(256) * 0xC2B2AE3D27D4EB4FL) & top};
  }

  @Property(tries = 30)
  void twoWordStoreIsASetOfStatesCountingInsertions(@ForAll @IntRange(min = 65, max = 127)
      int bits, @ForAll long seed) {
    Random r = new Random(seed);
    TwoWordStateStore store = new TwoWordStateStore(bits);
    java.util.Set<ReferenceBfs.Key> oracle = new java.util.HashSet<>();
    for (int i = 0; i < 40_000; i++) {
      long[] s = twoWordState(r, bits);
      boolean known = oracle.contains(new ReferenceBfs.Key(s));
      long h = store.hash(s, 0);
      assertEquals(known, store.contains(s, 0, h));
      int got = store.addIfAbsent(s, 0, h);
      if (known) {
        assertEquals(-1, got);
      } else {
        assertEquals(oracle.size(), got, "new states are counted in order");
        oracle.add(new ReferenceBfs.Key(s));
      }
    }
    assertEquals(oracle.size(), store.size());
    assertFalse(store.keepsStates());
    // Every bit a state may have set: the top one sits next to the slot's presence bit.
    long[] widest = {-1L, (1L << (bits - 64)) - 1};
    boolean known = oracle.contains(new ReferenceBfs.Key(widest));
    assertEquals(known, store.contains(widest, 0, store.hash(widest, 0)));
    assertEquals(known ? -1 : oracle.size(), store.addIfAbsent(widest, 0, store.hash(widest, 0)));
    assertTrue(store.contains(widest, 0, store.hash(widest, 0)));
  }

  @Property
  void twoWordStoreDividesTableLengthsByThreeExactly(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int length) {
    assertEquals(length / 3, TwoWordStateStore.thirdOf(length));
  }

  @Test
  void twoWordStoreRefusesStatesWiderThanItsLayout() {
    TwoWordStateStore store = new TwoWordStateStore(93);
    long[] s = {0, 1L << 31};
    assertThrows(IllegalArgumentException.class, () -> store.addIfAbsent(s, 0, store.hash(s, 0)));
    assertThrows(IllegalArgumentException.class, () -> new TwoWordStateStore(64));
    assertThrows(IllegalArgumentException.class, () -> new TwoWordStateStore(128));
  }

  @Property(tries = 2)
  void twoWordStoreStaysWithinTwentyFourBytesPerState(@ForAll @IntRange(min = 65, max = 127)
      int bits) {
    TwoWordStateStore store = new TwoWordStateStore(bits);
    Random r = new Random(bits);
    long top = (1L << (bits - 64)) - 1;
    double worst = 0;
    while (store.size() < 1_000_000) {
      long[] s = {r.nextLong(), r.nextLong() & top};
      store.addIfAbsent(s, 0, store.hash(s, 0));
      if (store.size() > 10_000 && store.size() % 1000 == 0) {
        worst = Math.max(worst, (double) store.bytesUsed() / store.size());
      }
    }
    assertTrue(worst <= 24.0, worst + " bytes per state");
  }

  /**
   * A store that reaches its largest table stops before the state it cannot hold, saying
   * how many it holds, and goes on answering lookups: a count is never wrapped or capped
   * silently. Shown on tables capped small; the real cap is the array limit. Kinds: 0
   * one-word, 1 two-word, 2 exact of any width, 3 64-bit and 4 128-bit fingerprints.
   */
  @Property(tries = 8)
  void aFullStoreRefusesTheNextStateAndNamesItsLimit(
      @ForAll @IntRange(min = 65, max = 127) int bits,
      @ForAll @IntRange(min = 1024, max = 5000) int maxSlots) {
    for (int kind = 0; kind <= 4; kind++) {
      fillUntilFull(kind, bits, maxSlots);
    }
  }

  private static void fillUntilFull(int kind, int bits, int maxSlots) {
    MemoryBudget budget = new MemoryBudget(0);
    int words = kind == 0 ? 1 : kind == 1 ? 2 : 1 + bits % 3;
    StateStore store = switch (kind) {
      case 0 -> new OneWordStateStore(budget, maxSlots);
      case 1 -> new TwoWordStateStore(bits, budget, maxSlots);
      case 2 -> new OpenAddressingStateStore(words, budget, maxSlots);
      default -> new FingerprintStateStore(words, kind == 3 ? 64 : 128, budget, maxSlots);
    };
    double load = kind >= 3 ? 0.75 : kind == 1 && bits > 95 ? 0.85 : 0.8;
    int limit = (int) (maxSlots * load);
    Random r = new Random(kind * 1_000_003L + bits * 31L + maxSlots);
    List<long[]> stored = new ArrayList<>();
    StoreFullException full = null;
    for (int i = 0; i < 2 * maxSlots && full == null; i++) {
      long[] s = new long[words];
      for (int w = 0; w < words; w++) {
        s[w] = i == 0 ? 0 : r.nextLong(); // the one-word store keeps key 0 apart
      }
      if (kind == 1) {
        s[1] &= (1L << (bits - 64)) - 1;
      }
      try {
        int index = store.addIfAbsent(s, 0, store.hash(s, 0));
        assertEquals(stored.size(), index, "consecutive indices up to the limit");
        stored.add(s);
      } catch (StoreFullException e) {
        full = e;
        assertFalse(store.contains(s, 0, store.hash(s, 0)), "the refused state is not kept");
      }
    }
    assertTrue(full != null, "kind " + kind + ": no stop within " + 2 * maxSlots + " states");
    assertEquals(limit, stored.size(), "kind " + kind);
    assertEquals(limit, store.size(), "kind " + kind);
    String count = String.format(java.util.Locale.ROOT, "%,d", limit);
    assertTrue(full.getMessage().contains("is full at " + count + " states")
        && full.getMessage().contains("at most " + count + " states"), full.getMessage());
    for (long[] s : stored) {
      assertTrue(store.contains(s, 0, store.hash(s, 0)));
      assertTrue(store.addIfAbsent(s, 0, store.hash(s, 0)) < 0, "a stored state is found");
    }
  }

  @Test
  void collisionEstimateIsTheBirthdayBound() {
    assertEquals(0.0, FingerprintStateStore.collisionProbability(1, 64));
    // n = 2^32 states of 64-bit fingerprints: n^2 / 2^65 = 1/2.
    assertEquals(0.5, FingerprintStateStore.collisionProbability(1L << 32, 64), 1e-6);
    assertEquals(1e6 * (1e6 - 1) / Math.pow(2, 129),
        FingerprintStateStore.collisionProbability(1_000_000, 128), 1e-40);
    assertEquals(1.0, FingerprintStateStore.collisionProbability(1L << 40, 64));
  }
}
