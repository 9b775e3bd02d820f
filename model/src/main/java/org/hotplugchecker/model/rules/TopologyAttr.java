package org.hotplugchecker.model.rules;

import java.util.List;

/**
 * A fact of the topology that expressions may read: constant for a whole check
 * ({@code cpu.home}, {@code mem.hotplug}, {@code distance}, ...).
 *
 * @param name the name expressions use, e.g. {@code cpu.home}
 * @param indices the domains of its indices, in order (one, or two for {@code distance})
 * @param type its type ({@link Type#INT} for node indices and distances)
 */
public record TopologyAttr(String name, List<Domain> indices, Type type) {
  /** An attribute; {@code indices} is copied. */
  public TopologyAttr {
    indices = List.copyOf(indices);
  }

  @Override
  public String toString() {
    return name;
  }
}
