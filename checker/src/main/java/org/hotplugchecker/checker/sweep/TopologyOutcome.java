package org.hotplugchecker.checker.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;

/**
 * What one check of one topology class on one arch and kernel found: the line a sweep
 * appends to its results file.
 *
 * @param classKey {@link CanonicalTopology#key()}
 * @param arch the arch
 * @param kernel the kernel's knobs
 * @param faults enabled faults
 * @param states distinct reachable states
 * @param transitions transitions explored
 * @param millis wall-clock time of the exploration
 * @param verdicts per property name, in model order: {@code holds}, {@code vacuous},
 *     {@code unknown} or {@code violated@K}
 * @param invariants the source text of each user invariant among the verdicts, by name
 *     (a verdict is only reused for an invariant of the same text)
 */
public record TopologyOutcome(String classKey, Arch arch, Kernel kernel,
    Set<Fault> faults, long states, long transitions, long millis,
    Map<String, String> verdicts, Map<String, String> invariants)
    implements java.io.Serializable {
  // Serializable so that distributed sweeps can send outcomes back to the driver.
  private static final long serialVersionUID = 2L;

  /** Copies the maps, keeping their order. */
  public TopologyOutcome {
    faults = Set.copyOf(faults);
    verdicts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(verdicts));
    invariants = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(invariants));
  }

  /** An outcome of the built-in properties only. */
  public TopologyOutcome(String classKey, Arch arch, Kernel kernel, Set<Fault> faults,
      long states, long transitions, long millis, Map<String, String> verdicts) {
    this(classKey, arch, kernel, faults, states, transitions, millis, verdicts, Map.of());
  }

  /** An outcome of the built-in properties only, on a preset. */
  public TopologyOutcome(String classKey, Arch arch, KernelVariant kernel, Set<Fault> faults,
      long states, long transitions, long millis, Map<String, String> verdicts) {
    this(classKey, arch, kernel.kernel(), faults, states, transitions, millis, verdicts);
  }

  /** This outcome with the user invariants' sources {@code sources}. */
  public TopologyOutcome withInvariants(Map<String, String> sources) {
    return new TopologyOutcome(classKey, arch, kernel, faults, states, transitions, millis,
        verdicts, sources);
  }

  /** Summarizes an explorer result. */
  public static TopologyOutcome of(String classKey, Arch arch, Kernel kernel,
      Set<Fault> faults, CheckResult r) {
    Map<String, String> v = new LinkedHashMap<>();
    for (PropertyResult p : r.properties()) {
      v.put(p.property().name(), p.verdict() == Verdict.VIOLATED
          ? "violated@" + p.length() : p.verdict().specName());
    }
    return new TopologyOutcome(classKey, arch, kernel, faults, r.states(), r.transitions(),
        r.millis(), v);
  }

  /**
   * The results-file key: class, arch, kernel and faults; it does not depend on the
   * sweep bounds, so a file can be shared between sweeps of different bounds.
   */
  public String key() {
    return key(classKey, arch, kernel, faults);
  }

  /**
   * The results-file key of a check; the kernel appears by its {@link Kernel#label()}, so
   * keys of presets are those of older files.
   */
  public static String key(String classKey, Arch arch, Kernel kernel, Set<Fault> faults) {
    String f = faults.stream().map(Fault::specName).sorted().collect(Collectors.joining(","));
    return classKey + "|" + arch.specName() + "|" + kernel.label() + "|faults=" + f;
  }

  /** The verdict word of {@code property} ({@code violated} without the length). */
  public Verdict verdict(String property) {
    return verdictOf(verdicts.get(property));
  }

  /** The verdict word of a results-file verdict text; unknown if absent. */
  static Verdict verdictOf(String v) {
    if (v == null) {
      return Verdict.UNKNOWN;
    }
    return v.startsWith("violated") ? Verdict.VIOLATED
        : Verdict.fromSpecName(v).orElse(Verdict.UNKNOWN);
  }

  /** The shortest counterexample length of a violated property, else -1. */
  public int length(String property) {
    String v = verdicts.get(property);
    return v != null && v.startsWith("violated@")
        ? Integer.parseInt(v.substring("violated@".length())) : -1;
  }

  /** Properties in model order. */
  public List<String> properties() {
    return List.copyOf(verdicts.keySet());
  }
}
