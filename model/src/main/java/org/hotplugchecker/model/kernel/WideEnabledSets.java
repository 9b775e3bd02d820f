package org.hotplugchecker.model.kernel;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.eval.GuardMasks;

/**
 * The enabled actions of a state of any width as a bit set of {@code ceil(actions / 64)}
 * longs, from the guards' masks: {@link EnabledSets} for states wider than one word and
 * for more than 64 actions (4 nodes with 2 CPUs and 2 blocks each have 66). The guards are
 * transposed in the same way: entry {@code (b << 8 | v)} of the table is the set of actions
 * whose single-bit tests on the {@code b}-th tested byte of the state pass when that byte
 * is {@code v}, so a state's enabled set is one lookup per tested byte, ANDed, instead of a
 * test per action and word. Knows nothing of what the bits mean; immutable, thread-safe.
 */
public final class WideEnabledSets {
  private final int stateWords;
  private final int setWords;
  private final int[] byteWord; // per tested byte: the state word it is in ...
  private final int[] byteShift; // ... and its shift there
  private final long[] table; // ((b << 8) | v) * setWords + j
  private final long[] possible; // actions whose guard can hold at all
  private final int[] anyActions; // actions with a "some bit set" clause (cpu_down) ...
  private final long[] anyMasks; // ... and that clause's bits, stateWords per action

  /**
   * The enabled sets of actions with these guards (action id = position) over states of
   * {@code stateWords} longs.
   *
   * @throws IllegalArgumentException if a guard's masks do not have {@code stateWords} words
   */
  public WideEnabledSets(List<GuardMasks.Masks> guards, int stateWords) {
    int actions = guards.size();
    this.stateWords = stateWords;
    this.setWords = Math.max(1, (actions + 63) >>> 6);
    long[] tested = new long[stateWords];
    possible = new long[setWords];
    List<Integer> withAny = new ArrayList<>();
    for (int a = 0; a < actions; a++) {
      GuardMasks.Masks m = guards.get(a);
      if (m.care().length != stateWords || m.want().length != stateWords
          || m.any() != null && m.any().length != stateWords) {
        throw new IllegalArgumentException("guard masks of action " + a + " do not have "
            + stateWords + " words");
      }
      if (!canHold(m)) {
        continue; // never enabled: its bit stays clear, whatever the table says
      }
      possible[a >>> 6] |= 1L << a;
      for (int w = 0; w < stateWords; w++) {
        tested[w] |= m.care()[w];
      }
      if (m.any() != null) {
        withAny.add(a);
      }
    }
    List<int[]> bytes = new ArrayList<>();
    for (int w = 0; w < stateWords; w++) {
      for (int k = 0; k < 8; k++) {
        if (((tested[w] >>> (8 * k)) & 0xFF) != 0) {
          bytes.add(new int[] {w, 8 * k});
        }
      }
    }
    byteWord = bytes.stream().mapToInt(b -> b[0]).toArray();
    byteShift = bytes.stream().mapToInt(b -> b[1]).toArray();
    table = new long[(bytes.size() << 8) * setWords];
    long[][] care = new long[stateWords][actions];
    long[][] want = new long[stateWords][actions];
    for (int a = 0; a < actions; a++) {
      for (int w = 0; w < stateWords; w++) {
        care[w][a] = guards.get(a).care()[w];
        want[w][a] = guards.get(a).want()[w];
      }
    }
    for (int b = 0; b < bytes.size(); b++) {
      GuardTables.fillByte(table, b, setWords, care[byteWord[b]], want[byteWord[b]],
          byteShift[b]);
    }
    anyActions = withAny.stream().mapToInt(Integer::intValue).toArray();
    anyMasks = new long[anyActions.length * stateWords];
    for (int j = 0; j < anyActions.length; j++) {
      System.arraycopy(guards.get(anyActions[j]).any(), 0, anyMasks, j * stateWords,
          stateWords);
    }
  }

  /** Whether a guard with masks {@code m} holds in some state. */
  private static boolean canHold(GuardMasks.Masks m) {
    if (m.never()) {
      return false;
    }
    boolean anyBit = m.any() == null;
    for (int w = 0; w < m.care().length; w++) {
      if ((m.want()[w] & ~m.care()[w]) != 0) {
        return false;
      }
      anyBit |= m.any() != null && m.any()[w] != 0;
    }
    return anyBit; // "some of no bits set" never holds (cpu_down of the only CPU)
  }

  /** Longs per enabled set: {@code ceil(actions / 64)}, at least 1. */
  public int setWords() {
    return setWords;
  }

  /**
   * Writes the set of actions enabled in {@code s} (bit {@code a % 64} of {@code out[a /
   * 64]} for action id {@code a}) to {@code out[0 .. setWords())}.
   */
  public void enabledSet(long[] s, long[] out) {
    int sw = setWords;
    for (int j = 0; j < sw; j++) {
      out[j] = possible[j];
    }
    for (int b = 0; b < byteWord.length; b++) {
      int base = (((b << 8) | (int) ((s[byteWord[b]] >>> byteShift[b]) & 0xFF))) * sw;
      for (int j = 0; j < sw; j++) {
        out[j] &= table[base + j];
      }
    }
    for (int k = 0; k < anyActions.length; k++) {
      long hit = 0;
      for (int w = 0; w < stateWords; w++) {
        hit |= s[w] & anyMasks[k * stateWords + w];
      }
      if (hit == 0) {
        int a = anyActions[k];
        out[a >>> 6] &= ~(1L << a);
      }
    }
  }
}
