package org.hotplugchecker.reports.cli;

import java.util.List;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceStep;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.ts.VariableChange;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;

/**
 * The plain-text form of a check run, used by the terminal, the Maven build log and
 * junit.xml: a header, one line per property marked against the expectation, then every
 * counterexample step by step with its kernel call chain and only the variables it
 * changed.
 */
public final class TextRenderer {
  /** Marks in front of a property line. */
  static final String PASS = "\u2713";
  static final String FAIL = "\u2717";
  static final String WARN = "!";
  static final String UNDECIDED = "?";
  private static final int WIDTH = 100;

  /** The full report of one run, ending with a newline. */
  public String render(CheckRun run) {
    StringBuilder sb = new StringBuilder();
    sb.append(header(run)).append('\n');
    run.result().stopReason().ifPresent(r -> sb.append("  stopped early: ").append(r)
        .append('\n'));
    List<PropertyOutcome> outcomes = run.outcomes();
    int width = outcomes.stream().mapToInt(o -> o.name().length()).max().orElse(0);
    for (PropertyOutcome o : outcomes) {
      sb.append("  ").append(propertyLine(o, width)).append('\n');
    }
    List<String> undecided = run.undecidedExpectationLines();
    if (!undecided.isEmpty()) {
      sb.append("  incomplete: ").append(undecided.size())
          .append(undecided.size() == 1 ? " expectation was" : " expectations were")
          .append(" not decided, so not confirmed:\n");
      undecided.forEach(l -> sb.append("    ").append(l).append('\n'));
    }
    List<StateVariable> shownInitial = null;
    for (PropertyOutcome o : outcomes) {
      if (o.trace().isPresent()) {
        Trace t = o.trace().get();
        // Every trace starts from the boot state; show it once unless it differs.
        boolean showInitial = !t.initial().equals(shownInitial);
        appendTrace(sb, t, showInitial, run.spec().topology());
        shownInitial = t.initial();
      }
    }
    return sb.toString();
  }

  /** One line: {@code s1 (x86, v4.19): 19 states, 76 transitions, depth 7, 12 ms [explicit]}. */
  public String header(CheckRun run) {
    CheckResult r = run.result();
    Topology t = run.spec().topology();
    return run.spec().name() + " (" + t.arch().specName() + ", " + t.kernel().specName() + "): "
        + counts(r) + ", depth " + r.depth()
        + (r.complete() ? "" : " (incomplete)") + ", " + r.millis() + " ms [" + r.engine() + "]"
        + reductions(r);
  }

  /**
   * {@code 19 states, 76 transitions}; symbolic engines count no states and say so
   * ({@code no state count (symbolic)}); symmetry counts orbits.
   */
  private static String counts(CheckResult r) {
    if (r.states() < 0) {
      return "no state count (symbolic)";
    }
    return r.states() + (r.symmetryReduced() ? " orbits" : " states") + ", "
        + r.transitions() + " transitions";
  }

  /** What a reduction changed: symmetry orbits, fingerprint collision estimate. */
  private static String reductions(CheckResult r) {
    StringBuilder sb = new StringBuilder();
    if (r.symmetryReduced()) {
      sb.append(", symmetry group order ")
          .append(r.stats().getOrDefault("symmetryGroupOrder", 1));
    }
    r.fingerprintCollisionProbability().ifPresent(p -> sb.append(", ")
        .append(r.stats().getOrDefault("fingerprintBits", 0))
        .append("-bit fingerprints: collision probability ")
        .append(String.format(java.util.Locale.ROOT, "%.1e", p)));
    return sb.toString();
  }

  /**
   * A one-line verdict of the whole run, for long lists of specs:
   * {@code ✓ s1-x86-v4.19: 9 properties as expected (19 states, 76 transitions, 3 ms)}.
   */
  public String summaryLine(CheckRun run) {
    List<PropertyOutcome> outcomes = run.outcomes();
    long failed = outcomes.stream().filter(PropertyOutcome::failed).count();
    long undecided = outcomes.stream().filter(o -> !o.decided()).count();
    StringBuilder sb = new StringBuilder();
    sb.append(failed > 0 ? FAIL : undecided > 0 ? UNDECIDED : PASS).append(' ')
        .append(run.spec().name()).append(": ");
    if (failed > 0) {
      sb.append(failed).append(" of ").append(outcomes.size()).append(" unexpected (");
      String sep = "";
      for (PropertyOutcome o : outcomes) {
        if (o.failed()) {
          sb.append(sep).append(o.name()).append(' ').append(o.notation())
              .append(o.expected().map(e -> " expected " + e).orElse(""));
          sep = ", ";
        }
      }
      sb.append(')');
    } else {
      sb.append(outcomes.size() - undecided).append(" of ").append(outcomes.size())
          .append(run.hasExpectations() ? " as expected" : " without violation");
      if (undecided > 0) {
        sb.append(", ").append(undecided).append(" unknown");
      }
      List<PropertyOutcome> notConfirmed = run.undecidedExpectations();
      if (!notConfirmed.isEmpty()) {
        sb.append(" (expected but undecided: ").append(String.join(", ", notConfirmed.stream()
            .map(o -> o.name() + " " + o.expectedText()).toList())).append(')');
      }
    }
    CheckResult r = run.result();
    return sb.append(" [").append(counts(r)).append(", ").append(r.millis()).append(" ms]")
        .toString();
  }

