package org.hotplugchecker.model.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The enabled actions of a one-word state as a bit set, from their guards' masks, for up to
 * 64 actions. The guards are transposed: entry {@code (k << 8 | v)} of a table is the set of
 * actions whose single-bit tests on byte {@code k} of the state pass when that byte is
 * {@code v}, so a state's enabled set is one lookup per byte, ANDed, instead of a test per
 * action. Knows nothing of what the bits mean.
 */
public final class EnabledSets {
  private final long[] guardsByByte;
  private final int guardBytes; // bytes with a tested bit; higher ones always pass
  private final long possibleActions; // actions whose guard can hold at all
  private final int[] anyActions; // actions with a "some bit set" clause (cpu_down) ...
  private final long[] anyMasks; // ... and the bits of that clause

  /**
   * The enabled sets of actions with these guards (action id = position).
   *
   * @throws IllegalArgumentException with more than 64 actions
   */
  public EnabledSets(ActionGuard[] guards) {
    if (guards.length > 64) {
      throw new IllegalArgumentException("enabled sets hold at most 64 actions, got "
          + guards.length);
    }
    int actions = guards.length;
    long[] care = new long[actions];
    long[] want = new long[actions];
    long[] any = new long[actions];
    long tested = 0;
    long possible = 0;
    List<Integer> withAny = new ArrayList<>();
    for (int a = 0; a < actions; a++) {
      long[] g = guards[a].oneWordMasks();
      care[a] = g[0];
      want[a] = g[1];
      any[a] = g[2];
      if ((want[a] & ~care[a]) == 0) { // else the guard never holds
        possible |= 1L << a;
        tested |= care[a];
      }
      if (any[a] != 0) {
        withAny.add(a);
      }
    }
    possibleActions = possible;
    guardBytes = (64 - Long.numberOfLeadingZeros(tested) + 7) / 8;
    guardsByByte = new long[Math.max(1, guardBytes) << 8];
    for (int k = 0; k < guardBytes; k++) {
      GuardTables.fillByte(guardsByByte, k, 1, care, want, 8 * k);
    }
    anyActions = withAny.stream().mapToInt(Integer::intValue).toArray();
    anyMasks = new long[anyActions.length];
    for (int j = 0; j < anyActions.length; j++) {
      anyMasks[j] = any[anyActions[j]];
    }
  }

  /** The set of actions enabled in {@code s} (bit {@code a} for action id {@code a}). */
  public long enabledSet(long s) {
    long e = possibleActions;
    for (int k = 0; k < guardBytes; k++) {
      e &= guardsByByte[(k << 8) | (int) ((s >>> (8 * k)) & 0xFF)];
    }
    for (int j = 0; j < anyActions.length; j++) {
      e &= ~(isZero(s & anyMasks[j]) << anyActions[j]);
    }
    return e;
  }

  /** 1 if {@code x == 0}, else 0, without a branch. */
  private static long isZero(long x) {
    return ((x - 1) & ~x) >>> 63;
  }
}
