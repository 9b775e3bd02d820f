package org.hotplugchecker.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything an engine run found.
 *
 * @param engine engine name, e.g. {@code explicit}
 * @param states distinct states explored (initial included)
 * @param transitions enabled action instances summed over explored states
 * @param depth deepest BFS level completed (the diameter when complete)
 * @param complete whether the whole reachable state space was explored
 * @param stopReason why exploration stopped early, empty when complete
 * @param resourceLimitHit whether it stopped on a memory or state limit (not on request)
 * @param properties one result per checked property, in reporting order
 * @param millis wall-clock time of the run
 * @param stats engine statistics for reports (name to number); the explicit engine gives
 *     {@code storeBytes}, {@code bytesPerState}, {@code workers}, {@code symmetry} (1 when
 *     {@code states} counts symmetry orbits, with {@code orbits} and
 *     {@code symmetryGroupOrder}), {@code fingerprintBits} (0 for exact storage) and, with
 *     fingerprints, {@code fingerprintCollisionProbability}
 */
public record CheckResult(String engine, long states, long transitions, int depth,
    boolean complete, Optional<String> stopReason, boolean resourceLimitHit, List<PropertyResult> properties,
    long millis, Map<String, Number> stats) {

  /** The result of the property named {@code name}. */
  public Optional<PropertyResult> property(String name) {
    return properties.stream().filter(p -> p.property().name().equals(name)).findFirst();
  }

  /** Whether {@link #states()} counts symmetry orbits rather than concrete states. */
  public boolean symmetryReduced() {
    return stats.getOrDefault("symmetry", 0).intValue() == 1;
  }

  /** The estimated chance that fingerprint storage missed a state, if fingerprints were used. */
  public OptionalDouble fingerprintCollisionProbability() {
    Number p = stats.get("fingerprintCollisionProbability");
    return p == null ? OptionalDouble.empty() : OptionalDouble.of(p.doubleValue());
  }

  /** Verdict by property name, in reporting order. */
  public Map<String, Verdict> verdicts() {
    Map<String, Verdict> m = new LinkedHashMap<>();
    properties.forEach(p -> m.put(p.property().name(), p.verdict()));
    return m;
  }
}