  /** {@code ✓ no_oops   violated (5 steps)   as expected}; names padded to {@code width}. */
  public String propertyLine(PropertyOutcome o, int width) {
    String mark = o.ok().map(ok -> ok ? (o.vacuousWithoutExpectation() ? WARN : PASS) : FAIL)
        .orElse(UNDECIDED);
    StringBuilder sb = new StringBuilder(mark).append(' ');
    String verdict = verdictText(o);
    // "violated (initial state)" is wider than the column: keep a space before what follows
    sb.append(pad(o.name(), width)).append("  ").append(pad(verdict, 22))
        .append(verdict.length() >= 22 ? " " : "");
    if (o.expected().isPresent()) {
      String expected = o.expected().get().toString();
      sb.append(o.ok().map(ok -> ok ? "as expected" : "expected " + expected)
          .orElse("expected " + expected));
    } else if (o.vacuousWithoutExpectation()) {
      sb.append("warning: never exercised, so it says nothing");
    }
    if (!o.decided() && !o.detail().isEmpty()) {
      sb.append(o.expected().isPresent() ? "; " : "").append(o.detail());
    }
    return sb.toString().stripTrailing();
  }

  /** {@code holds}, {@code violated (5 steps)}, {@code violated (initial state)}, ... */
  public static String verdictText(PropertyOutcome o) {
    if (o.verdict() != Verdict.VIOLATED) {
      return o.verdict().specName();
    }
    if (o.length() == 0) {
      return "violated (initial state)";
    }
    return "violated (" + o.length() + (o.length() == 1 ? " step)" : " steps)");
  }

  /**
   * One counterexample on its own, exactly as {@link #render} prints it (boot state in
   * full); junit.xml carries it too.
   */
  public String trace(Trace t) {
    return trace(t, null);
  }

  /**
   * One counterexample on {@code topology}'s machine, exactly as {@link #render} prints it:
   * the boot state grouped by node; flat when {@code topology} is null.
   */
  public String trace(Trace t, Topology topology) {
    StringBuilder sb = new StringBuilder();
    appendTrace(sb, t, true, topology);
    return sb.substring(1); // appendTrace separates traces with a leading blank line
  }

  /**
   * A counterexample on one line, for one-line failure messages: the first {@code head}
   * steps and always the last one (the step that violates the property), each as
   * {@link #render} heads it, e.g. {@code 1. a → b; 2. c; 3. d; ...; 5. e: f → oops (5 steps)}.
   */
  public static String oneLine(Trace trace, int head) {
    if (trace.steps().isEmpty()) {
      return "the boot state already violates it";
    }
    List<TraceStep> steps = trace.steps();
    java.util.function.Function<TraceStep, String> text = s -> s.number() + ". "
        + stepHeadline(s);
    if (steps.size() <= head + 1) {
      return steps.stream().map(text).collect(java.util.stream.Collectors.joining("; "));
    }
    return steps.stream().limit(head).map(text)
        .collect(java.util.stream.Collectors.joining("; "))
        + "; ...; " + text.apply(steps.get(steps.size() - 1)) + " (" + trace.length()
        + " steps)";
  }

  private void appendTrace(StringBuilder sb, Trace t, boolean showInitial, Topology topology) {
    sb.append('\n').append("  ").append(t.property()).append(" is violated ");
    sb.append(t.length() == 0 ? "in the initial state:" : "after " + t.length()
        + (t.length() == 1 ? " step:" : " steps:")).append('\n');
    if (showInitial) {
      if (topology == null) {
        appendWrapped(sb, "     initial: ", t.initial().stream().map(TextRenderer::assignment)
            .toList());
      } else {
        String first = "     initial: ";
        List<String> lines = InitialState.lines(t.initial(), topology);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          int nest = line.length() - line.stripLeading().length();
          appendWrapped(sb, (i == 0 ? first : " ".repeat(first.length())) + line.substring(0,
              nest), List.of(line.stripLeading().split(" ")), first.length() + nest + 2);
        }
      }
    } else {
      sb.append("     initial: the same boot state").append('\n');
    }
    int numberWidth = String.valueOf(t.length()).length();
    for (TraceStep s : t.steps()) {
      String number = pad(String.valueOf(s.number()), numberWidth);
      sb.append("  ").append(number).append(". ").append(stepHeadline(s)).append('\n');
      String indent = " ".repeat(4 + numberWidth + 2);
      for (VariableChange c : s.changes()) {
        sb.append(indent).append(c.render()).append('\n');
      }
      if (s.changes().isEmpty()) {
        sb.append(indent).append("(no variable changed)").append('\n');
      }
    }
  }

  /**
   * The call chain joined with arrows; prefixed with the action label when the chain does
   * not start with it.
   */
  static String stepHeadline(TraceStep s) {
    if (s.callChain().isEmpty()) {
      return s.action();
    }
    if (s.callChain().get(0).equals(s.action())) {
      return s.chainText();
    }
    return s.action() + ": " + s.chainText();
  }

  private static String assignment(StateVariable v) {
    return v.name() + "=" + v.render();
  }

  private static void appendWrapped(StringBuilder sb, String first, List<String> items) {
    appendWrapped(sb, first, items, first.length());
  }

  private static void appendWrapped(StringBuilder sb, String first, List<String> items,
      int continuation) {
    String indent = " ".repeat(continuation);
    StringBuilder line = new StringBuilder(first);
    boolean empty = true;
    for (String item : items) {
      if (!empty && line.length() + 1 + item.length() > WIDTH) {
        sb.append(line).append('\n');
        line = new StringBuilder(indent);
        empty = true;
      }
      if (!empty) {
        line.append(' ');
      }
      line.append(item);
      empty = false;
    }
    sb.append(line).append('\n');
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
