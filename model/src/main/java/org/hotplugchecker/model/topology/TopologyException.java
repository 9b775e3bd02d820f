package org.hotplugchecker.model.topology;

/**
 * A topology that breaks a rule of the model. {@link #field()} names the offending
 * field as a spec path (e.g. {@code cpus[2].home}) so callers can point at it.
 */
public final class TopologyException extends IllegalArgumentException {
  private final String field;

  /** Creates an exception about {@code field}. */
  public TopologyException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The spec path of the offending field. */
  public String field() {
    return field;
  }
}
