package org.hotplugchecker.model.rules.symbolic;

/**
 * A rule, property or expression that the symbolic executor cannot turn into terms, with
 * the construct named. Never replaced by a default: an engine that gets this must not
 * check anything with a rule it could not translate.
 */
public final class UnsupportedRuleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The construct and why, e.g. {@code Count (only the boot program may use it)}. */
  public UnsupportedRuleException(String message) {
    super(message);
  }
}
