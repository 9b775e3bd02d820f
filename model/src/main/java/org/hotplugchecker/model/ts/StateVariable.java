package org.hotplugchecker.model.ts;

import java.util.Objects;

/**
 * One named state variable and its value, as traces show it.
 *
 * @param name kernel-flavoured name, e.g. {@code cpu_to_node(1)}
 * @param value either a {@link Boolean} or an {@link Integer} (node index, -1 for none)
 */
public record StateVariable(String name, Object value) {
  /** The value as a trace prints it. */
  public String render() {
    return String.valueOf(value);
  }

  // Written out: a record's generated equals and hashCode bootstrap method handles on first
  // use, 30 classes spun in 20 ms of every text check that prints a trace (traces are
  // compared to show the boot state once).
  @Override
  public boolean equals(Object o) {
    return o instanceof StateVariable v && name.equals(v.name) && Objects.equals(value, v.value);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Objects.hashCode(value);
  }
}
