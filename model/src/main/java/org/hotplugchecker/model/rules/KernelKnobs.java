package org.hotplugchecker.model.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel knobs and the presets of {@code MODEL.md} as data: which behaviours a kernel
 * can vary, and which values each shipped (or discussed) kernel has. The rules refer to
 * knobs by name; everything else (spec parsing, reports, sweeps over knob sets) reads this
 * table instead of knowing the knobs.
 */
public final class KernelKnobs {
  private KernelKnobs() {}

  /** Whether {@code try_offline_node} clears {@code cpu_to_node} of the node's CPUs. */
  public static final String CLEAR_CPU_NODE_ON_OFFLINE = "clear_cpu_node_on_offline";
  /** Which blocks keep a node online in {@code try_offline_node}. */
  public static final String OFFLINE_GUARD = "offline_guard";
  /** Whether every possible node has a pgdat from boot, never freed. */
  public static final String PGDAT_FOR_EVERY_POSSIBLE_NODE = "pgdat_for_every_possible_node";
  /** What {@code alloc_for_cpu} does with target {@code NUMA_NO_NODE}. */
  public static final String NO_NODE_IN_ALLOCATOR = "no_node_in_allocator";

  /** The knobs, in {@code MODEL.md}'s order. */
  public static final List<Knob> KNOBS = List.of(
      new Knob(CLEAR_CPU_NODE_ON_OFFLINE, List.of("never", "always", "generic_only"),
          "whether try_offline_node (when its guard holds) sets cpu_to_node = -1 for the "
              + "node's CPUs; generic_only: on generic yes, on x86 no"),
      new Knob(OFFLINE_GUARD, List.of("present_blocks", "online_blocks"),
          "which blocks of home == n keep node n online in try_offline_node"),
      new Knob(PGDAT_FOR_EVERY_POSSIBLE_NODE, List.of("true", "false"),
          "every possible node has a pgdat from boot, and add_memory_fails never clears it"),
      new Knob(NO_NODE_IN_ALLOCATOR, List.of("oops", "numa_mem_id"),
          "what alloc_for_cpu does with target -1"));

  /**
   * The presets, by name in {@code MODEL.md}'s order: each maps every knob to its value
   * (the rows of the variant table).
   */
  public static final Map<String, Map<String, String>> PRESETS = presets(
      "v4.19", "always", "present_blocks", "false", "oops",
      "v5.0", "never", "present_blocks", "false", "oops",
      "v5.4-rc", "never", "online_blocks", "false", "oops",
      "v5.18", "never", "present_blocks", "true", "oops",
      "alt-numa-mem-id", "always", "present_blocks", "false", "numa_mem_id",
      "alt-arch-hook", "generic_only", "present_blocks", "false", "oops");

  private static Map<String, Map<String, String>> presets(String... rows) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    int width = KNOBS.size() + 1;
    for (int r = 0; r < rows.length; r += width) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int k = 0; k < KNOBS.size(); k++) {
        Knob knob = KNOBS.get(k);
        String v = rows[r + 1 + k];
        if (knob.indexOf(v) < 0) {
          throw new IllegalStateException("preset " + rows[r] + ": " + knob.name() + " has no value "
              + v);
        }
        values.put(knob.name(), v);
      }
      out.put(rows[r], java.util.Collections.unmodifiableMap(values));
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The knob named {@code name}, or null. */
  public static Knob knob(String name) {
    for (Knob k : KNOBS) {
      if (k.name().equals(name)) {
        return k;
      }
    }
    return null;
  }

  /** The index of {@code name} in {@link #KNOBS}, or -1. */
  public static int indexOf(String name) {
    for (int i = 0; i < KNOBS.size(); i++) {
      if (KNOBS.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
