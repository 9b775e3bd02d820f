package org.hotplugchecker.model.ts;

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
}
