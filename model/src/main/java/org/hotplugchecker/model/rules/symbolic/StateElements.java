package org.hotplugchecker.model.rules.symbolic;

import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.PackedLayout;

/**
 * The state elements of one topology: one per element of every slot ({@code node.online[2]},
 * {@code oops}), numbered as the fields of the rule machine's {@link PackedLayout}. A
 * Boolean element holds 0/1, an integer one a node {@code -1..N-1}.
 */
public final class StateElements {
  private final PackedLayout layout;
  private final int[] slot;
  private final int[] index;
  private final int nodes;

  /** The elements of {@code layout}, whose integer slots hold nodes {@code -1..nodes-1}. */
  public StateElements(PackedLayout layout, int nodes) {
    this.layout = layout;
    this.nodes = nodes;
    slot = new int[layout.fields()];
    index = new int[layout.fields()];
    for (int s = 0; s < layout.slots().size(); s++) {
      for (int i = 0; i < layout.size(s); i++) {
        int f = layout.field(s, i);
        slot[f] = s;
        index[f] = i;
      }
    }
  }

  /** Number of elements. */
  public int count() {
    return slot.length;
  }

  /** The layout the elements are numbered by. */
  public PackedLayout layout() {
    return layout;
  }

  /** The number of possible nodes (integer elements hold {@code -1..nodes-1}). */
  public int nodes() {
    return nodes;
  }

  /** The slot of element {@code e}. */
  public Slot slot(int e) {
    return layout.slots().get(slot[e]);
  }

  /** The position of element {@code e}'s slot in the layout. */
  public int slotIndex(int e) {
    return slot[e];
  }

  /** The index of element {@code e} in its slot (0 for a scalar). */
  public int index(int e) {
    return index[e];
  }

  /** The domain element {@code e} belongs to (null for a scalar). */
  public Domain domain(int e) {
    return slot(e).index();
  }

  /** Whether element {@code e} holds a node (else a Boolean). */
  public boolean isInt(int e) {
    return slot(e).type() == Type.INT;
  }

  /** The element of slot {@code s} at {@code i} (which must be in range). */
  public int element(int s, int i) {
    return layout.field(s, i);
  }

  /** How traces name element {@code e}, e.g. {@code cpu_to_node(2)}. */
  public String name(int e) {
    return slot(e).traceName(index[e]);
  }

  /** Every element's value in packed {@code state}. */
  public int[] values(long[] state) {
    int[] v = new int[count()];
    for (int e = 0; e < v.length; e++) {
      v[e] = layout.value(state, slot[e], index[e]);
    }
    return v;
  }

  /** The packed state with element values {@code values}. */
  public long[] pack(int[] values) {
    long[] state = new long[layout.words()];
    for (int e = 0; e < values.length; e++) {
      layout.setValue(state, slot[e], index[e], values[e]);
    }
    return state;
  }
}
