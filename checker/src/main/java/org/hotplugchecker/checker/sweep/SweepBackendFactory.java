package org.hotplugchecker.checker.sweep;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Opens a {@link SweepBackend} that is not part of this module (it would drag its
 * dependencies into every tool), found on the class path through {@link ServiceLoader}.
 * The {@code hotplug-spark} module provides {@code spark}.
 */
public interface SweepBackendFactory {
  /** The name the CLI knows the backend by, e.g. {@code spark}. */
  String name();

  /**
   * Connects to the backend.
   *
   * @param master where to run, e.g. a Spark master URL; empty to take it from the
   *     environment (e.g. what {@code spark-submit} set)
   * @param settings backend settings (e.g. Spark configuration keys), applied last
   * @throws IllegalArgumentException if {@code master} or a setting is unusable; the
   *     message is one line for the user
   */
  SweepBackend open(String master, Map<String, String> settings);

  /** The factory named {@code name} on the class path, if any. */
  static Optional<SweepBackendFactory> find(String name) {
    for (SweepBackendFactory f : ServiceLoader.load(SweepBackendFactory.class)) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
