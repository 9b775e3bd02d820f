package org.hotplugchecker.model.spec;

import java.util.OptionalInt;

/**
 * What a spec expects of one property: {@code holds}, {@code vacuous}, {@code violated},
 * or {@code violated@K} (violated with a shortest counterexample of exactly K steps).
 *
 * @param verdict {@code holds}, {@code violated} or {@code vacuous}
 * @param length the expected counterexample length, when pinned
 */
public record Expectation(String verdict, OptionalInt length) {
  /** Parses the spec notation, or returns null when it is not one. */
  public static Expectation parse(String text) {
    if (text.equals("holds") || text.equals("violated") || text.equals("vacuous")) {
      return new Expectation(text, OptionalInt.empty());
    }
    if (text.startsWith("violated@")) {
      try {
        int k = Integer.parseInt(text.substring("violated@".length()));
        return k >= 0 ? new Expectation("violated", OptionalInt.of(k)) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Whether a result with {@code verdict} and counterexample {@code length} meets this. */
  public boolean isMetBy(String actualVerdict, int actualLength) {
    return verdict.equals(actualVerdict)
        && (length.isEmpty() || length.getAsInt() == actualLength);
  }

  @Override
  public String toString() {
    return length.isPresent() ? verdict + "@" + length.getAsInt() : verdict;
  }
}
