package org.hotplugchecker.reports.files;

import java.util.Optional;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.spec.Expectation;

/**
 * A property's verdict judged against what its spec expects.
 *
 * <p>With an expectation, the result must meet it ({@code violated@4} needs a shortest
 * counterexample of exactly 4 steps). Without one, only {@code holds} and
 * {@code vacuous} are acceptable: an unexpected violation or an undecided property
 * ({@code unknown}) is never silently fine.
 *
 * @param property the property name
 * @param verdict what the engine found
 * @param length the counterexample length, -1 when there is none
 * @param expected what the spec expects, if anything
 * @param asExpected whether the verdict is acceptable
 */
public record Outcome(String property, Verdict verdict, int length,
    Optional<Expectation> expected, boolean asExpected) {

  /** Judges {@code result} against {@code expected}. */
  public static Outcome of(PropertyResult result, Optional<Expectation> expected) {
    Verdict v = result.verdict();
    int length = result.length();
    boolean ok = expected
        .map(e -> e.isMetBy(v.specName(), length))
        .orElse(v == Verdict.HOLDS || v == Verdict.VACUOUS);
    return new Outcome(result.property().name(), v, length, expected, ok);
  }

  /** The verdict as reports print it: {@code holds}, {@code violated (4)}, ... */
  public String verdictText() {
    return verdict == Verdict.VIOLATED ? "violated (" + length + ")" : verdict.specName();
  }

  /** What was expected, as the spec writes it; {@code holds or vacuous} when nothing. */
  public String expectedText() {
    return expected.map(Expectation::toString).orElse("holds or vacuous");
  }
}
