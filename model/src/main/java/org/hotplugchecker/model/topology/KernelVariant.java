package org.hotplugchecker.model.topology;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kernel behaviours the model can check, one per row of the variant table in
 * {@code MODEL.md}.
 */
public enum KernelVariant {
  /** Pre-fix: {@code try_offline_node} clears {@code cpu_to_node} of the node's CPUs. */
  V4_19("v4.19", true, false, false, false, false),
  /** The fix 46a3679b8190: keep the cpu-node association after hot-remove. */
  V5_0("v5.0", false, false, false, false, false),
  /** The spanned-range regression fixed by 2c91f8fc6c99: only online blocks keep a node. */
  V5_4_RC("v5.4-rc", false, true, false, false, false),
  /** Every possible node gets a pgdat (09f49dca570a), and a failed add keeps it. */
  V5_18("v5.18", false, false, true, false, false),
  /** Alternative (a): the allocator maps {@code NUMA_NO_NODE} to {@code numa_mem_id()}. */
  ALT_NUMA_MEM_ID("alt-numa-mem-id", true, false, false, true, false),
  /** Alternative (c): {@code unmap_cpu_on_node} is a weak arch hook that x86 makes a no-op. */
  ALT_ARCH_HOOK("alt-arch-hook", true, false, false, false, true);

  private final String specName;
  private final boolean clearsCpuNode;
  private final boolean guardSeesOnlyOnlineBlocks;
  private final boolean pgdatForEveryPossibleNode;
  private final boolean noNodeFallsBackToNumaMemId;
  private final boolean x86SkipsUnmap;

  KernelVariant(String specName, boolean clearsCpuNode, boolean guardSeesOnlyOnlineBlocks,
      boolean pgdatForEveryPossibleNode, boolean noNodeFallsBackToNumaMemId,
      boolean x86SkipsUnmap) {
    this.specName = specName;
    this.clearsCpuNode = clearsCpuNode;
    this.guardSeesOnlyOnlineBlocks = guardSeesOnlyOnlineBlocks;
    this.pgdatForEveryPossibleNode = pgdatForEveryPossibleNode;
    this.noNodeFallsBackToNumaMemId = noNodeFallsBackToNumaMemId;
    this.x86SkipsUnmap = x86SkipsUnmap;
  }

  /** The name used in spec files. */
  public String specName() {
    return specName;
  }

  /** Whether {@code try_offline_node} runs {@code unmap_cpu_on_node} on {@code arch}. */
  public boolean clearsCpuNodeOnOffline(Arch arch) {
    return clearsCpuNode && !(x86SkipsUnmap && arch == Arch.X86);
  }

  /** Whether the offline guard looks at online blocks only (the v5.4-rc regression). */
  public boolean guardSeesOnlyOnlineBlocks() {
    return guardSeesOnlyOnlineBlocks;
  }

  /** Whether every possible node has a pgdat from boot on, never freed. */
  public boolean pgdatForEveryPossibleNode() {
    return pgdatForEveryPossibleNode;
  }

  /** Whether the allocator maps {@code NUMA_NO_NODE} to the allocating CPU's node. */
  public boolean noNodeFallsBackToNumaMemId() {
    return noNodeFallsBackToNumaMemId;
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
