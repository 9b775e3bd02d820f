package org.hotplugchecker.checker.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One run of an external command, measured by GNU time ({@code /usr/bin/time}): wall
 * time, CPU time (user + system, children included) and peak resident memory, as the
 * operating system saw the whole process.
 *
 * @param wallSecs elapsed seconds
 * @param cpuSecs user plus system seconds
 * @param peakKib maximum resident set size, KiB
 * @param exitCode the command's exit code
 * @param output what it printed (stdout and stderr)
 */
public record TimedRun(double wallSecs, double cpuSecs, long peakKib, int exitCode,
    String output) {
  /** GNU time, which reports a child's peak RSS (the shell's {@code time} does not). */
  public static final Path TIME = Path.of("/usr/bin/time");

  /** Whether GNU time is installed. */
  public static boolean available() {
    return Files.isExecutable(TIME);
  }

  /** Runs {@code cmd} in {@code dir} under GNU time; an exception if it does not end in time. */
  public static TimedRun of(List<String> cmd, Path dir, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path times = Files.createTempFile(dir, "time", ".txt");
    Path log = Files.createTempFile(dir, "run", ".log");
    List<String> full = new ArrayList<>(List.of(TIME.toString(), "-f", "%e %U %S %M", "-o",
        times.toString()));
    full.addAll(cmd);
    Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " did not finish within " + timeoutSeconds
          + " s");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    List<String> lines = Files.readAllLines(times, StandardCharsets.UTF_8);
    Files.deleteIfExists(times);
    Files.deleteIfExists(log);
    // GNU time writes "Command exited with non-zero status N" before the numbers then.
    String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
    return new TimedRun(Double.parseDouble(f[0]), Double.parseDouble(f[1])
        + Double.parseDouble(f[2]), Long.parseLong(f[3]), p.exitValue(), output);
  }
}
