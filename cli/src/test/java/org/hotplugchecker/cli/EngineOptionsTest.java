package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hotplugchecker.model.spec.SpecTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --engine/--depth/--symmetry/--fingerprint}: dispatch, output and bad combos. */
class EngineOptionsTest {
  @TempDir
  Path dir;

  private String s1(String kernel) throws IOException {
    Path file = dir.resolve("s1-" + kernel + ".yaml");
    Files.writeString(file, SpecTexts.s1(kernel));
    return file.toString();
  }

  @Test
  void bmcFindsTheV419OopsWithFiveStepsAndReportsSolverStatistics() throws IOException {
    CliRun run = CliRun.of("check", "--engine", "bmc", "--depth", "8", "--format", "json",
        s1("v4.19"));
    assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
    JsonNode json = run.json();
    assertEquals("bmc", json.get("engine").asText());
    assertEquals(-1, json.get("states").asLong(), "symbolic engines count no states");
    assertEquals(-1, json.get("transitions").asLong());
    JsonNode noOops = json.at("/properties/no_oops");
    assertEquals("violated", noOops.get("verdict").asText());
    assertEquals(5, noOops.get("length").asInt());
    assertEquals(5, noOops.at("/trace/steps").size());
    assertTrue(json.at("/stats/nodes").asLong() > 0, json.toString());
    assertTrue(json.at("/stats").has("fails"), json.toString());
    assertTrue(json.at("/stats").has("solveMillis"), json.toString());
  }

  @Test
  void engineAndSolverNamesAreTakenInAnyCaseAsEnumOptionsAre() throws IOException {
    CliRun lower = CliRun.of("check", "--engine", "bmc", "--solver", "choco", "--depth", "6",
        "--format", "json", s1("v4.19"));
    CliRun upper = CliRun.of("check", "--engine", "BMC", "--solver", "Choco", "--depth", "6",
        "--format", "JSON", s1("v4.19"));
    assertEquals(ExitCode.FAILED, upper.exitCode(), upper::toString);
    assertEquals("bmc", upper.json().get("engine").asText());
    assertEquals(lower.json().get("properties"), upper.json().get("properties"));
    CliRun unknown = CliRun.of("check", "--engine", "BMCX", s1("v4.19"));
    assertEquals(ExitCode.USAGE, unknown.exitCode(), unknown::toString);
  }

  @Test
  void kInductionProvesTheFixedKernelAndTextSaysThereIsNoStateCount() throws IOException {
    CliRun run = CliRun.of("check", "--engine", "kind", s1("v5.0"));
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    String header = run.out().lines().findFirst().orElseThrow();
    assertTrue(header.contains("no state count (symbolic)"), header);
    assertTrue(header.contains("[kind]"), header);
    assertTrue(run.out().contains("no_oops"), run::toString);
  }

  @Test
  void bmcUnknownBelowTheBoundIsNotHeldAgainstTheRun() throws IOException {
    // Depth 2 is too shallow for the 5-step oops: every property stays unknown.
    CliRun run = CliRun.of("check", "--engine", "bmc", "--depth", "2", "--format", "json",
        s1("v4.19"));
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals("unknown", run.json().at("/properties/no_oops/verdict").asText());
  }

  @Test
  void symmetryAndFingerprintsAreReportedWithTheirNumbers() throws IOException {
    CliRun plain = CliRun.of("check", "--format", "json", "--workers", "1", s1("v4.19"));
    CliRun reduced = CliRun.of("check", "--format", "json", "--workers", "1", "--symmetry",
        "--fingerprint", "128", s1("v4.19"));
    assertEquals(plain.exitCode(), reduced.exitCode(), reduced::toString);
    JsonNode p = plain.json();
    JsonNode r = reduced.json();
    assertEquals(p.at("/properties/no_oops/length"), r.at("/properties/no_oops/length"));
    assertEquals(r.get("states"), r.get("orbits"));
    assertTrue(r.get("orbits").asLong() <= p.get("states").asLong());
    double prob = r.get("fingerprintCollisionProbability").asDouble();
    assertTrue(prob >= 0 && prob < 1e-9, r.toString());
    assertTrue(!p.has("orbits") && !p.has("fingerprintCollisionProbability"), p.toString());
    CliRun text = CliRun.of("check", "--workers", "1", "--symmetry", "--fingerprint", "64",
        s1("v4.19"));
    String header = text.out().lines().findFirst().orElseThrow();
    assertTrue(header.contains(r.get("orbits").asLong() + " orbits"), header);
    assertTrue(header.contains("symmetry group order "), header);
    assertTrue(header.contains("64-bit fingerprints: collision probability"), header);
  }

  @Test
  void badCombinationsAreOneLineUsageErrors() throws IOException {
    String spec = s1("v5.0");
    String[][] bad = {
        {"--engine", "smt"},
        {"--engine", "kind", "--depth", "0"},
        {"--engine", "bmc", "--symmetry"},
        {"--engine", "kind", "--fingerprint", "64"},
        {"--fingerprint", "32"},
        {"--depth", "5"},
        {"--solver", "choco"},
        {"--engine", "bmc", "--solver", "minisat"},
    };
    for (String[] options : bad) {
      String[] args = new String[options.length + 2];
      args[0] = "check";
      System.arraycopy(options, 0, args, 1, options.length);
      args[args.length - 1] = spec;
      CliRun run = CliRun.of(args);
      assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
      assertEquals(1, run.errLines().size(), run::toString);
      assertEquals("", run.out());
    }
    assertTrue(CliRun.of("check", "--engine", "bmc", "--symmetry", spec).err()
        .contains("--symmetry works only with --engine explicit"));
    assertTrue(CliRun.of("check", "--solver", "choco", spec).err()
        .contains("--solver works only with --engine bmc or kind"));
  }

  @Test
  void bothSatBackendsFindTheSameShortestOops() throws IOException {
    for (String solver : new String[] {"sat4j", "choco"}) {
      CliRun run = CliRun.of("check", "--engine", "bmc", "--solver", solver, "--depth", "5",
          "--format", "json", s1("v4.19"));
      assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
      assertEquals(5, run.json().at("/properties/no_oops/length").asInt(), solver);
    }
  }
}
