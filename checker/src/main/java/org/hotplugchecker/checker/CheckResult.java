package org.hotplugchecker.checker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * @param stats engine statistics for reports (name to number)
 */
public record CheckResult(String engine, long states, long transitions, int depth,
    boolean complete, Optional<String> stopReason, boolean resourceLimitHit, List<PropertyResult> properties,
    long millis, Map<String, Number> stats) {

  /** The result of the property named {@code name}. */
  public Optional<PropertyResult> property(String name) {
    return properties.stream().filter(p -> p.property().name().equals(name)).findFirst();
  }

  /** Verdict by property name, in reporting order. */
  public Map<String, Verdict> verdicts() {
    Map<String, Verdict> m = new LinkedHashMap<>();
    properties.forEach(p -> m.put(p.property().name(), p.verdict()));
    return m;
  }
}
