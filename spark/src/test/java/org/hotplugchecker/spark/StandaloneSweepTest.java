package org.hotplugchecker.spark;

import static org.hotplugchecker.spark.SparkTesting.comparable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hotplugchecker.checker.sweep.SweepReport;
import org.hotplugchecker.checker.sweep.SweepRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark standalone cluster as on real machines, on 127.0.0.1: a master and a worker
 * started as separate JVMs by this test, the worker starting two one-core executor JVMs.
 * One test kills an executor while it runs a task: the task runs again elsewhere and the
 * report and the results file are as if nothing had happened.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StandaloneSweepTest {
  private static final List<Process> DAEMONS = new ArrayList<>();
  private static SweepReport threads;
  /** One application for both tests: executors take a while to start. */
  private static SparkSweepBackend spark;

  @BeforeAll
  static void startCluster() throws Exception {
    threads = new SweepRunner().run(SparkTesting.sweep());
    Path home = SparkTesting.sparkHome();
    int port = freePort();
    String master = "spark://127.0.0.1:" + port;
    DAEMONS.add(daemon(home, "master", "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", "0"));
    awaitPort(port);
    Path work = Files.createDirectories(home.resolve("work"));
    DAEMONS.add(daemon(home, "worker", "org.apache.spark.deploy.worker.Worker",
        "--host", "127.0.0.1", "--webui-port", "0", "--cores", "2", "--memory", "2g",
        "--work-dir", work.toString(), master));
    spark = new SparkSweepBackend(SparkTesting.cluster(master, 2));
  }

  @AfterAll
  static void stopCluster() {
    if (spark != null) {
      spark.close();
    }
    for (Process p : DAEMONS) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private static Process daemon(Path home, String name, String mainClass, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m"));
    cmd.addAll(List.of(SparkTesting.QUICK_JVM.split(" ")));
    cmd.addAll(List.of("-cp", SparkTesting.classPath(), mainClass));
    cmd.addAll(List.of(args));
    Path log = home.resolve(name + ".log");
    // SPARK_HOME, SPARK_SCALA_VERSION and SPARK_LOCAL_IP come from Surefire's environment.
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void awaitPort(int port) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < until) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(200);
      }
    }
    throw new IllegalStateException("the Spark master did not start; see its log");
  }

  @Test
  @Order(1)
  void twoExecutorsReportWhatTheThreadsReport(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sweep.jsonl");
    SweepReport r = new SweepRunner().run(SparkTesting.sweep().withResultsFile(file), spark);
    assertEquals(comparable(threads), comparable(r));
    SparkRunStats stats = spark.stats();
    assertTrue(stats.executors().size() >= 2, stats.toString());
    assertEquals(0, stats.rerun(), stats.toString());
    SparkTesting.assertEachCheckOnce(file, r.explored());
  }

  /**
   * Stalls the first task attempt that reaches it and writes its executor's process id
   * and executor id to {@code pidFile}, so that the test can kill that executor mid-task.
   */
  record StallFirstAttempt(String claim, String pidFile) implements TaskHook {
    @Override
    public void beforeTask(int partition, int attempt) {
      try {
        Files.createFile(Path.of(claim));
      } catch (IOException alreadyClaimed) {
        return;
      }
      try {
        Path pid = Path.of(pidFile);
        Path tmp = Files.createTempFile(pid.getParent(), "pid", ".tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + " "
            + org.apache.spark.SparkEnv.get().executorId());
        Files.move(tmp, pid, StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(TimeUnit.MINUTES.toMillis(3));
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  @Order(2)
  void anExecutorKilledMidTaskChangesNothing(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sweep.jsonl");
    Path pidFile = dir.resolve("executor.pid");
    spark.hook(new StallFirstAttempt(dir.resolve("claimed").toString(), pidFile.toString()));
    SparkRunStats before = spark.stats();
    {
      CompletableFuture<SweepReport> sweep = CompletableFuture.supplyAsync(() -> {
        try {
          return new SweepRunner().run(SparkTesting.sweep().withResultsFile(file), spark);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      });
      long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.exists(pidFile) && !sweep.isDone() && System.nanoTime() < until) {
        Thread.sleep(100);
      }
      if (sweep.isDone()) {
        sweep.get();
      }
      assertTrue(Files.exists(pidFile), "no task attempt stalled");
      String[] stalled = Files.readString(pidFile).trim().split(" ");
      long pid = Long.parseLong(stalled[0]);
      assertNotEquals(ProcessHandle.current().pid(), pid, "the task ran in the test JVM");
      ProcessHandle executor = ProcessHandle.of(pid).orElseThrow();
      assertTrue(executor.destroyForcibly());
      executor.onExit().get(30, TimeUnit.SECONDS);
      SweepReport r = sweep.get(3, TimeUnit.MINUTES);
      assertEquals(comparable(threads), comparable(r));
      SparkRunStats stats = spark.stats();
      assertTrue(stats.rerun() - before.rerun() >= 1,
          "the stalled task was not run again: " + stats);
      // Two executors at work: the killed one ran the stalled attempt, which never came
      // back, and others ran every task of this sweep.
      assertTrue(!stats.executorsSince(before).isEmpty(), stats.toString());
      assertTrue(!stats.executorsSince(before).contains(stalled[1]), stats + " " + stalled[1]);
      assertTrue(!stats.executorsSince(before).contains("driver"), stats.toString());
      SparkTesting.assertEachCheckOnce(file, r.explored());
    }
  }
}
