package org.hotplugchecker.checker.export;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one pan run printed, read off its report.
 *
 * @param stored "states, stored": distinct states (ours, for an export)
 * @param matched "states, matched" (our transitions + 1, for an export)
 * @param depth "depth reached"
 * @param errors the number of errors pan counted
 * @param violated each failed assertion's name (e.g. {@code ok_no_oops}) with the depth of
 *     its first report
 * @param complete false when pan says its search was cut short (depth or memory)
 * @param problem pan's words for why it is incomplete, if it is
 * @param output the whole report
 */
public record SpinResult(long stored, long matched, long depth, long errors,
    Map<String, Long> violated, boolean complete, Optional<String> problem, String output) {

  private static final Pattern STORED = Pattern.compile("(\\d+) states, stored");
  private static final Pattern MATCHED = Pattern.compile("(\\d+) states, matched");
  private static final Pattern VECTOR =
      Pattern.compile("depth reached (\\d+), errors: (\\d+)");
  private static final Pattern ASSERTION =
      Pattern.compile("pan:\\d+: assertion violated (\\S+) \\(at depth (\\d+)\\)");
  private static final Pattern REDUCED = Pattern.compile("pan: reducing search depth to (\\d+)");
  private static final Pattern[] INCOMPLETE = {
      Pattern.compile("error: max search depth too small"),
      Pattern.compile("Search not completed"),
      Pattern.compile("pan: out of memory"),
      Pattern.compile("reached -DMEMLIM bound")};

  /**
   * Reads pan's report.
   *
   * @throws IllegalArgumentException if it has no state counts (pan did not finish)
   */
  public static SpinResult parse(String output) {
    Matcher stored = STORED.matcher(output);
    Matcher matched = MATCHED.matcher(output);
    Matcher vector = VECTOR.matcher(output);
    if (!stored.find() || !matched.find() || !vector.find()) {
      throw new IllegalArgumentException("pan printed no state counts:\n" + output);
    }
    Map<String, Long> violated = new java.util.LinkedHashMap<>();
    Matcher a = ASSERTION.matcher(output);
    while (a.find()) {
      violated.putIfAbsent(a.group(1), Long.parseLong(a.group(2)));
    }
    Optional<String> problem = Optional.empty();
    for (Pattern p : INCOMPLETE) {
      Matcher m = p.matcher(output);
      if (m.find()) {
        problem = Optional.of(m.group());
        break;
      }
    }
    return new SpinResult(Long.parseLong(stored.group(1)), Long.parseLong(matched.group(1)),
        Long.parseLong(vector.group(1)), Long.parseLong(vector.group(2)), Map.copyOf(violated),
        problem.isEmpty(), problem, output);
  }

  /**
   * The depth of the shortest failure a {@code pan -i} run found: pan lowers its depth bound
   * to one more than each failure's depth ("reducing search depth to N"), so the last
   * bound, less one. Empty when the run found no failure.
   */
  public static OptionalLong iterativeShortest(String output) {
    Matcher m = REDUCED.matcher(output);
    long last = -1;
    while (m.find()) {
      last = Long.parseLong(m.group(1));
    }
    return last < 0 ? OptionalLong.empty() : OptionalLong.of(last - 1);
  }

  /**
   * Whether pan reported the vacuity probe of action property {@code name} as failed (an
   * export with {@link PromelaExporter.Assertions#NO_STEP_JUDGED}): some step is judged.
   */
  public boolean judges(String name) {
    return violated.containsKey(Identifiers.promela("unjudged_" + name));
  }

  /** Whether pan reported property {@code name}'s assertion as failed. */
  public boolean violates(String name) {
    return violated.containsKey(Identifiers.promela("ok_" + name));
  }
}
