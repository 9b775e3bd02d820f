package org.hotplugchecker.checker.explicit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A chunk's candidates, merged in order with later repeats dropped (what {@link Frontier}
 * does through the store), are the chunk's first occurrences in order, with their parents
 * and actions: the chunk's filter of known successors may keep repeats but never drops a
 * state that is neither stored nor a candidate already.
 */
class CandidatesTest {

  /** State number {@code v} of {@code words} words. */
  private static long[] state(int v, int words) {
    long[] s = new long[words];
    for (int w = 0; w < words; w++) {
      s[w] = (v + 1L) * (0x9E3779B97F4A7C15L + 2 * w);
    }
    return s;
  }

  /**
   * Chunks expanded against a store, as the expansions do: a successor the filter knows is
   * skipped, one found in the store is noted as stored, any other added. The filter may only
   * know states that are stored or candidates of the chunk, and the merged candidates are
   * the chunk's first occurrences of states not stored, with their parents and actions.
   */
  @Property(tries = 60)
  void mergedCandidatesAreTheChunksFirstOccurrences(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3) int words,
      @ForAll @IntRange(min = 1, max = 20_000) int pool,
      @ForAll boolean hashIdentifies, @ForAll boolean collidingHashes) {
    Random r = new Random(seed);
    Candidates c = new Candidates(1, words, 8, hashIdentifies && !collidingHashes);
    Set<List<Long>> store = new HashSet<>();
    for (int chunk = 0; chunk < 4; chunk++) {
      Map<List<Long>, int[]> expected = new LinkedHashMap<>();
      int n = 1 + r.nextInt(30_000);
      for (int i = 0; i < n; i++) {
        // From a small pool, so that repeats are common, also across chunks.
        int v = r.nextInt(pool);
        long[] s = state(v, words);
        List<Long> key = key(s, 0, words);
        // Colliding hashes: eight values, so distinct states share them; else a bijection
        // of the state's number, which identifies it.
        long hash = collidingHashes ? v & 7 : v * 0x9E3779B97F4A7C15L;
        int parent = i;
        int action = r.nextInt(8);
        boolean stored = store.contains(key);
        if (c.known(s, 0, hash)) {
          assertTrue(stored || expected.containsKey(key),
              "only stored states and the chunk's candidates are known");
        } else if (stored) {
          c.stored(s, 0, hash);
        } else {
          c.add(s, 0, hash, parent, action);
        }
        if (!stored) {
          expected.putIfAbsent(key, new int[] {parent, action});
        }
      }
      Map<List<Long>, int[]> merged = new LinkedHashMap<>();
      for (int k = 0; k < c.count; k++) {
        merged.putIfAbsent(key(c.states, k * words, words),
            new int[] {c.parents[k], c.actions[k]});
      }
      assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(merged.keySet()));
      for (Map.Entry<List<Long>, int[]> e : expected.entrySet()) {
        int[] got = merged.get(e.getKey());
        assertEquals(e.getValue()[0], got[0], "parent of the first occurrence");
        assertEquals(e.getValue()[1], got[1], "action of the first occurrence");
      }
      store.addAll(merged.keySet());
      c.clear();
    }
  }

  @Test
  void storedStatesStayKnownAndCandidatesOnlyInTheirChunk() {
    Candidates c = new Candidates(1, 2, 8, false);
    long[] stored = {1, 2};
    long[] candidate = {3, 4};
    long[] other = {5, 6};
    c.stored(stored, 0, 7);
    c.add(candidate, 0, 8, 0, 0);
    assertTrue(c.known(stored, 0, 7));
    assertTrue(c.known(candidate, 0, 8));
    assertFalse(c.known(other, 0, 7), "the same hash, another state");
    assertFalse(c.known(other, 0, 8), "the same hash as a candidate, another state");
    c.clear();
    assertTrue(c.known(stored, 0, 7), "a stored state stays stored");
    assertFalse(c.known(candidate, 0, 8), "a candidate of the chunk before is not known");
  }

  @Test
  void nearRepeatsAreDroppedInTheChunk() {
    Candidates c = new Candidates(1, 2, 8, false);
    long[] a = {1, 2};
    long[] b = {3, 4};
    for (int i = 0; i < 10; i++) {
      c.add(a, 0, 42, i, 0);
      c.add(b, 0, 42, i, 1); // the same hash, another state
    }
    // a and b share a slot, so each evicts the other: repeats may stay, states may not go.
    assertTrue(c.count >= 2);
    c.clear();
    for (int i = 0; i < 10; i++) {
      c.add(a, 0, 42, i, 0);
    }
    assertEquals(1, c.count, "a repeat right after its first occurrence is dropped");
    c.clear();
    c.add(a, 0, 42, 0, 0);
    assertEquals(1, c.count, "a slot left by the chunk before does not drop the state");
  }

  private static List<Long> key(long[] s, int offset, int words) {
    List<Long> k = new ArrayList<>(words);
    for (int w = 0; w < words; w++) {
      k.add(s[offset + w]);
    }
    return k;
  }
}
