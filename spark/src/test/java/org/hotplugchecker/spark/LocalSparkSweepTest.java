package org.hotplugchecker.spark;

import static org.hotplugchecker.spark.SparkTesting.comparable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hotplugchecker.checker.sweep.SweepOptions;
import org.hotplugchecker.checker.sweep.SweepReport;
import org.hotplugchecker.checker.sweep.SweepRunner;
import org.hotplugchecker.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep on Spark in local mode (one JVM, tasks still serialized): the same report as
 * the built-in threads, resumable from the results file on the driver, and the CLI's
 * {@code --spark}.
 */
class LocalSparkSweepTest {
  private static SparkSweepBackend spark;
  private static SweepReport threads;

  @BeforeAll
  static void start() throws IOException {
    threads = new SweepRunner().run(SparkTesting.sweep());
    spark = new SparkSweepBackend(SparkSettings.conf("local[2]", Map.of(), ""));
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.close();
      spark = null;
    }
  }

  @org.junit.jupiter.api.BeforeEach
  void running() {
    if (spark == null) {
      spark = new SparkSweepBackend(SparkSettings.conf("local[2]", Map.of(), ""));
    }
  }

  @Test
  void reportsWhatTheThreadsReport() throws IOException {
    SweepReport r = new SweepRunner().run(SparkTesting.sweep(), spark);
    assertEquals(comparable(threads), comparable(r));
    assertTrue(r.anyViolation());
    assertEquals(2, r.options().workers());
  }

  @Test
  void resumesFromTheResultsFileTheDriverWrites(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sweep.jsonl");
    SweepOptions o = SparkTesting.sweep().withResultsFile(file);
    SweepReport first = new SweepRunner().run(o, spark);
    SparkTesting.assertEachCheckOnce(file, first.explored());
    assertEquals(threads.explored(), first.explored());
    // Keep half the file: the rerun explores only what is missing.
    List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, lines.size() / 2));
    SweepReport second = new SweepRunner().run(o, spark);
    assertEquals(lines.size() / 2, second.reused());
    assertEquals(first.explored(), second.reused() + second.explored());
    SparkTesting.assertEachCheckOnce(file, first.explored());
    SweepReport third = new SweepRunner().run(o, spark);
    assertEquals(0, third.explored());
    assertEquals(comparable(first).replaceAll("\"(explored|reused)\" : \\d+", ""),
        comparable(third).replaceAll("\"(explored|reused)\" : \\d+", ""));
  }

  @Test
  void aTimeLimitCancelsTheJob() throws IOException {
    SweepReport r = new SweepRunner().run(SparkTesting.sweep().withTimeLimit(Duration.ZERO),
        spark);
    assertFalse(r.complete());
    assertEquals(4, r.exitCode());
  }

  @Test
  void aTimeLimitStopsRunningTasks() throws IOException {
    try (SparkSweepBackend slow = slowBackend()) {
      long start = System.nanoTime();
      SweepReport r = new SweepRunner().run(
          SparkTesting.sweep().withTimeLimit(Duration.ofSeconds(2)), slow);
      assertFalse(r.complete());
      assertEquals(4, r.exitCode());
      // Every task stalls for a minute: the time limit cancelled them.
      assertTrue(System.nanoTime() - start < Duration.ofSeconds(50).toNanos());
    }
  }

  /** Stops the shared context (one per JVM) and starts one whose tasks stall. */
  private static SparkSweepBackend slowBackend() {
    stop();
    spark = null;
    return new SparkSweepBackend(SparkSettings.conf("local[2]", Map.of(), ""),
        (partition, attempt) -> {
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Test
  void localModeRetriesFailedTasks() {
    assertEquals("local[2,4]", SparkSettings.withRetries("local[2]"));
    assertEquals("local[1,4]", SparkSettings.withRetries("local"));
    assertEquals("local[*,4]", SparkSettings.withRetries("local[*]"));
    assertEquals("local[3,2]", SparkSettings.withRetries("local[3,2]"));
    assertEquals("spark://h:7077", SparkSettings.withRetries("spark://h:7077"));
    assertEquals("local[2,4]", spark.context().master());
  }

  private static String[] args(String... extra) {
    List<String> a = new java.util.ArrayList<>(List.of("sweep", "--max-nodes", "2",
        "--max-cpus-per-node", "1", "--max-blocks-per-node", "1", "--kernels", "v4.19,v5.18",
        "--no-progress"));
    a.addAll(List.of(extra));
    return a.toArray(String[]::new);
  }

  private static String[] runCli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  private static String withoutTiming(String report) {
    return report.lines().filter(l -> !l.startsWith("checks: "))
        .collect(Collectors.joining("\n"));
  }

  @Test
  void theCliRunsTheSweepOnSpark() {
    String[] local = runCli(args());
    // Spark allows one context per JVM: the shared one is stopped for this test.
    stop();
    try {
      String[] onSpark = runCli(args("--spark", "local[2]"));
      assertEquals(local[0], onSpark[0]);
      assertEquals("1", onSpark[0]);
      assertEquals(withoutTiming(local[1]), withoutTiming(onSpark[1]));
      assertTrue(onSpark[2].contains("sweep: Spark local[2,4]: "), onSpark[2]);
      String[] bad = runCli(args("--spark", "nonsense://x"));
      assertEquals("2", bad[0]);
      assertTrue(bad[2].startsWith("sweep: --spark nonsense://x: cannot start Spark"), bad[2]);
      assertEquals(1, bad[2].lines().count(), bad[2]);
      String[] speculative = runCli(args("--spark", "local[2]", "--spark-conf",
          "spark.speculation=true"));
      assertEquals("2", speculative[0]);
      assertTrue(speculative[2].contains("spark.speculation"), speculative[2]);
      assertEquals("2", runCli(args("--spark", "local[2]", "--workers", "2"))[0]);
      assertEquals("2", runCli(args("--spark", "local[2]", "--per-class"))[0]);
      assertEquals("2", runCli(args("--spark"))[0]);
    } finally {
      running();
    }
  }
}
