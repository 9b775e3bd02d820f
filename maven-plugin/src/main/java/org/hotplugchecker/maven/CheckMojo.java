package org.hotplugchecker.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.hotplugchecker.checker.EngineConfig;
import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;
import org.hotplugchecker.reports.SpecFiles;
import org.hotplugchecker.reports.cli.TextRenderer;
import org.hotplugchecker.reports.files.ReportFiles;
import org.hotplugchecker.reports.files.ReportWriter;

/**
 * Checks every hotplug spec of the project and writes the reports (results.json, ITF
 * traces, junit.xml, matrix.md, index.html). The build fails when a property is not
 * as its spec expects (a violation of a property with no expectation included), when a
 * resource limit leaves a property unknown, and when a spec file is invalid: the same
 * judgement as the command line's exit code ({@link CheckRun#status}).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractMojo {

  /** Directory searched for spec files. */
  @Parameter(property = "hotplug.specDirectory", defaultValue = "${project.basedir}/src/hotplug")
  private File specDirectory;

  /** Spec files to check, Ant patterns relative to {@code specDirectory}. */
  @Parameter
  private List<String> includes;

  /**
   * Spec files to leave out, Ant patterns relative to {@code specDirectory} (default:
   * anything under a {@code target} or hidden directory).
   */
  @Parameter
  private List<String> excludes;

  /** Threads of the engine; results do not depend on it. */
  @Parameter(property = "hotplug.workers", defaultValue = "1")
  private int workers;

  /**
   * The engine: {@code explicit} (exhaustive breadth-first search), {@code bmc} (bounded
   * search up to {@code depth}) or {@code kind} (k-induction up to k = {@code depth}).
   */
  @Parameter(property = "hotplug.engine", defaultValue = "explicit")
  private String engine;

  /** bmc: search bound; kind: largest k; 0 takes the engine's default (bmc 20, kind 3). */
  @Parameter(property = "hotplug.depth", defaultValue = "0")
  private int depth;

  /** explicit: explore symmetry orbits instead of states. */
  @Parameter(property = "hotplug.symmetry", defaultValue = "false")
  private boolean symmetry;

  /** explicit: 0 for exact state storage, 64 or 128 for state fingerprints. */
  @Parameter(property = "hotplug.fingerprintBits", defaultValue = "0")
  private int fingerprintBits;

  /** Where the reports go. */
  @Parameter(property = "hotplug.reportsDirectory",
      defaultValue = "${project.build.directory}/hotplug-reports")
  private File reportsDirectory;

  /** Fail the build when a property is not as expected; otherwise only warn. */
  @Parameter(property = "hotplug.failOnViolation", defaultValue = "true")
  private boolean failOnViolation;

  /** Skips the check. */
  @Parameter(property = "hotplug.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("hotplug check skipped");
      return;
    }
    EngineConfig eng;
    try {
      eng = Engines.of(engine, workers, depth, symmetry, fingerprintBits);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage());
    }
    Path dir = specDirectory.toPath();
    if (!Files.isDirectory(dir)) {
      getLog().warn("no spec directory " + dir + ", nothing to check");
      return;
    }
    List<Path> files = findSpecs(dir);
    if (files.isEmpty()) {
      getLog().warn("no spec files in " + dir + " match " + patterns(includes, SpecFiles.DEFAULT_INCLUDES));
      return;
    }
    // Load everything first: a bad spec fails the build before any time is spent checking.
    List<Spec> specs = new ArrayList<>();
    SpecLoader loader = new SpecLoader();
    for (Path f : files) {
      try {
        specs.addAll(loader.loadAll(f));
      } catch (SpecException e) {
        throw new MojoFailureException(e.getMessage());
      }
    }
    getLog().info("checking " + specs.size() + " hotplug spec(s)"
        + (specs.size() == files.size() ? "" : " from " + files.size() + " file(s)")
        + " with the " + engine + " engine");
    List<CheckRun> runs = new ArrayList<>();
    TextRenderer text = new TextRenderer();
    for (Spec spec : specs) {
      CheckRun run = CheckRun.check(spec, ts -> eng.run(ts, Progress.NONE));
      runs.add(run);
      log(run, text);
    }
    ReportFiles reports;
    try {
      reports = new ReportWriter().write(reportsDirectory.toPath(), runs);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write reports to " + reportsDirectory + ": "
          + e.getMessage(), e);
    }
    getLog().info("reports: " + reports.html());
    String failure = BuildVerdict.failureMessage(runs, "reports: " + reports.html());
    if (failure.isEmpty()) {
      return;
    }
    if (failOnViolation) {
      throw new MojoFailureException(failure);
    }
    getLog().warn(failure);
  }

  /**
   * The command line's text lines: a header, one marked line per property, the
   * expectations left undecided, then the full trace of every result that is not as
   * expected, as {@code hotplug-checker check} prints it.
   */
  private void log(CheckRun run, TextRenderer text) {
    getLog().info(text.header(run));
    List<PropertyOutcome> outcomes = run.outcomes();
    int width = outcomes.stream().mapToInt(o -> o.name().length()).max().orElse(0);
    for (PropertyOutcome o : outcomes) {
      String line = "  " + text.propertyLine(o, width);
      if (o.failed()) {
        getLog().error(line);
      } else if (o.vacuousWithoutExpectation() || !o.decided()) {
        getLog().warn(line);
      } else {
        getLog().info(line);
      }
    }
    for (String line : run.undecidedExpectationLines()) {
      getLog().warn("  not decided: " + line);
    }
    for (PropertyOutcome o : run.failures()) {
      o.trace().ifPresent(t -> text.trace(t, run.spec().topology()).lines().forEach(l -> getLog().error(l)));
    }
  }

  private List<Path> findSpecs(Path dir) throws MojoExecutionException {
    try {
      return new SpecFiles(patterns(includes, SpecFiles.DEFAULT_INCLUDES),
          patterns(excludes, SpecFiles.DEFAULT_EXCLUDES))
          .scan(dir);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list spec files in " + dir + ": "
          + e.getMessage(), e);
    }
  }

  private static List<String> patterns(List<String> configured, List<String> defaults) {
    return configured == null || configured.isEmpty() ? defaults : configured;
  }
}
