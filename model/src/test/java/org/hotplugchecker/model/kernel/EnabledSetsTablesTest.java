package org.hotplugchecker.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.hotplugchecker.model.rules.eval.GuardMasks;

/**
 * The transposed guard tables ({@link EnabledSets}, {@link WideEnabledSets}) give, for any
 * state, exactly the actions whose guard admits it ({@link ActionGuard#admits}), on random
 * guards of one to three words: sparse and dense tests, wanted bits outside the tested
 * ones (never enabled), "some bit set" clauses, empty ones and guards that never hold.
 */
class EnabledSetsTablesTest {

  @Property(tries = 300)
  void tablesAgreeWithTheGuards(@ForAll @IntRange(min = 1, max = 3) int words,
      @ForAll @IntRange(min = 1, max = 130) int actions, @ForAll long seed) {
    Random rnd = new Random(seed);
    List<GuardMasks.Masks> masks = new ArrayList<>();
    for (int a = 0; a < actions; a++) {
      masks.add(randomMasks(rnd, words));
    }
    ActionGuard[] guards = masks.stream().map(ActionGuard::of).toArray(ActionGuard[]::new);
    WideEnabledSets wide = new WideEnabledSets(masks, words);
    EnabledSets narrow = words == 1 && actions <= 64 ? new EnabledSets(guards) : null;
    long[] out = new long[wide.setWords()];
    for (int k = 0; k < 200; k++) {
      long[] s = randomState(rnd, masks, words);
      wide.enabledSet(s, out);
      long[] expected = new long[wide.setWords()];
      for (int a = 0; a < actions; a++) {
        if (guards[a].admits(s)) {
          expected[a >>> 6] |= 1L << a;
        }
      }
      for (int j = 0; j < expected.length; j++) {
        assertEquals(expected[j], out[j], "wide set word " + j);
      }
      if (narrow != null) {
        assertEquals(expected[0], narrow.enabledSet(s[0]), "one-word set");
      }
    }
  }

  private static GuardMasks.Masks randomMasks(Random rnd, int words) {
    long[] care = new long[words];
    long[] want = new long[words];
    long[] any = rnd.nextInt(4) == 0 ? new long[words] : null;
    for (int w = 0; w < words; w++) {
      // sparse (a few bits, as the rules' guards are) or dense tests
      care[w] = rnd.nextBoolean() ? sparse(rnd) : rnd.nextLong();
      want[w] = rnd.nextLong() & care[w];
      if (rnd.nextInt(20) == 0) {
        want[w] |= sparse(rnd) & ~care[w]; // wants an untested bit: never holds
      }
      if (any != null && rnd.nextInt(3) > 0) {
        any[w] = sparse(rnd);
      }
    }
    return new GuardMasks.Masks(care, want, any, rnd.nextInt(30) == 0);
  }

  private static long sparse(Random rnd) {
    long m = 0;
    for (int i = rnd.nextInt(5); i > 0; i--) {
      m |= 1L << rnd.nextInt(64);
    }
    return m;
  }

  /** A random state, often one that some guard's tests are made to pass. */
  private static long[] randomState(Random rnd, List<GuardMasks.Masks> masks, int words) {
    long[] s = new long[words];
    GuardMasks.Masks m = masks.get(rnd.nextInt(masks.size()));
    for (int w = 0; w < words; w++) {
      s[w] = rnd.nextLong();
      if (rnd.nextBoolean()) {
        s[w] = (s[w] & ~m.care()[w]) | (m.want()[w] & m.care()[w]);
      }
    }
    return s;
  }
}
