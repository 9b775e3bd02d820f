package org.hotplugchecker.model.topology;

import java.util.Arrays;
import java.util.Optional;

/** The architecture, which decides how non-boot CPUs get their boot-time node. */
public enum Arch {
  /** x86: {@code numa_init_array} spreads non-boot CPUs round-robin; hot-add maps the CPU. */
  X86("x86"),
  /** Everything else: firmware's node is kept for every possible CPU. */
  GENERIC("generic");

  private final String specName;

  Arch(String specName) {
    this.specName = specName;
  }

  /** The name used in spec files. */
  public String specName() {
    return specName;
  }

  /** Looks up an arch by its spec name. */
  public static Optional<Arch> fromSpecName(String name) {
    return Arrays.stream(values()).filter(a -> a.specName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return specName;
  }
}
