package org.hotplugchecker.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hotplugchecker.checker.export.ExportException;
import org.hotplugchecker.checker.export.ExportFormat;
import org.hotplugchecker.checker.export.ModelExport;
import org.hotplugchecker.checker.export.PromelaExporter;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code hotplug-checker export --to promela|tla SPEC}: writes the spec's model (topology,
 * kernel, properties) in another model checker's language, generated from the rule table,
 * so that SPIN or TLC can cross-check a verdict.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write a spec's model as Promela (for SPIN) or as a TLA+ module and its "
        + "TLC configuration, generated from the rule table (see README 'Exporting to SPIN "
        + "and TLA+').",
        "Exit codes: 0 written, 2 bad command line or spec (or a rule the language cannot "
            + "express), 3 the files could not be written."})
final class ExportCommand implements Callable<Integer> {
  /** The languages, as {@code --to} spells them. */
  enum Target {
    promela(ExportFormat.PROMELA), tla(ExportFormat.TLA);

    final ExportFormat format;

    Target(ExportFormat format) {
      this.format = format;
    }
  }

  @picocli.CommandLine.Spec
  CommandSpec commandSpec;

  @Option(names = "--to", required = true, paramLabel = "LANG",
      description = "promela (one file NAME.pml) or tla (NAME.tla and NAME.cfg).")
  Target to;

  @Parameters(arity = "1", paramLabel = "SPEC", description = "The spec file (YAML or JSON).")
  Path specFile;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "Write the files into DIR (created if needed) and print their paths on "
          + "stderr; NAME is the spec's name as an identifier. Default: standard output (for "
          + "tla, the module and then its .cfg, after the module's closing line).")
  Path outputDir;

  @Option(names = "--property", paramLabel = "NAME",
      description = "Export only this property (repeatable); it must be one the spec checks.")
  List<String> propertyFilter = new ArrayList<>();

  /** The Promela assertions' shape: at most one of the two. */
  static final class PromelaAssertions {
    @Option(names = "--shortest-trail",
        description = "Promela only: fail a property's assertion in every state that violates "
            + "it, not only at its first failure, so that pan -i (compiled with -DREACH) "
            + "finds a shortest trail; with one --property, that property's shortest "
            + "counterexample.")
    boolean shortestTrail;

    @Option(names = "--vacuity",
        description = "Promela only: a vacuity probe instead of the properties. For each "
            + "action property it asserts that no step is judged: pan -c0 failing "
            + "unjudged_NAME shows the property exercised, and none failing after the whole "
            + "search shows it vacuous (which its own assertion cannot tell from holding).")
    boolean vacuity;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  PromelaAssertions promelaAssertions;

  @Override
  public Integer call() {
    PromelaExporter.Assertions assertions = assertions();
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    List<Spec> specs;
    try {
      specs = new SpecLoader().loadAll(specFile);
    } catch (SpecException e) {
      err.println(e.getMessage());
      return ExitCode.USAGE;
    }
    List<ModelExport.File> files = new ArrayList<>();
    for (Spec spec : specs) { // one model per kernel and arch the spec lists
      try {
        files.addAll(ModelExport.export(HotplugModel.checking(spec.topology(),
            properties(spec)).machine(), to.format, spec.name(), assertions));
      } catch (ExportException e) {
        err.println(specFile + ": cannot export to " + to + ": " + e.getMessage());
        return ExitCode.USAGE;
      }
    }
    if (outputDir == null) {
      files.forEach(f -> out.print(f.text()));
      out.flush();
      return ExitCode.OK;
    }
    try {
      Files.createDirectories(outputDir);
      for (ModelExport.File f : files) {
        Path target = outputDir.resolve(f.name());
        Files.writeString(target, f.text(), StandardCharsets.UTF_8);
        err.println("wrote " + target);
      }
    } catch (IOException e) {
      err.println("cannot write to " + outputDir + ": " + e.getMessage());
      return ExitCode.INCOMPLETE;
    }
    return ExitCode.OK;
  }

  /** What the Promela model asserts, from --shortest-trail or --vacuity. */
  private PromelaExporter.Assertions assertions() {
    if (promelaAssertions == null) {
      return PromelaExporter.Assertions.FIRST_FAILURE;
    }
    String option = promelaAssertions.shortestTrail ? "--shortest-trail" : "--vacuity";
    if (to != Target.promela) {
      throw new ParameterException(commandSpec.commandLine(), option
          + " applies to --to promela only (it shapes pan's assertions)");
    }
    return promelaAssertions.shortestTrail ? PromelaExporter.Assertions.EVERY_FAILURE
        : PromelaExporter.Assertions.NO_STEP_JUDGED;
  }

  /** The spec's properties (built-in ones and its own invariants), or those named. */
  private List<PropertyRule> properties(Spec spec) {
    for (String name : propertyFilter) {
      if (!spec.propertyNames().contains(name)) {
        throw new ParameterException(commandSpec.commandLine(), "--property " + name
            + ": the spec does not check it (it checks " + String.join(", ",
                spec.propertyNames()) + ")");
      }
    }
    return spec.properties().stream()
        .filter(p -> propertyFilter.isEmpty() || propertyFilter.contains(p.name())).toList();
  }
}
