package org.hotplugchecker.checker.explicit.symmetry;

import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.PackedLayout;

/**
 * One renaming of a packed state as a list of field moves: every field of the layout goes
 * to the field of the same state variable at the renamed element, and a node-valued
 * field's stored value (node plus one, 0 for none) is renamed on the way. Applying it is
 * one pass over the fields with no per-element bookkeeping: the orbit images an action
 * property is judged on are computed for every state, so this is on the hot path.
 */
final class FieldMoves {
  private final int[] srcWord;
  private final int[] srcShift;
  private final long[] mask;
  private final int[] dstWord;
  private final int[] dstShift;
  private final boolean[] node;
  private final int[] rawMap;

  /**
   * The moves of the renaming sending element {@code i} of each domain to
   * {@code elementMap[domain ordinal][i]}, and stored node values {@code v} to
   * {@code rawMap[v]}.
   */
  FieldMoves(PackedLayout layout, int[][] elementMap, int[] rawMap) {
    int n = layout.fields();
    srcWord = new int[n];
    srcShift = new int[n];
    mask = new long[n];
    dstWord = new int[n];
    dstShift = new int[n];
    node = new boolean[n];
    this.rawMap = rawMap.clone();
    int k = 0;
    for (int s = 0; s < layout.slots().size(); s++) {
      Slot slot = layout.slots().get(s);
      for (int i = 0; i < layout.size(s); i++) {
        int from = layout.field(s, i);
        int to = slot.isScalar() ? from : layout.field(s, elementMap[slot.index().ordinal()][i]);
        srcWord[k] = layout.word(from);
        srcShift[k] = layout.shift(from);
        mask[k] = (1L << layout.width(from)) - 1;
        dstWord[k] = layout.word(to);
        dstShift[k] = layout.shift(to);
        node[k] = slot.type() == Type.INT;
        k++;
      }
    }
    if (k != n) {
      throw new IllegalStateException("symmetry: " + k + " of " + n + " fields moved");
    }
  }

  /** Writes the image of {@code state} into {@code out} (a different array). */
  void apply(long[] state, long[] out) {
    java.util.Arrays.fill(out, 0);
    for (int k = 0; k < srcWord.length; k++) {
      long v = (state[srcWord[k]] >>> srcShift[k]) & mask[k];
      if (node[k]) {
        v = rawMap[(int) v];
      }
      out[dstWord[k]] |= v << dstShift[k];
    }
  }
}
