package org.hotplugchecker.model.rules.eval;

import java.util.List;
import org.hotplugchecker.model.rules.RuleLists;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;

/**
 * Where every element of every state variable lives in a packed state: a bit field in one
 * of a few {@code long} words, slot after slot in the rule set's order. A field never
 * straddles a word, so reading one is a shift and a mask. Booleans take one bit;
 * node-valued integers ({@code -1..N-1}) are stored plus one, in as few bits as hold
 * {@code N}.
 */
public final class PackedLayout {
  private final List<Slot> slots;
  private final int[] base; // per slot: its first field
  private final int[] size; // per slot: its number of elements
  private final int[] word;
  private final int[] shift;
  private final int[] width;
  private final int words;
  private final int bits;
  private final int nodeBits;

  /** The layout of {@code slots} for a topology with {@code sizes} elements per domain. */
  public PackedLayout(List<Slot> slots, Sizes sizes) {
    this.slots = List.copyOf(slots);
    nodeBits = 32 - Integer.numberOfLeadingZeros(sizes.nodes()); // values 0..nodes
    base = new int[slots.size()];
    size = new int[slots.size()];
    int fields = 0;
    for (int s = 0; s < slots.size(); s++) {
      base[s] = fields;
      size[s] = slots.get(s).isScalar() ? 1 : sizes.of(slots.get(s).index());
      fields += size[s];
    }
    word = new int[fields];
    shift = new int[fields];
    width = new int[fields];
    int w = 0;
    int bit = 0;
    int total = 0;
    for (int s = 0; s < slots.size(); s++) {
      int fieldWidth = slots.get(s).type() == Type.BOOL ? 1 : nodeBits;
      for (int i = 0; i < size[s]; i++) {
        if (bit + fieldWidth > 64) {
          w++;
          bit = 0;
        }
        int f = base[s] + i;
        word[f] = w;
        shift[f] = bit;
        width[f] = fieldWidth;
        bit += fieldWidth;
        total += fieldWidth;
      }
    }
    words = w + (bit > 0 ? 1 : 0);
    bits = total;
  }

  /** Number of {@code long} words of a packed state (at least one). */
  public int words() {
    return Math.max(1, words);
  }

  /** The width of every node-valued field (which stores {@code -1..N-1} plus one). */
  public int intWidth() {
    return nodeBits;
  }

  /** Number of significant bits. */
  public int bits() {
    return bits;
  }

  /** The state variables, in packing order. */
  public List<Slot> slots() {
    return slots;
  }

  /** The position of {@code slot} in {@link #slots()}. */
  public int slotIndex(Slot slot) {
    int i = RuleLists.indexOf(slots, slot);
    if (i < 0) {
      throw new IllegalArgumentException("no state variable " + slot.name() + " in this layout");
    }
    return i;
  }

  /** The number of elements of slot {@code s} (1 for a scalar). */
  public int size(int s) {
    return size[s];
  }

  /** The field of element {@code index} of slot {@code s}; the index must be in range. */
  public int field(int s, int index) {
    return base[s] + index;
  }

  /** Number of fields in all. */
  public int fields() {
    return word.length;
  }

  public int word(int field) {
    return word[field];
  }

  public int shift(int field) {
    return shift[field];
  }

  public int width(int field) {
    return width[field];
  }

  /** The field's value as stored (a node is stored plus one). */
  public long raw(long[] state, int field) {
    return (state[word[field]] >>> shift[field]) & ((1L << width[field]) - 1);
  }

  /** Stores {@code raw} into the field. */
  public void setRaw(long[] state, int field, long raw) {
    long mask = ((1L << width[field]) - 1) << shift[field];
    int w = word[field];
    state[w] = (state[w] & ~mask) | (raw << shift[field]);
  }

  /** Element {@code index} of slot {@code s}: a boolean as 0/1, a node as {@code -1..N-1}. */
  public int value(long[] state, int s, int index) {
    long raw = raw(state, field(s, index));
    return slots.get(s).type() == Type.BOOL ? (int) raw : (int) raw - 1;
  }

  /** Sets element {@code index} of slot {@code s} (a boolean as 0/1, a node as -1..N-1). */
  public void setValue(long[] state, int s, int index, int value) {
    setRaw(state, field(s, index), slots.get(s).type() == Type.BOOL ? value : value + 1L);
  }

  /**
   * The number of elements of each domain in one topology.
   *
   * @param nodes possible nodes
   * @param cpus possible CPUs
   * @param blocks memory blocks
   */
  public record Sizes(int nodes, int cpus, int blocks) {
    /** The size of {@code d}. */
    public int of(org.hotplugchecker.model.rules.Domain d) {
      return switch (d) {
        case NODES -> nodes;
        case CPUS -> cpus;
        case BLOCKS -> blocks;
      };
    }
  }
}
