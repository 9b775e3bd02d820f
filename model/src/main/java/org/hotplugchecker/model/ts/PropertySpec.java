package org.hotplugchecker.model.ts;

/**
 * A property of a transition system as engines see it.
 *
 * @param name stable identifier used in specs and reports
 * @param kind whether it is checked on states or on transitions
 * @param description one line of what it means, in the model's own terms
 */
public record PropertySpec(String name, Kind kind, String description) {

  /** How a property is checked. */
  public enum Kind {
    /** Checked in every reachable state. */
    INVARIANT,
    /** Checked on every transition it applies to; vacuous when it applies to none. */
    ACTION
  }
}
