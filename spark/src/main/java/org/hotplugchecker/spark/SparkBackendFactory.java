package org.hotplugchecker.spark;

import java.util.Map;
import org.hotplugchecker.checker.sweep.SweepBackend;
import org.hotplugchecker.checker.sweep.SweepBackendFactory;

/** Provides the {@code spark} sweep backend ({@code sweep --spark MASTER}). */
public final class SparkBackendFactory implements SweepBackendFactory {
  @Override
  public String name() {
    return "spark";
  }

  @Override
  public SweepBackend open(String master, Map<String, String> settings) {
    var conf = SparkSettings.conf(master, settings, System.getProperty("java.class.path", ""));
    try {
      return new SparkSweepBackend(conf);
    } catch (Exception e) {
      // Spark reports a bad master URL as a SparkException, which Java sees as unchecked.
      throw new IllegalArgumentException("--spark " + conf.get("spark.master")
          + ": cannot start Spark: " + String.valueOf(e.getMessage()).lines().findFirst()
              .orElse(e.toString()), e);
    }
  }
}
