package org.hotplugchecker.reports.files;

import java.util.List;
import java.util.Map;

/**
 * An ITF trace as read back: metadata, the variable names and the states.
 *
 * @param meta the top-level {@code #meta} object, decoded
 * @param vars the variable names, in file order
 * @param states the states, in file order
 */
public record ItfTrace(Map<String, Object> meta, List<String> vars, List<State> states) {

  /**
   * One state.
   *
   * @param meta the state's {@code #meta} object, decoded (empty when absent)
   * @param values each variable's decoded value: {@link Boolean}, {@link Long},
   *     {@link java.math.BigInteger}, {@link String}, {@link List} (tuples and lists),
   *     {@link java.util.Set}, {@link Map} (maps and records)
   */
  public record State(Map<String, Object> meta, Map<String, Object> values) {}
}
