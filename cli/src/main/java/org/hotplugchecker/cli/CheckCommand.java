package org.hotplugchecker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;
import org.hotplugchecker.reports.RunStatus;
import org.hotplugchecker.reports.SpecFiles;
import org.hotplugchecker.reports.files.ReportFiles;
import org.hotplugchecker.reports.files.ReportWriter;
import org.hotplugchecker.reports.cli.JsonRenderer;
import org.hotplugchecker.reports.cli.TextRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code hotplug-checker check SPEC...}: checks every spec and prints verdicts and
 * counterexample traces. All specs are loaded first, so a bad spec stops the command
 * before anything is checked.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check spec files and print each property's verdict and, for every "
        + "violation, a shortest counterexample trace.",
        "Exit codes: 0 as expected, 1 violated or unexpected verdict, 2 bad command line or "
            + "spec, 3 incomplete (an expect: entry left undecided, a resource limit, "
            + "reports that cannot be written) or internal error."})
final class CheckCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    /** Verdicts and traces for people. */
    TEXT,
    /** One line per spec. */
    SUMMARY,
    /** One JSON object per spec, one per line (JSON Lines). */
    JSON
  }

  @picocli.CommandLine.Spec
  CommandSpec commandSpec;

  @Parameters(arity = "1..*", paramLabel = "SPEC",
      description = "Spec files (YAML or JSON), or directories searched for *.yaml, *.yml "
          + "and *.json.")
  List<Path> specArguments;

  @Mixin
  EngineOptions engine;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (default), summary (one line per spec) or json (one object per "
          + "spec and line).")
  Format format = Format.TEXT;

  @Option(names = "--property", paramLabel = "NAME",
      description = "Check only this property (repeatable); it must be one the spec checks.")
  List<String> propertyFilter = new ArrayList<>();

  @Option(names = "--progress", negatable = true,
      description = "Show progress on stderr for runs over a second (default: only when "
          + "stderr is a terminal).")
  Boolean progress;

  @Option(names = "--reports", paramLabel = "DIR",
      description = "Also write the report files (results.json, traces/*.itf.json, junit.xml, "
          + "matrix.md, index.html) into DIR, created if needed (default: no report files).")
  Path reportsDirectory;

  @Override
  public Integer call() {
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    String problem = engine.validate();
    if (problem != null) {
      throw new ParameterException(commandSpec.commandLine(), problem);
    }
    engine.workersWarning().ifPresent(err::println);
    List<String> only = List.copyOf(propertyFilter);
    List<Path> files = SpecFiles.defaults().expand(specArguments);
    if (files.isEmpty()) {
      throw new ParameterException(commandSpec.commandLine(),
          "no spec files (*.yaml, *.yml, *.json) in " + specArguments);
    }
    List<Spec> specs = loadAll(files, only, err);
    if (specs == null) {
      return ExitCode.USAGE;
    }
    if (reportsDirectory != null) {
      // Before any time is spent checking: a run whose reports cannot be written is lost.
      String unwritable = ReportsDirectory.problem(reportsDirectory);
      if (unwritable != null) {
        err.println("check: cannot write reports to " + reportsDirectory + ": " + unwritable);
        return ExitCode.INCOMPLETE;
      }
    }
    SpecChecker checker = new SpecChecker(engine);
    boolean terminal = ProgressPrinter.stderrIsTerminal();
    boolean showProgress = progress != null ? progress : terminal;
    Map<RunStatus, Integer> tally = new EnumMap<>(RunStatus.class);
    List<CheckRun> runs = new ArrayList<>();
    boolean first = true;
    for (Spec spec : specs) {
      checker.symmetryNote(spec).ifPresent(err::println);
      ProgressPrinter printer = new ProgressPrinter(err, terminal, spec.name());
      CheckRun run = checker.check(spec, showProgress ? printer : Progress.NONE);
      printer.finish();
      print(run, !first, out, err);
      first = false;
      tally.merge(run.status(), 1, Integer::sum);
      runs.add(run);
    }
    if (specs.size() > 1 && format != Format.JSON) {
      out.println((format == Format.TEXT ? "\n" : "") + specs.size() + " specs: "
          + tally.getOrDefault(RunStatus.PASSED, 0) + " passed, "
          + tally.getOrDefault(RunStatus.FAILED, 0) + " failed, "
          + tally.getOrDefault(RunStatus.INCOMPLETE, 0) + " incomplete");
    }
    out.flush();
    if (reportsDirectory != null && !writeReports(runs, err)) {
      return ExitCode.INCOMPLETE;
    }
    return ExitCode.of(CheckRun.status(runs));
  }

  /** Writes the report files; false (after one line on stderr) when that fails. */
  private boolean writeReports(List<CheckRun> runs, PrintWriter err) {
    try {
      ReportFiles files = new ReportWriter().write(reportsDirectory, runs);
      // stderr: stdout stays the chosen format only (one JSON object per line for json).
      err.println("reports: " + files.html());
      return true;
    } catch (IOException | java.io.UncheckedIOException e) {
      err.println("cannot write reports to " + reportsDirectory + ": " + e.getMessage());
      return false;
    }
  }

  /** Loads every spec, printing each error; null if any failed. */
  private List<Spec> loadAll(List<Path> files, List<String> only, PrintWriter err) {
    SpecLoader loader = new SpecLoader();
    List<Spec> specs = new ArrayList<>();
    boolean failed = false;
    for (Path file : files) {
      try {
        for (Spec spec : loader.loadAll(file)) {
          specs.add(restrict(spec, only));
        }
      } catch (SpecException e) {
        err.println(e.getMessage());
        failed = true;
      }
    }
    return failed ? null : specs;
  }

  /**
   * The spec checking only {@code only} (all of its properties when empty): built-in
   * properties or the spec's own invariants, by name.
   */
  private static Spec restrict(Spec spec, List<String> only) throws SpecException {
    if (only.isEmpty()) {
      return spec;
    }
    for (String p : only) {
      if (!spec.propertyNames().contains(p)) {
        boolean known = org.hotplugchecker.model.rules.HotplugRules.RULES.property(p).isPresent();
        throw new SpecException(spec.file(), 0, "", "--property " + p + ": "
            + (known ? "the spec does not check it" : "unknown property '" + p + "'")
            + " (it checks " + String.join(", ", spec.propertyNames()) + ")");
      }
    }
    List<org.hotplugchecker.model.rules.PropertyRule> kept = spec.properties().stream()
        .filter(p -> only.contains(p.name())).toList();
    return new Spec(spec.file(), spec.name(), spec.description(), spec.topology(), kept,
        spec.expect());
  }

  private void print(CheckRun run, boolean notFirst, PrintWriter out, PrintWriter err) {
    switch (format) {
      case TEXT -> {
        if (notFirst) {
          out.println();
        }
        out.print(new TextRenderer().render(run));
      }
      case SUMMARY -> out.println(new TextRenderer().summaryLine(run));
      case JSON -> out.println(new JsonRenderer().renderLine(run));
    }
    if (format != Format.TEXT) {
      for (PropertyOutcome o : run.outcomes()) {
        if (o.vacuousWithoutExpectation()) {
          err.println("warning: " + run.spec().name() + ": " + o.name()
              + " is vacuous (no reachable transition exercised it)");
        }
      }
    }
    out.flush();
  }
}
