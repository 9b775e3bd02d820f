package org.hotplugchecker.model.topology;

import java.util.Arrays;
import java.util.Optional;

/**
 * The named kernels of {@code MODEL.md}'s variant table (the presets). What each one does
 * is in {@link org.hotplugchecker.model.rules.KernelKnobs#PRESETS}; {@link #kernel()} is
 * that behaviour.
 */
public enum KernelVariant {
  /** Pre-fix: {@code try_offline_node} clears {@code cpu_to_node} of the node's CPUs. */
  V4_19("v4.19"),
  /** The fix 46a3679b8190: keep the cpu-node association after hot-remove. */
  V5_0("v5.0"),
  /** The spanned-range regression fixed by 2c91f8fc6c99: only online blocks keep a node. */
  V5_4_RC("v5.4-rc"),
  /** Every possible node gets a pgdat (09f49dca570a), and a failed add keeps it. */
  V5_18("v5.18"),
  /** Alternative (a): the allocator maps {@code NUMA_NO_NODE} to {@code numa_mem_id()}. */
  ALT_NUMA_MEM_ID("alt-numa-mem-id"),
  /** Alternative (c): {@code unmap_cpu_on_node} is a weak arch hook that x86 makes a no-op. */
  ALT_ARCH_HOOK("alt-arch-hook");

  private final String specName;

  KernelVariant(String specName) {
    this.specName = specName;
  }

  /** The name used in spec files. */
  public String specName() {
    return specName;
  }

  /** This preset's knob values. */
  public Kernel kernel() {
    return Kernel.of(this);
  }

  /** Looks up a variant by its spec name. */
  public static Optional<KernelVariant> fromSpecName(String name) {
    return Arrays.stream(values()).filter(k -> k.specName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return specName;
  }
}
