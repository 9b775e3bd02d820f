package org.hotplugchecker.model.topology;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.model.rules.KernelKnobs;
import org.hotplugchecker.model.rules.Knob;

/**
 * A kernel behaviour: one value for every knob of {@link KernelKnobs}. Two kernels with
 * the same knob values are equal and behave identically, whether a spec named a preset or
 * gave the knobs; {@link #specName()} names the preset when the values equal one.
 */
public final class Kernel implements Comparable<Kernel>, java.io.Serializable {
  // Serializable so that distributed sweeps can send kernels to their workers.
  private static final long serialVersionUID = 1L;

  private final int[] values; // per knob of KernelKnobs.KNOBS: the index of its value
  private final KernelVariant preset; // null when no preset has these values

  private Kernel(int[] values) {
    this.values = values;
    this.preset = Arrays.stream(KernelVariant.values())
        .filter(v -> Arrays.equals(indices(KernelKnobs.PRESETS.get(v.specName())), values))
        .findFirst().orElse(null);
  }

  /** The kernel of preset {@code variant}. */
  public static Kernel of(KernelVariant variant) {
    return new Kernel(indices(KernelKnobs.PRESETS.get(variant.specName())));
  }

  /**
   * The kernel with the given value for every knob.
   *
   * @throws IllegalArgumentException if a knob is missing or unknown, or a value is not one
   *     of its knob's
   */
  public static Kernel of(Map<String, String> knobValues) {
    for (String name : knobValues.keySet()) {
      if (KernelKnobs.knob(name) == null) {
        throw new IllegalArgumentException("unknown knob '" + name + "'");
      }
    }
    return new Kernel(indices(knobValues));
  }

  /**
   * Every combination of the knobs' values ({@code KernelKnobs.KNOBS}): presets first, in
   * {@link KernelVariant} order, then the others by their values ({@link #compareTo}).
   */
  public static java.util.List<Kernel> every() {
    java.util.List<Kernel> out = new java.util.ArrayList<>();
    int[] v = new int[KernelKnobs.KNOBS.size()];
    while (true) {
      out.add(new Kernel(v.clone()));
      int k = v.length - 1;
      while (k >= 0 && ++v[k] == KernelKnobs.KNOBS.get(k).values().size()) {
        v[k--] = 0;
      }
      if (k < 0) {
        break;
      }
    }
    java.util.Collections.sort(out);
    return java.util.List.copyOf(out);
  }

  /** This kernel with knob {@code name} set to {@code value}. */
  public Kernel with(String name, String value) {
    Map<String, String> m = knobs();
    if (!m.containsKey(name)) {
      throw new IllegalArgumentException("unknown knob '" + name + "'");
    }
    m.put(name, value);
    return of(m);
  }

  /** How many knobs have different values in {@code other}. */
  public int distance(Kernel other) {
    int d = 0;
    for (int k = 0; k < values.length; k++) {
      d += values[k] == other.values[k] ? 0 : 1;
    }
    return d;
  }

