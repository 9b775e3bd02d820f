package org.hotplugchecker.specs;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs of bin/hotplug-checker, for the tests of the launcher itself. */
final class LauncherRuns {
  private LauncherRuns() {}

  /** The repository root. */
  static Path root() {
    return BundledSpecs.moduleDir().getParent();
  }

  /** The launcher script. */
  static Path launcher() {
    return root().resolve("bin/hotplug-checker");
  }

  /** The launcher would rebuild a stale jar; these tests only run a fresh one. */
  static void assumeFreshJar() throws IOException {
    Path jar = root().resolve("cli/target/hotplug-checker.jar");
    assumeTrue(Files.isRegularFile(jar), "no cli/target/hotplug-checker.jar yet");
    FileTime built = Files.getLastModifiedTime(jar);
    try (Stream<Path> sources = Stream.of("model", "checker", "reports", "cli")
        .flatMap(m -> walk(root().resolve(m).resolve("src/main")))) {
      assumeTrue(sources.noneMatch(p -> newer(p, built)), "the jar is older than a source");
    }
  }

  private static Stream<Path> walk(Path dir) {
    try {
      return Files.walk(dir).filter(Files::isRegularFile).toList().stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static boolean newer(Path p, FileTime than) {
    try {
      return Files.getLastModifiedTime(p).compareTo(than) > 0;
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * Runs {@code cmd} with {@code env} added to the environment, stdin from /dev/null, and
   * returns its exit code once it is done (within two minutes).
   */
  static int run(List<String> cmd, Map<String, String> env, Path stdout, Path stderr)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(
            new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished: " + cmd);
    return p.exitValue();
  }
}
