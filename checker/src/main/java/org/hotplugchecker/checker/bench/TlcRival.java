package org.hotplugchecker.checker.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugchecker.checker.export.TlaExporter;
import org.hotplugchecker.model.HotplugModel;

/**
 * TLC as a {@link Rival}: the TLA+ module and {@code .cfg} of {@code export --to tla}, then
 * {@code tlc2.TLC} with as many workers as ours, going on past violations so that its
 * count covers every reachable state. TLC is not on Maven Central: its class path (a
 * {@code tla2tools.jar}, or TLC's classes and jars) comes from {@code TLC_CLASSPATH} or
 * the system property {@code hotplug.tlc.classpath}.
 */
public final class TlcRival implements Rival {
  /** The JVM flags TLC runs with (its own scripts use the parallel collector). */
  static final List<String> JVM_FLAGS = List.of("-XX:+UseParallelGC");
  // The closing line; progress lines put a rate between the counts, so never match.
  private static final Pattern COUNTS = Pattern.compile(
      "(\\d+) states generated, (\\d+) distinct states found, (\\d+) states left on queue");

  private final String classpath;

  /** TLC on {@code classpath}, null or blank when none was given. */
  public TlcRival(String classpath) {
    this.classpath = classpath == null || classpath.isBlank() ? null : classpath;
  }

  /** TLC on the class path of {@code hotplug.tlc.classpath}, else of {@code TLC_CLASSPATH}. */
  public static TlcRival fromEnvironment() {
    return new TlcRival(System.getProperty("hotplug.tlc.classpath",
        System.getenv("TLC_CLASSPATH")));
  }

  @Override
  public String tool() {
    return "tlc";
  }

  @Override
  public String title() {
    return "TLC";
  }

  @Override
  public String invocation() {
    return "java " + String.join(" ", JVM_FLAGS) + " -cp TLC_CLASSPATH tlc2.TLC -workers W "
        + "-continue -nowarning on the TLA+ export";
  }

  @Override
  public String setupNote() {
    return "export";
  }

  @Override
  public String setupStep() {
    return "export";
  }

  @Override
  public String missing() {
    if (classpath == null) {
      return "no TLC class path: set TLC_CLASSPATH to tla2tools.jar (or TLC's classes and "
          + "jars)";
    }
    for (String entry : classpath.split(File.pathSeparator)) {
      // "dir/*" is the JVM's wildcard for every jar in dir
      String path = entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry;
      if (!path.isEmpty() && !Files.exists(Path.of(path))) {
        return "TLC_CLASSPATH names " + entry + ", which does not exist";
      }
    }
    return null;
  }

  @Override
  public Prepared prepare(HotplugModel model, String name, int workers, Path work)
      throws IOException {
    long t0 = System.nanoTime();
    TlaExporter tla = new TlaExporter(model.machine(), name);
    Path dir = Files.createDirectories(work.resolve("tlc"));
    Path module = dir.resolve(tla.moduleName() + ".tla");
    Path cfg = dir.resolve(tla.moduleName() + ".cfg");
    Files.writeString(module, tla.module(), StandardCharsets.UTF_8);
    Files.writeString(cfg, tla.config(), StandardCharsets.UTF_8);
    double secs = (System.nanoTime() - t0) / 1e9;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new Prepared() {
      private int runs;

      @Override
      public double setupSecs() {
        return secs;
      }

      @Override
      public int workers() {
        return workers;
      }

      @Override
      public Path directory() {
        return dir;
      }

      @Override
      public List<String> command(long ourStates) {
        // A fresh metadirectory per run: TLC keeps its fingerprints and queue there.
        String meta = dir.resolve("meta-" + runs++).toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(JVM_FLAGS);
        cmd.addAll(List.of("-cp", classpath, "tlc2.TLC", "-workers", Integer.toString(workers),
            "-continue", "-nowarning", "-metadir", meta, "-config", cfg.getFileName().toString(),
            module.getFileName().toString()));
        return cmd;
      }

      @Override
      public Result result(TimedRun run) {
        return read(run.output(), run.exitCode());
      }
    };
  }

  /** TLC's closing count in {@code output}, or why there is none. */
  static Result read(String output, int exitCode) {
    for (String line : output.lines().toList()) {
      if (line.startsWith("Error:") && !line.startsWith("Error: Invariant ")
          && !line.startsWith("Error: The behavior up to this point is:")) {
        return new Result(-1, "TLC: " + line.substring("Error:".length()).trim());
      }
    }
    Matcher m = COUNTS.matcher(output);
    long states = -1;
    long left = -1;
    while (m.find()) {
      states = Long.parseLong(m.group(2));
      left = Long.parseLong(m.group(3));
    }
    if (states < 0) {
      return new Result(-1, "TLC printed no closing count (exit " + exitCode + ")");
    }
    return new Result(states, left == 0 ? null : "TLC stopped with " + left
        + " states left on its queue");
  }
}
