package org.hotplugchecker.reports;

import java.util.Optional;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.model.spec.Expectation;

/**
 * One property of a check run, judged against the spec's expectation.
 *
 * <p>Judging rules: with an expectation, a decided verdict must meet it (verdict and,
 * when pinned, counterexample length); without one, {@code violated} fails while
 * {@code holds} and {@code vacuous} pass ({@code vacuous} deserves a warning, see
 * {@link #vacuousWithoutExpectation()}). An {@code unknown} verdict is neither as expected
 * nor against it: when the spec expects something of the property, the expectation was
 * not confirmed and the run is {@link RunStatus#INCOMPLETE} ({@link #undecidedExpectation});
 * without an expectation the run decides whether it was a resource problem
 * ({@link RunStatus#INCOMPLETE}) or a requested early stop (not held against the run).
 *
 * @param name the property's spec name
 * @param verdict the engine's verdict
 * @param length steps of the shortest counterexample, -1 when not violated
 * @param detail the engine's qualification of the verdict, may be empty
 * @param expected the spec's expectation, if it has one for this property
 * @param trace the explained counterexample, present iff violated
 */
public record PropertyOutcome(String name, Verdict verdict, int length, String detail,
    Optional<Expectation> expected, Optional<Trace> trace) {

  /** Whether the verdict is decided (anything but {@code unknown}). */
  public boolean decided() {
    return verdict != Verdict.UNKNOWN;
  }

  /**
   * Whether this outcome is acceptable: empty when undecided, else true when it meets the
   * expectation (or, without one, when it is not a violation).
   */
  public Optional<Boolean> ok() {
    if (!decided()) {
      return Optional.empty();
    }
    return Optional.of(expected.map(e -> e.isMetBy(verdict.specName(), length))
        .orElse(verdict != Verdict.VIOLATED));
  }

  /**
   * Whether the spec expects something of this property but the run did not decide it
   * (e.g. {@code kind} could not prove it, {@code bmc} stopped below the expected length,
   * {@code --stop-at-first} or a limit stopped the search): the expectation was not
   * confirmed, so it must not pass.
   */
  public boolean undecidedExpectation() {
    return expected.isPresent() && !decided();
  }

  /** Whether this outcome definitely contradicts what is expected. */
  public boolean failed() {
    return ok().map(ok -> !ok).orElse(false);
  }

  /** Whether this is a vacuous verdict nobody asked for: it passes, but says nothing. */
  public boolean vacuousWithoutExpectation() {
    return verdict == Verdict.VACUOUS && expected.isEmpty();
  }

  /** What was expected, as the spec writes it; {@code holds or vacuous} without an expectation. */
  public String expectedText() {
    return expected.map(Expectation::toString).orElse("holds or vacuous");
  }

  /** The verdict in spec notation: {@code violated@5}, {@code holds}, ... */
  public String notation() {
    return verdict == Verdict.VIOLATED ? "violated@" + length : verdict.specName();
  }
}
