package org.hotplugchecker.model.topology;

import java.util.Arrays;
import java.util.Optional;

/** Faults a spec can enable; each adds failure actions to the model. */
public enum Fault {
  /** {@code arch_add_memory} fails and {@code rollback_node_hotadd} runs. */
  ADD_MEMORY_FAILS("add_memory_fails");

  private final String specName;

  Fault(String specName) {
    this.specName = specName;
  }

  /** The name used in spec files. */
  public String specName() {
    return specName;
  }

  /** Looks up a fault by its spec name. */
  public static Optional<Fault> fromSpecName(String name) {
    return Arrays.stream(values()).filter(f -> f.specName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return specName;
  }
}
