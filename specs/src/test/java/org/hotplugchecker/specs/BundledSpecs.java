package org.hotplugchecker.specs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where the bundled specs and the shared reference numbers are. */
final class BundledSpecs {
  private BundledSpecs() {}

  /** The specs module directory (surefire runs tests there). */
  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  }

  static Path referenceDir() {
    return moduleDir().resolve("reference");
  }

  static Path storyDir() {
    return moduleDir().resolve("story");
  }

  /** Every *.yaml below {@code dir}, sorted. */
  static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code shared/reference/counts.json}: {@code -Dhotplug.shared}, else a {@code shared}
   * folder in or beside any directory above this module.
   */
  static Path countsJson() {
    String override = System.getProperty("hotplug.shared");
    if (override != null) {
      return Path.of(override).resolve("reference/counts.json");
    }
    for (Path dir = moduleDir(); dir != null; dir = dir.getParent()) {
      for (Path candidate : List.of(dir.resolve("shared/reference/counts.json"),
          dir.resolveSibling("shared").resolve("reference/counts.json"))) {
        if (Files.isRegularFile(candidate)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("shared/reference/counts.json not found above "
        + moduleDir() + " (set -Dhotplug.shared)");
  }

  /** The entries of counts.json, in file order. */
  static List<JsonNode> referenceCases() {
    try {
      List<JsonNode> cases = new ArrayList<>();
      new ObjectMapper().readTree(countsJson().toFile()).forEach(cases::add);
      return cases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
