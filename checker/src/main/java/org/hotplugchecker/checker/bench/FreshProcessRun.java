package org.hotplugchecker.checker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.spec.SpecWriter;
import org.hotplugchecker.model.topology.Topology;

/**
 * A rung checked end to end as a user runs it: a fresh process of our command line per run
 * ({@code check --format json} on the rung written as a spec file), so JVM start-up, JIT
 * warm-up, spec parsing and reporting are in the time, which the warmed-up in-process
 * figure of {@link Bench} leaves out. Measured by GNU time ({@link TimedRun}).
 */
public final class FreshProcessRun {
  private static final long TIMEOUT_SECONDS = 6 * 3600;
  private final List<String> ourCommand;

  /** Runs with {@code ourCommand} (e.g. {@code java -jar hotplug-checker.jar}). */
  public FreshProcessRun(List<String> ourCommand) {
    this.ourCommand = List.copyOf(ourCommand);
  }

  /** What is missing to time a process, or null if nothing. */
  public static String missing() {
    return TimedRun.available() ? null : "no " + TimedRun.TIME + " (apt-get install -y time)";
  }

  /**
   * One fresh-process run's figures.
   *
   * @param states the states the run reported, -1 if it did not finish
   * @param timed wall, CPU and peak RSS of the whole process
   */
  public record Result(long states, TimedRun timed) {}

  /**
   * Checks {@code t} (named {@code name}) in a fresh process with these settings, for
   * {@code properties} only unless that is empty.
   */
  public Result run(String name, Topology t, int workers, boolean symmetry,
      List<PropertyRule> properties) throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("bench-fresh");
    try {
      Path spec = work.resolve("spec.yaml");
      Files.writeString(spec, SpecWriter.of(name, t), StandardCharsets.UTF_8);
      List<String> cmd = new ArrayList<>(ourCommand);
      cmd.addAll(List.of("check", "--format", "json", "--no-progress", "--workers",
          Integer.toString(workers)));
      if (symmetry) {
        cmd.add("--symmetry");
      }
      properties.forEach(p -> cmd.addAll(List.of("--property", p.name())));
      cmd.add(spec.toString());
      TimedRun r = TimedRun.of(cmd, work, TIMEOUT_SECONDS);
      return new Result(states(r), r);
    } finally {
      try (Stream<Path> walk = Files.walk(work)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The line printed under the warmed-up one; flags a state count unlike {@code expected}. */
  static String line(Result r, long expected) {
    TimedRun t = r.timed();
    String problem = r.states() < 0 ? "  DID NOT FINISH (exit " + t.exitCode() + ")"
        : r.states() != expected ? "  STATE COUNTS DIFFER (" + r.states() + ")" : "";
    return String.format(Locale.ROOT,
        "  end to end (fresh process): wall %.2f s, cpu %.2f s, %,.0f states/s, peak RSS %,d "
            + "MiB%s", t.wallSecs(), t.cpuSecs(), Math.max(r.states(), 0) / t.wallSecs(),
        t.peakKib() >> 10, problem);
  }

  /** The state count in a run's JSON line, or -1 if it has none. */
  static long states(TimedRun run) {
    for (String line : run.output().lines().toList()) {
      if (line.startsWith("{")) {
        try {
          JsonNode j = new ObjectMapper().readTree(line);
          if (j.has("states")) {
            return j.get("states").asLong();
          }
        } catch (IOException e) {
          // not our JSON line: GNU time or the JVM said something
        }
      }
    }
    return -1;
  }
}
