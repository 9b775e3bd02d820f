package org.hotplugchecker.maven;

import org.hotplugchecker.checker.EngineConfig;

/**
 * The plugin's engine parameters as the {@link EngineConfig} the command line uses too, so
 * both accept the same engines, defaults and combinations.
 */
final class Engines {
  private Engines() {}

  /** The explicit engine with {@code workers} threads. */
  static EngineConfig of(String name, int workers) {
    return of(name, workers, 0, false, 0);
  }

  /**
   * The engine called {@code name} with its settings ({@code depth} 0 for the engine's
   * default).
   *
   * @throws IllegalArgumentException with a one-line message for an unknown engine or a
   *     combination it does not accept
   */
  static EngineConfig of(String name, int workers, int depth, boolean symmetry,
      int fingerprintBits) {
    EngineConfig.Engine engine = EngineConfig.Engine.fromUserName(name).orElseThrow(
        () -> new IllegalArgumentException("unknown engine '" + name + "' (available: "
            + EngineConfig.Engine.names() + ")"));
    EngineConfig config = new EngineConfig(engine, workers, depth, symmetry, fingerprintBits,
        false, 0);
    config.problem().ifPresent(p -> {
      // The plugin's parameters are named without the command line's dashes.
      throw new IllegalArgumentException(p.replace("--fingerprint", "fingerprintBits")
          .replace("--", ""));
    });
    return config;
  }
}
