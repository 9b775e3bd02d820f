package org.hotplugchecker.model.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.topology.Topology;

/**
 * A parsed, validated spec file.
 *
 * @param file where it was read from
 * @param name the spec's {@code name:}, or the file name without extension
 * @param description the optional {@code description:}, empty if absent
 * @param topology the machine shape and kernel behaviour
 * @param properties the properties to check: the built-in ones in model order, then the
 *     spec's own invariants in file order (all, when the spec names none)
 * @param expect expected outcome per property name; properties not listed have no expectation
 */
public record Spec(Path file, String name, String description, Topology topology,
    List<PropertyRule> properties, Map<String, Expectation> expect) {

  /** The names of the checked properties, in order. */
  public List<String> propertyNames() {
    return properties.stream().map(PropertyRule::name).toList();
  }
}
