package org.hotplugchecker.spark;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;

/**
 * The Spark configuration of a sweep: the master URL as given, plus what a sweep needs
 * that Spark's defaults do not give.
 *
 * <ul>
 *   <li>{@code local[N]} becomes {@code local[N,4]}: plain local mode never retries a
 *       failed task, and a sweep's tasks must be retried like on a cluster.
 *   <li>On this machine ({@code local}, {@code local-cluster}, or a master on the loopback
 *       address) the driver binds to 127.0.0.1 and the web UI is off.
 *   <li>Executors of {@code local-cluster} and standalone masters that are not given the
 *       application jar ({@code spark.jars}, which {@code spark-submit} sets) get this
 *       JVM's class path: they run on this machine or see the same files.
 *   <li>{@code spark.speculation} is off and cannot be turned on: a speculative copy of a
 *       long deterministic exploration only doubles its cost.
 * </ul>
 *
 * <p>Settings given by the user ({@code --spark-conf}) are applied after these defaults.
 */
public final class SparkSettings {
  /** Attempts per task in local mode, as {@code spark.task.maxFailures} gives a cluster. */
  static final int LOCAL_ATTEMPTS = 4;

  private static final Pattern LOCAL = Pattern.compile("local(?:\\[([^,\\]]+)])?");
  private static final Pattern LOOPBACK_STANDALONE =
      Pattern.compile("spark://(127\\.[0-9.]+|localhost)(:\\d+)?");

  private SparkSettings() {}

  /**
   * The configuration for {@code master} ({@code ""}: the one {@code spark-submit} set),
   * with {@code settings} applied last.
   *
   * @param classPath the class path executors get when no application jar is shipped
   * @throws IllegalArgumentException with a one-line message for the user
   */
  public static SparkConf conf(String master, Map<String, String> settings,
      String classPath) {
    // true: takes the spark.* system properties that spark-submit sets
    SparkConf conf = new SparkConf(true);
    if (!master.isEmpty()) {
      conf.setMaster(withRetries(master));
    } else if (!conf.contains("spark.master")) {
      throw new IllegalArgumentException("--spark: no master URL given and none set by"
          + " spark-submit (e.g. --spark local[2] or --spark spark://HOST:7077)");
    }
    settings.forEach(conf::set);
    String m = conf.get("spark.master");
    conf.setIfMissing("spark.app.name", "hotplug-checker sweep");
    if (onThisMachine(m)) {
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
    }
    if ((m.startsWith("local-cluster") || m.startsWith("spark://"))
        && !conf.contains("spark.jars") && !classPath.isEmpty()) {
      conf.setIfMissing("spark.executor.extraClassPath", classPath);
    }
    if (conf.getBoolean("spark.speculation", false)) {
      throw new IllegalArgumentException("--spark-conf spark.speculation=true: a sweep's"
          + " tasks are long deterministic explorations, a speculative copy only doubles"
          + " their cost; leave it off");
    }
    conf.set("spark.speculation", "false");
    if (m.startsWith("k8s://") && !onClassPath(
        "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager")) {
      throw new IllegalArgumentException("--spark " + m + ": Spark's Kubernetes support"
          + " (spark-kubernetes_2.13) is not on the class path");
    }
    return conf;
  }

  /** {@code local} and {@code local[N]} with retries; any other master unchanged. */
  static String withRetries(String master) {
    Matcher l = LOCAL.matcher(master.trim());
    if (!l.matches()) {
      return master.trim();
    }
    String threads = l.group(1) == null ? "1" : l.group(1);
    return "local[" + threads + "," + LOCAL_ATTEMPTS + "]";
  }

  /** Whether the driver and every executor of {@code master} run on this machine. */
  static boolean onThisMachine(String master) {
    return master.startsWith("local") || LOOPBACK_STANDALONE.matcher(master).matches();
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, SparkSettings.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
