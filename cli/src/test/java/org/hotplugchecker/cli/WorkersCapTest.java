package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code --workers} above the core count (issue 13: {@code --workers 1000} on a 19-state
 * spec hung) is capped at the cores, with one warning line on stderr; the result is the
 * one-worker result.
 */
class WorkersCapTest {
  private static final Path S1 = Path.of("..", "specs", "reference", "s1-x86-v4.19.yaml");

  private static String warning(int workers, int cores) {
    return "warning: --workers " + workers + " is more than the " + cores
        + (cores == 1 ? " core" : " cores") + " available; using " + cores;
  }

  @Test
  void aThousandWorkersOnTheReferenceS1FinishCappedWithOneWarningAndTheSameResult() {
    assertEquals(true, Files.isRegularFile(S1), S1.toAbsolutePath().toString());
    int cores = Runtime.getRuntime().availableProcessors();
    CliRun one = CliRun.of("check", "--format", "json", "--workers", "1", S1.toString());
    CliRun many = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> CliRun.of("check", "--format", "json", "--workers", "1000", S1.toString()));
    assertEquals(ExitCode.OK, many.exitCode(), many::toString); // the spec's expect: holds
    assertEquals(List.of(warning(1000, cores)), many.errLines());
    assertEquals(List.of(), one.errLines());
    ObjectNode a = (ObjectNode) one.json();
    ObjectNode b = (ObjectNode) many.json();
    assertEquals(cores, b.at("/stats/workers").asInt(), "the workers actually used");
    for (ObjectNode run : List.of(a, b)) {
      run.remove("millis");
      run.remove("stats");
    }
    assertEquals(a, b);
  }

  @Test
  void theCapAppliesAboveTheCoresOnlyAndOnlyToTheExplicitEngine() {
    EngineOptions options = new EngineOptions(4);
    options.workers = 4;
    assertEquals(Optional.empty(), options.workersWarning());
    assertEquals(4, options.config().workers());
    options.workers = 5;
    assertEquals(Optional.of(warning(5, 4)), options.workersWarning());
    assertEquals(4, options.config().workers());
    options.engine = "bmc";
    assertEquals(Optional.empty(), options.workersWarning(), "bmc uses no workers");
    EngineOptions single = new EngineOptions(1);
    single.workers = 2;
    assertEquals(Optional.of(warning(2, 1)), single.workersWarning());
    single.workers = 0;
    assertEquals("--workers must be at least 1, got 0", single.validate(),
        "a bad count is still an error, not capped");
  }
}
