package org.hotplugchecker.reports;

/**
 * How a check run ended, from the user's point of view. The order is by severity: when
 * several runs are combined, the most severe status wins.
 */
public enum RunStatus {
  /** Every verdict is as expected (without {@code expect:}: nothing is violated). */
  PASSED,
  /**
   * Nothing contradicts the expectations, but the run did not confirm them all: an
   * {@code expect:} entry's property is {@code unknown}, or a resource limit left some
   * property {@code unknown}.
   */
  INCOMPLETE,
  /** A property is violated without being expected to be, or a verdict differs from its expectation. */
  FAILED;

  /** The more severe of this and {@code other}. */
  public RunStatus worst(RunStatus other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** The lower-case name used in JSON. */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
