package org.hotplugchecker.model.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.topology.Topology;

/**
 * A parsed, validated spec file.
 *
 * @param file where it was read from
 * @param name the spec's {@code name:}, or the file name without extension
 * @param description the optional {@code description:}, empty if absent
 * @param topology the machine shape and kernel behaviour
 * @param properties the properties to check (all, when the spec names none), in model order
 * @param expect expected outcome per property name; properties not listed have no expectation
 */
public record Spec(Path file, String name, String description, Topology topology,
    List<HotplugProperty> properties, Map<String, Expectation> expect) {}
