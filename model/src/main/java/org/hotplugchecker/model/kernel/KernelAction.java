package org.hotplugchecker.model.kernel;

/**
 * One action instance: a kind applied to one CPU or memory block.
 *
 * @param kind what happens
 * @param index the CPU or block it happens to
 */
public record KernelAction(ActionKind kind, int index) {
  /** The trace label, e.g. {@code remove_memory(1)}. */
  public String label() {
    return kind.specName() + "(" + index + ")";
  }

  @Override
  public String toString() {
    return label();
  }
}
