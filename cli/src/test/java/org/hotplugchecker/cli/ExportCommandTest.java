package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotplugchecker.checker.export.SpinResult;
import org.hotplugchecker.checker.export.SpinRunner;
import org.hotplugchecker.model.spec.SpecTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** {@code export}: where files go, what they hold, bad input, and SPIN on the CLI's output. */
class ExportCommandTest {
  private static final String S1 = "name: s1-x86-v4.19\n" + SpecTexts.s1("v4.19");

  @TempDir Path dir;

  private Path spec() throws Exception {
    Path f = dir.resolve("s1.yaml");
    Files.writeString(f, S1);
    return f;
  }

  @Test
  void promelaGoesToStdoutByDefault() throws Exception {
    CliRun run = CliRun.of("export", "--to", "promela", spec().toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("active proctype hotplug()"), run::toString);
    assertTrue(run.out().contains("kernel: v4.19"), run::toString);
    assertTrue(run.out().contains("ok_alloc_local"), "every property of the spec");
    assertEquals("", run.err());
  }

  @Test
  void tlaWritesModuleAndConfigIntoTheOutputDirectory() throws Exception {
    Path out = dir.resolve("out/nested");
    CliRun run = CliRun.of("export", "--to", "tla", "-o", out.toString(), spec().toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("", run.out());
    Path tla = out.resolve("s1_x86_v4_19.tla");
    Path cfg = out.resolve("s1_x86_v4_19.cfg");
    assertEquals(List.of("wrote " + tla, "wrote " + cfg), run.errLines());
    assertTrue(Files.readString(tla).startsWith("---- MODULE s1_x86_v4_19 ----"));
    assertTrue(Files.readString(cfg).contains("INVARIANT Inv_no_oops"));
  }

  @Test
  void propertyOptionKeepsOnlyTheNamedProperties() throws Exception {
    CliRun run = CliRun.of("export", "--to", "promela", "--property", "no_oops",
        spec().toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("assert(ok_no_oops)"));
    assertFalse(run.out().contains("ok_cpu_node_has_pgdat"));
  }

  /** Every bundled spec (reference scenarios, the story, knob specs) exports to both languages. */
  @Test
  void everyBundledSpecExports() throws Exception {
    Path specs = Path.of("..", "specs").toAbsolutePath().normalize();
    List<Path> files;
    try (var walk = Files.walk(specs)) {
      files = walk.filter(f -> f.toString().endsWith(".yaml") && !f.toString().contains(
          "/target/")).sorted().toList();
    }
    assertTrue(files.size() > 10, "bundled specs under " + specs);
    for (Path f : files) {
      for (String to : List.of("promela", "tla")) {
        CliRun run = CliRun.of("export", "--to", to, "-o", dir.resolve(to).toString(),
            f.toString());
        assertEquals(ExitCode.OK, run.exitCode(), () -> f + ": " + run);
      }
    }
  }

  @Test
  void badInputIsOneLineWithExitTwo() throws Exception {
    Path spec = spec();
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, S1.replace("kernel: v4.19", "kernel: v9.9"));
    String[][] cases = {
        {"export", spec.toString()},
        {"export", "--to", "smv", spec.toString()},
        {"export", "--to", "promela", dir.resolve("missing.yaml").toString()},
        {"export", "--to", "promela", bad.toString()},
        {"export", "--to", "promela", "--property", "no_such", spec.toString()},
        {"export", "--to", "tla", "--shortest-trail", spec.toString()},
        {"export", "--to", "tla", "--vacuity", spec.toString()},
        {"export", "--to", "promela", "--vacuity", "--shortest-trail", spec.toString()},
    };
    for (String[] args : cases) {
      CliRun run = CliRun.of(args);
      assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
      assertEquals(1, run.errLines().size(), run::toString);
    }
  }

  /**
   * {@code --shortest-trail} drops the report-once flags, so that pan -i can search below
   * the first failure: on s1 x86 v4.19 it finds no_oops's shortest counterexample, 5 steps
   * (shared/reference/counts.json), where the default export's first failure is deeper.
   */
  @Test
  void shortestTrailExportLetsPanIFindTheShortestCounterexample() throws Exception {
    CliRun run = CliRun.of("export", "--to", "promela", "--shortest-trail", "--property",
        "no_oops", spec().toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertFalse(run.out().contains("reported_"), run::toString);
    assertTrue(run.out().contains("-DREACH") && run.out().contains("./pan -i"), run::toString);
    SpinRunner.missingTool().ifPresent(t -> {
      throw new TestAbortedException("no " + t + " on PATH: skipping (apt-get install spin gcc)");
    });
    SpinRunner spin = new SpinRunner(dir.resolve("spin"), 300, SpinRunner.QUICK);
    assertEquals(java.util.OptionalLong.of(5), spin.shortestTrail(run.out(), 100, 18));
    CliRun plain = CliRun.of("export", "--to", "promela", "--property", "no_oops",
        spec().toString());
    long firstFailure = spin.verify(plain.out(), 100, 18).violated().get("ok_no_oops");
    assertTrue(firstFailure > 5, "pan's DFS meets no_oops first at depth " + firstFailure);
  }

  /** {@code --vacuity} asserts only the action properties' probes. */
  @Test
  void vacuityExportProbesOnlyTheActionProperties() throws Exception {
    CliRun run = CliRun.of("export", "--to", "promela", "--vacuity", spec().toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().contains("assert(unjudged_alloc_local)"), run::toString);
    assertFalse(run.out().contains("ok_"), run::toString);
    assertFalse(run.out().contains("unjudged_no_oops"), run::toString);
  }

  @Test
  void anOutputDirectoryThatIsAFileIsExitThree() throws Exception {
    Path file = dir.resolve("taken");
    Files.writeString(file, "");
    CliRun run = CliRun.of("export", "--to", "promela", "-o", file.toString(),
        spec().toString());
    assertEquals(ExitCode.INCOMPLETE, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
  }

  @Test
  void spinOnTheExportedFileFindsTheReferenceCountsAndViolations() throws Exception {
    SpinRunner.missingTool().ifPresent(t -> {
      throw new TestAbortedException("no " + t + " on PATH: skipping (apt-get install spin gcc)");
    });
    CliRun run = CliRun.of("export", "--to", "promela", spec().toString());
    SpinResult r = new SpinRunner(dir.resolve("spin"), 300, SpinRunner.QUICK)
        .verify(run.out(), 100_000, 18);
    assertEquals(19, r.stored()); // shared/reference/counts.json: s1 x86 v4.19
    assertEquals(76 + 1, r.matched());
    assertEquals(java.util.Set.of("ok_cpu_node_has_pgdat", "ok_no_oops"), r.violated().keySet());
  }
}
