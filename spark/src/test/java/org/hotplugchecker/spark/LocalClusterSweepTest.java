package org.hotplugchecker.spark;

import static org.hotplugchecker.spark.SparkTesting.comparable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hotplugchecker.checker.sweep.SweepReport;
import org.hotplugchecker.checker.sweep.SweepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code local-cluster[2,1,1024]}: a master and two workers inside this JVM, each worker
 * starting its executor as a separate JVM, so tasks and outcomes really cross process
 * boundaries.
 */
class LocalClusterSweepTest {
  @Test
  @Timeout(value = 4, unit = TimeUnit.MINUTES)
  void twoExecutorJvmsReportWhatTheThreadsReport(@TempDir Path dir) throws IOException {
    SweepReport threads = new SweepRunner().run(SparkTesting.sweep());
    Path file = dir.resolve("sweep.jsonl");
    try (SparkSweepBackend spark = new SparkSweepBackend(
        SparkTesting.cluster("local-cluster[2,1,1024]", 2))) {
      SweepReport r = new SweepRunner().run(SparkTesting.sweep().withResultsFile(file), spark);
      assertEquals(comparable(threads), comparable(r));
      SparkRunStats stats = spark.stats();
      assertTrue(stats.executors().size() >= 2, stats.toString());
      assertTrue(!stats.executors().contains("driver"), stats.toString());
      SparkTesting.assertEachCheckOnce(file, r.explored());
    }
  }
}
