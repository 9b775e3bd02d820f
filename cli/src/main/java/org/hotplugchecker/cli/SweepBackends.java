package org.hotplugchecker.cli;

import java.util.Map;
import org.hotplugchecker.checker.sweep.SweepBackend;
import org.hotplugchecker.checker.sweep.SweepBackendFactory;

/**
 * {@code sweep --spark}: opens the Spark backend, which lives in the {@code hotplug-spark}
 * module so that this jar does not carry Spark; {@code bin/hotplug-checker} puts the
 * module on the class path when {@code --spark} is given, {@code spark-submit} gets it in
 * the application jar.
 */
final class SweepBackends {
  private SweepBackends() {}

  /**
   * The backend {@code --spark} asks for, or null for this machine's threads.
   *
   * @param spark the {@code --spark} value (empty: the master spark-submit set), or null
   * @throws IllegalArgumentException with a one-line message for the user
   */
  static SweepBackend open(String spark, Map<String, String> sparkConf, boolean perClass,
      boolean workersGiven) {
    boolean conf = sparkConf != null && !sparkConf.isEmpty();
    if (spark == null) {
      if (conf) {
        throw new IllegalArgumentException("--spark-conf needs --spark");
      }
      return null;
    }
    if (perClass) {
      throw new IllegalArgumentException("--per-class runs on this machine's threads only,"
          + " not with --spark");
    }
    if (workersGiven) {
      throw new IllegalArgumentException("--workers does not apply to --spark: the"
          + " cluster's cores run the explorations (size it with --spark-conf)");
    }
    SweepBackendFactory f = SweepBackendFactory.find("spark").orElseThrow(() ->
        new IllegalArgumentException("--spark needs the hotplug-spark module on the class"
            + " path: run bin/hotplug-checker from the source tree, or spark-submit"
            + " spark/target/hotplug-spark-app.jar (README, Sweeps on Spark)"));
    return f.open(spark, conf ? sparkConf : Map.of());
  }
}
