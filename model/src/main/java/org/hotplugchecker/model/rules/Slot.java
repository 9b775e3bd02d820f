package org.hotplugchecker.model.rules;

/**
 * A state variable of {@code MODEL.md}'s "State" table: a scalar, or an array over one
 * domain. Integer slots hold a node index or {@code -1}.
 *
 * @param name the name expressions use, e.g. {@code cpu.nid}
 * @param index the domain it is indexed by, or null for a scalar ({@code oops})
 * @param type {@link Type#BOOL}, or {@link Type#INT} for a node-or-none value
 * @param traceName how traces name one element, {@code %d} standing for the index, e.g.
 *     {@code cpu_to_node(%d)}
 * @param meaning the kernel meaning, one line
 */
public record Slot(String name, Domain index, Type type, String traceName, String meaning) {
  /** Whether it is one value rather than an array. */
  public boolean isScalar() {
    return index == null;
  }

  /** The trace name of element {@code i} (ignored for a scalar). */
  public String traceName(int i) {
    return isScalar() ? traceName : traceName.replace("%d", Integer.toString(i));
  }

  @Override
  public String toString() {
    return name;
  }
}
