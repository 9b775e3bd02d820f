package org.hotplugchecker.checker;

import java.util.Optional;
import org.hotplugchecker.model.ts.PropertySpec;

/**
 * The verdict of one property, with a shortest counterexample when violated.
 *
 * @param property what was checked
 * @param verdict the outcome
 * @param counterexample a shortest path to a violation, present iff violated
 * @param detail engine-specific qualification (e.g. {@code k-inductive, k=2}), may be empty
 */
public record PropertyResult(PropertySpec property, Verdict verdict,
    Optional<Counterexample> counterexample, String detail) {

  /** Length of the counterexample, or -1 when there is none. */
  public int length() {
    return counterexample.map(Counterexample::length).orElse(-1);
  }
}
