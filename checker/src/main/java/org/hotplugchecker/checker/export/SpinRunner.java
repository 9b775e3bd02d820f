package org.hotplugchecker.checker.export;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Runs SPIN on a Promela model: {@code spin -a}, {@code gcc} on the generated {@code pan.c},
 * then {@code pan} with {@code -c0} (go on past errors, so that the whole state space is
 * counted and every violated property is reported). Needs {@code spin} and {@code gcc} on
 * the {@code PATH}.
 */
public final class SpinRunner {
  /**
   * The C compiler flags for a fast search: optimised, no partial-order reduction (one
   * process has nothing to reduce, and the counts stay exact), safety properties only.
   */
  public static final List<String> OPTIMISED = List.of("-O2", "-DNOREDUCE", "-DSAFETY");
  /** As {@link #OPTIMISED} but unoptimised: compiles in a third of the time, for small models. */
  public static final List<String> QUICK = List.of("-O0", "-DNOREDUCE", "-DSAFETY");

  private final Path dir;
  private final long timeoutSeconds;
  private final List<String> gccFlags;

  /**
   * A runner working in {@code dir} (created if needed), giving each tool
   * {@code timeoutSeconds} and compiling with {@code gccFlags} ({@link #OPTIMISED} or
   * {@link #QUICK}).
   */
  public SpinRunner(Path dir, long timeoutSeconds, List<String> gccFlags) {
    this.dir = dir;
    this.timeoutSeconds = timeoutSeconds;
    this.gccFlags = List.copyOf(gccFlags);
  }

  /** The first of {@code spin} and {@code gcc} that is not on the {@code PATH}, if one is not. */
  public static Optional<String> missingTool() {
    for (String tool : List.of("spin", "gcc")) {
      if (onPath(tool).isEmpty()) {
        return Optional.of(tool);
      }
    }
    return Optional.empty();
  }

  /** Where {@code tool} is on the {@code PATH}, if it is. */
  public static Optional<Path> onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d.isEmpty() ? "." : d, tool);
      if (!d.isEmpty() && Files.isExecutable(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /**
   * Writes {@code promela} to {@code model.pml} and compiles its verifier to {@code pan}
   * in this runner's directory.
   *
   * @return the verifier's path
   */
  public Path compile(String promela) throws IOException, InterruptedException {
    return compile(promela, gccFlags);
  }

  private Path compile(String promela, List<String> flags)
      throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("model.pml"), promela, StandardCharsets.UTF_8);
    run(List.of("spin", "-a", "model.pml"));
    List<String> gcc = new ArrayList<>(List.of("gcc"));
    gcc.addAll(flags);
    gcc.addAll(List.of("-o", "pan", "pan.c"));
    run(gcc);
    return dir.resolve("pan");
  }

  /** The {@code pan} arguments for a full search: depth bound {@code maxDepth}, 2^{@code hashBits} slots. */
  public static List<String> panArguments(long maxDepth, int hashBits) {
    return List.of("-c0", "-n", "-m" + maxDepth, "-w" + hashBits);
  }

  /**
   * Compiles {@code promela} and runs its verifier to the end of the search, with a depth
   * bound of {@code maxDepth} (pan's DFS stack: at least the longest path it walks) and a
   * hash table of 2^{@code hashBits} slots.
   */
  public SpinResult verify(String promela, long maxDepth, int hashBits)
      throws IOException, InterruptedException {
    compile(promela);
    List<String> cmd = new ArrayList<>(List.of("./pan"));
    cmd.addAll(panArguments(maxDepth, hashBits));
    return SpinResult.parse(run(cmd));
  }

  /**
   * The length of a shortest trail from the initial state to a failed assertion of
   * {@code promela}, exported with {@link PromelaExporter.Assertions#EVERY}; empty when no
   * assertion fails. It compiles pan with {@code -DREACH} (a state met again at a smaller
   * depth is searched again, which makes a depth-bounded search exact) and runs it with
   * {@code -i}, which lowers its depth bound below each failure it finds until none is
   * left.
   *
   * @throws IOException also when pan's search was cut short (by memory, or because
   *     {@code maxDepth} is too small for the first, unbounded, pass)
   */
  public OptionalLong shortestTrail(String promela, long maxDepth, int hashBits)
      throws IOException, InterruptedException {
    if (promela.contains("reported_")) {
      throw new IllegalArgumentException("a model exported with report-once flags: pan -i "
          + "would not see the assertions below the first one");
    }
    List<String> flags = new ArrayList<>(gccFlags);
    flags.add("-DREACH");
    compile(promela, flags);
    String out = run(List.of("./pan", "-i", "-n", "-m" + maxDepth, "-w" + hashBits));
    SpinResult r = SpinResult.parse(out);
    if (!r.complete()) {
      throw new IOException("pan -i stopped early: " + r.problem().orElse("") + "\n" + out);
    }
    return SpinResult.iterativeShortest(out);
  }

  /** Runs {@code cmd} in the directory; its output, or an exception naming what failed. */
  public String run(List<String> cmd) throws IOException, InterruptedException {
    Path log = dir.resolve("tool.log");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " did not finish within " + timeoutSeconds
          + " s");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n"
          + out.lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
    }
    return out;
  }
}