  /**
   * The kernel a {@link #label()} names: a preset name, then any number of
   * {@code +knob=value} overrides ({@code v5.0+offline_guard=online_blocks}); or, without a
   * preset, every knob as {@code knob=value}, joined by {@code +}.
   *
   * @throws IllegalArgumentException with a one-line message if the text names no kernel
   */
  public static Kernel fromLabel(String text) {
    String[] parts = text.trim().split("\\+", -1);
    Map<String, String> knobs = new LinkedHashMap<>();
    int first = 0;
    Optional<KernelVariant> base = KernelVariant.fromSpecName(parts[0].trim());
    if (base.isPresent()) {
      knobs.putAll(KernelKnobs.PRESETS.get(base.get().specName()));
      first = 1;
    } else if (!parts[0].contains("=")) {
      throw new IllegalArgumentException("unknown kernel '" + parts[0].trim() + "' (a preset: "
          + String.join(", ", KernelKnobs.PRESETS.keySet()) + ")");
    }
    java.util.Set<String> given = new java.util.HashSet<>();
    for (int i = first; i < parts.length; i++) {
      String part = parts[i].trim();
      int eq = part.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("expected knob=value after '+', got '" + part + "'");
      }
      String name = part.substring(0, eq).trim();
      if (KernelKnobs.knob(name) == null) {
        throw new IllegalArgumentException("unknown knob '" + name + "' (one of "
            + String.join(", ", KernelKnobs.KNOBS.stream().map(Knob::name).toList()) + ")");
      }
      if (!given.add(name)) {
        throw new IllegalArgumentException("knob '" + name + "' is given twice");
      }
      knobs.put(name, part.substring(eq + 1).trim());
    }
    return of(knobs);
  }

  private static int[] indices(Map<String, String> knobValues) {
    int[] v = new int[KernelKnobs.KNOBS.size()];
    for (int k = 0; k < v.length; k++) {
      Knob knob = KernelKnobs.KNOBS.get(k);
      String value = knobValues.get(knob.name());
      if (value == null) {
        throw new IllegalArgumentException("knob '" + knob.name() + "' is missing");
      }
      v[k] = knob.indexOf(value);
      if (v[k] < 0) {
        throw new IllegalArgumentException("knob '" + knob.name() + "' has no value '" + value
            + "' (one of " + String.join(", ", knob.values()) + ")");
      }
    }
    return v;
  }

  /** The value of knob {@code name}, as a spec writes it. */
  public String value(String name) {
    int k = KernelKnobs.indexOf(name);
    if (k < 0) {
      throw new IllegalArgumentException("unknown knob '" + name + "'");
    }
    return KernelKnobs.KNOBS.get(k).values().get(values[k]);
  }

  /** Whether knob {@code name} has {@code value}. */
  public boolean is(String name, String value) {
    return value(name).equals(value);
  }

  /** Every knob's value, in {@link KernelKnobs#KNOBS} order. */
  public Map<String, String> knobs() {
    Map<String, String> m = new LinkedHashMap<>();
    for (Knob k : KernelKnobs.KNOBS) {
      m.put(k.name(), value(k.name()));
    }
    return m;
  }

  /** The preset with exactly these knob values, if any. */
  public Optional<KernelVariant> preset() {
    return Optional.ofNullable(preset);
  }

  /**
   * The preset's name, or else the knobs as a YAML flow mapping that a spec's
   * {@code kernel:} field reads back, e.g.
   * {@code {clear_cpu_node_on_offline: always, offline_guard: online_blocks, ...}}.
   */
  public String specName() {
    if (preset != null) {
      return preset.specName();
    }
    StringBuilder sb = new StringBuilder("{");
    for (Map.Entry<String, String> e : knobs().entrySet()) {
      sb.append(sb.length() == 1 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
    }
    return sb.append('}').toString();
  }

  /**
   * A short name for check names and table rows: the preset's name, or else the nearest
   * preset (fewest knobs differ; the first in {@link KernelVariant} order on a tie) and the
   * knobs that differ from it, e.g. {@code v5.0+offline_guard=online_blocks}. Unlike
   * {@link #specName()} it has no spaces or commas, so it fits in {@code spec[kernel,arch]}.
   */
  public String label() {
    if (preset != null) {
      return preset.specName();
    }
    KernelVariant nearest = null;
    int fewest = Integer.MAX_VALUE;
    for (KernelVariant v : KernelVariant.values()) {
      int[] p = indices(KernelKnobs.PRESETS.get(v.specName()));
      int differ = 0;
      for (int k = 0; k < values.length; k++) {
        differ += p[k] == values[k] ? 0 : 1;
      }
      if (differ < fewest) {
        fewest = differ;
        nearest = v;
      }
    }
    StringBuilder sb = new StringBuilder(nearest.specName());
    int[] base = indices(KernelKnobs.PRESETS.get(nearest.specName()));
    for (int k = 0; k < values.length; k++) {
      if (base[k] != values[k]) {
        Knob knob = KernelKnobs.KNOBS.get(k);
        sb.append('+').append(knob.name()).append('=').append(knob.values().get(values[k]));
      }
    }
    return sb.toString();
  }

  // The four questions the hand-written kernel paths ask; they go once the rules read the
  // knobs themselves.

  /** Whether {@code try_offline_node} runs {@code unmap_cpu_on_node} on {@code arch}. */
  public boolean clearsCpuNodeOnOffline(Arch arch) {
    String v = value(KernelKnobs.CLEAR_CPU_NODE_ON_OFFLINE);
    return v.equals("always") || (v.equals("generic_only") && arch == Arch.GENERIC);
  }

  /** Whether the offline guard looks at online blocks only (the v5.4-rc regression). */
  public boolean guardSeesOnlyOnlineBlocks() {
    return is(KernelKnobs.OFFLINE_GUARD, "online_blocks");
  }

  /** Whether every possible node has a pgdat from boot on, never freed. */
  public boolean pgdatForEveryPossibleNode() {
    return is(KernelKnobs.PGDAT_FOR_EVERY_POSSIBLE_NODE, "true");
  }

  /** Whether the allocator maps {@code NUMA_NO_NODE} to the allocating CPU's node. */
  public boolean noNodeFallsBackToNumaMemId() {
    return is(KernelKnobs.NO_NODE_IN_ALLOCATOR, "numa_mem_id");
  }

  /** Presets first, in {@link KernelVariant} order, then other knob sets by their values. */
  @Override
  public int compareTo(Kernel o) {
    int a = preset == null ? Integer.MAX_VALUE : preset.ordinal();
    int b = o.preset == null ? Integer.MAX_VALUE : o.preset.ordinal();
    return a != b ? Integer.compare(a, b) : Arrays.compare(values, o.values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Kernel k && Arrays.equals(values, k.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return specName();
  }
}
