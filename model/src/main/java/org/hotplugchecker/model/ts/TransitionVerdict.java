package org.hotplugchecker.model.ts;

/** Outcome of an action property on one transition. */
public enum TransitionVerdict {
  /** The property does not constrain this transition. */
  NOT_APPLICABLE,
  /** The property was checked on this transition and holds. */
  HOLDS,
  /** The property was checked on this transition and is violated. */
  VIOLATED
}
