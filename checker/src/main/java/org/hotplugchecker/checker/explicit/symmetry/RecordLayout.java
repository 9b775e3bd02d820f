package org.hotplugchecker.checker.explicit.symmetry;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.PackedLayout;

/**
 * A packed state seen as records: for each element of each domain, the values of the
 * state variables indexed by that domain, side by side in one {@code long} (in the rule
 * set's slot order, each as the layout stores it: a bool as 0/1, a node as its index plus
 * one). The scalars form one more record, "domain" {@link #SCALARS}. A renaming moves
 * records and renames the node fields inside them; both are a few shifts here.
 */
final class RecordLayout {
  /** The index of the scalars' pseudo-domain; the real ones use {@link Domain#ordinal()}. */
  static final int SCALARS = Domain.values().length;
  static final int DOMAINS = SCALARS + 1;

  private final int[] size = new int[DOMAINS];
  private final int[][] fieldWord = new int[DOMAINS][]; // [dom][i * fields + k]
  private final int[][] fieldShift = new int[DOMAINS][];
  private final int[][] recShift = new int[DOMAINS][]; // [dom][k]: the field's place in a record
  private final int[][] recWidth = new int[DOMAINS][];
  private final int[][] refShift = new int[DOMAINS][]; // [dom][r]: record shifts of node fields
  private final long[] boolMask = new long[DOMAINS]; // the record bits that are not node fields
  private final int nodeBits;
  private final long nodeMask;

  /** The records of {@code layout}, for a topology with {@code sizes}. */
  RecordLayout(PackedLayout layout, PackedLayout.Sizes sizes) {
    nodeBits = layout.intWidth();
    nodeMask = (1L << nodeBits) - 1;
    for (int dom = 0; dom < DOMAINS; dom++) {
      List<Integer> slots = new ArrayList<>();
      for (int s = 0; s < layout.slots().size(); s++) {
        Slot slot = layout.slots().get(s);
        if (dom == SCALARS ? slot.isScalar() : slot.index() == Domain.values()[dom]) {
          slots.add(s);
        }
      }
      size[dom] = dom == SCALARS ? 1 : sizes.of(Domain.values()[dom]);
      int k = slots.size();
      recShift[dom] = new int[k];
      recWidth[dom] = new int[k];
      List<Integer> refs = new ArrayList<>();
      int bit = 0;
      for (int j = 0; j < k; j++) {
        Slot slot = layout.slots().get(slots.get(j));
        int width = slot.type() == Type.BOOL ? 1 : nodeBits;
        recShift[dom][j] = bit;
        recWidth[dom][j] = width;
        if (slot.type() == Type.INT) {
          refs.add(bit);
        } else {
          boolMask[dom] |= 1L << bit;
        }
        bit += width;
      }
      if (bit > 63) {
        throw new IllegalArgumentException("symmetry: the state variables of one element of "
            + (dom == SCALARS ? "the scalars" : Domain.values()[dom]) + " take " + bit
            + " bits, more than a record holds");
      }
      refShift[dom] = refs.stream().mapToInt(Integer::intValue).toArray();
      fieldWord[dom] = new int[size[dom] * k];
      fieldShift[dom] = new int[size[dom] * k];
      for (int i = 0; i < size[dom]; i++) {
        for (int j = 0; j < k; j++) {
          int f = layout.field(slots.get(j), dom == SCALARS ? 0 : i);
          fieldWord[dom][i * k + j] = layout.word(f);
          fieldShift[dom][i * k + j] = layout.shift(f);
        }
      }
    }
  }

  /** Elements of {@code dom} (1 for {@link #SCALARS}). */
  int size(int dom) {
    return size[dom];
  }

  /** The record shifts of {@code dom}'s node fields. */
  int[] refShifts(int dom) {
    return refShift[dom];
  }

  /** The record bits of {@code dom} that hold bools. */
  long boolMask(int dom) {
    return boolMask[dom];
  }

  /** The width of a node field (which stores a node plus one, 0 for none). */
  int nodeBits() {
    return nodeBits;
  }

  /** The record of element {@code i} of {@code dom} in {@code state}. */
  long record(long[] state, int dom, int i) {
    int[] w = fieldWord[dom];
    int[] sh = fieldShift[dom];
    int[] rs = recShift[dom];
    int[] rw = recWidth[dom];
    int k = rs.length;
    long rec = 0;
    for (int j = 0; j < k; j++) {
      long raw = (state[w[i * k + j]] >>> sh[i * k + j]) & ((1L << rw[j]) - 1);
      rec |= raw << rs[j];
    }
    return rec;
  }

  /** ORs record {@code rec} into element {@code i} of {@code dom} in {@code out} (cleared). */
  void write(long[] out, int dom, int i, long rec) {
    int[] w = fieldWord[dom];
    int[] sh = fieldShift[dom];
    int[] rs = recShift[dom];
    int[] rw = recWidth[dom];
    int k = rs.length;
    for (int j = 0; j < k; j++) {
      long raw = (rec >>> rs[j]) & ((1L << rw[j]) - 1);
      out[w[i * k + j]] |= raw << sh[i * k + j];
    }
  }

  /**
   * {@code rec} with every node field renamed: {@code rawMap[raw]} for each stored value
   * (node plus one; entry 0, none, stays 0).
   */
  long rename(int dom, long rec, int[] rawMap) {
    long out = rec;
    for (int sh : refShift[dom]) {
      int raw = (int) ((rec >>> sh) & nodeMask);
      out = (out & ~(nodeMask << sh)) | ((long) rawMap[raw] << sh);
    }
    return out;
  }

  /** The node stored in field {@code r} (a {@link #refShifts} entry) of {@code rec}, or -1. */
  int ref(long rec, int shift) {
    return (int) ((rec >>> shift) & nodeMask) - 1;
  }
}
