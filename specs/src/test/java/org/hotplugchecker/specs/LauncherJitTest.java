package org.hotplugchecker.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM the launcher starts: C1 only for an explicit check, the tiered JIT for the long
 * compute-bound runs (symmetry, the SAT engines, sweeps), {@code JAVA_OPTS} winning over
 * both, and a class-data archive that is dumped again once older than the jar, with the
 * same results and no warnings. The JVM's own {@code -XX:+PrintCommandLineFlags} line
 * tells which flags it got. Runs after the jar is built (this module comes last).
 */
class LauncherJitTest {
  // every engine decides every property of this one (it has no violation)
  private static final String SPEC = "specs/story/2-v5.0-the-fix.yaml";

  @TempDir Path dir;

  /** The flags line and the rest of stdout of one launcher run, which must exit 0. */
  private List<String> run(String javaOpts, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", LauncherRuns.launcher().toString()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    int code = LauncherRuns.run(cmd, Map.of("JAVA_OPTS", javaOpts), out, err);
    assertEquals(0, code, Files.readString(err));
    assertEquals("", Files.readString(err), "nothing on stderr, no archive warnings");
    List<String> lines = Files.readAllLines(out);
    assertTrue(lines.get(0).startsWith("-XX:"), lines.toString());
    return lines;
  }

  private static List<String> withoutTimes(List<String> lines) {
    return lines.stream().map(l -> l.replaceAll("\\d+ ms", "N ms")).toList();
  }

  private static boolean c1Only(List<String> run) {
    return run.get(0).contains("-XX:TieredStopAtLevel=1");
  }

  @Test
  void anExplicitCheckRunsOnC1AndTheLongRunsKeepTheTieredJit() throws Exception {
    LauncherRuns.assumeFreshJar();
    String spec = LauncherRuns.root().resolve(SPEC).toString();
    String flags = "-XX:+PrintCommandLineFlags";
    List<String> check = run(flags, "check", "--format", "summary", spec);
    assertTrue(c1Only(check), check.get(0));
    assertTrue(check.get(0).contains("-XX:SharedArchiveFile="), check.get(0));
    assertTrue(check.get(1).startsWith("✓ story-2-v5.0-the-fix: 9 of 9 as expected"),
        check.toString());
    for (List<String> args : List.of(List.of("check", "--symmetry"),
        List.of("check", "--engine", "kind"), List.of("check", "--engine=bmc"))) {
      List<String> all = new ArrayList<>(args);
      all.addAll(List.of("--format", "summary", spec));
      List<String> tiered = run(flags, all.toArray(String[]::new));
      assertFalse(c1Only(tiered), args + ": " + tiered.get(0));
      assertTrue(tiered.get(1).contains(": 9 of 9 as expected"), tiered.toString());
    }
    List<String> sweep = run(flags, "sweep", "--max-nodes", "1", "--max-cpus-per-node", "1",
        "--max-blocks-per-node", "1", "--kernels", "v5.18", "--arch", "x86");
    assertFalse(c1Only(sweep), sweep.get(0));
    List<String> overridden = run(flags + " -XX:TieredStopAtLevel=4", "check", "--format",
        "summary", spec);
    assertTrue(overridden.get(0).contains("-XX:TieredStopAtLevel=4"), overridden.get(0));
    assertFalse(c1Only(overridden), overridden.get(0));
  }

  @Test
  void anArchiveOlderThanTheJarIsDumpedAgain() throws Exception {
    LauncherRuns.assumeFreshJar();
    Path jar = LauncherRuns.root().resolve("cli/target/hotplug-checker.jar");
    Path archive = Path.of(jar + ".jsa");
    String spec = LauncherRuns.root().resolve(SPEC).toString();
    List<String> first = run("-XX:+PrintCommandLineFlags", "check", "--format", "summary",
        spec);
    assertTrue(Files.isRegularFile(archive), "the archive is dumped on the first run");
    Files.setLastModifiedTime(archive, FileTime.fromMillis(
        Files.getLastModifiedTime(jar).toMillis() - 60_000));
    List<String> again = run("-XX:+PrintCommandLineFlags", "check", "--format", "summary",
        spec);
    assertFalse(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar))
        < 0, "dumped again, not older than the jar");
    assertTrue(again.get(0).contains("-XX:SharedArchiveFile="), again.get(0));
    assertEquals(withoutTimes(first.subList(1, first.size())),
        withoutTimes(again.subList(1, again.size())));
  }
}
