package org.hotplugchecker.checker;

import java.util.Arrays;
import java.util.Optional;

/** The outcome of checking one property. */
public enum Verdict {
  /** No reachable state or checked transition violates it. */
  HOLDS("holds"),
  /** A reachable state or transition violates it; a shortest counterexample exists. */
  VIOLATED("violated"),
  /** An action property that no reachable transition exercised. */
  VACUOUS("vacuous"),
  /** The engine could not decide (bounded search, stopped early, resource limit). */
  UNKNOWN("unknown");

  private final String specName;

  Verdict(String specName) {
    this.specName = specName;
  }

  /** The name used in specs ({@code expect:}) and reports. */
  public String specName() {
    return specName;
  }

  /** Looks a verdict up by its spec name. */
  public static Optional<Verdict> fromSpecName(String name) {
    return Arrays.stream(values()).filter(v -> v.specName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return specName;
  }
}
