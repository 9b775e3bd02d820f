package org.hotplugchecker.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands command-line arguments into spec files: files as given, directories searched. */
final class SpecFiles {
  private SpecFiles() {}

  /**
   * Files are kept in argument order (even when missing, so the loader reports them);
   * a directory contributes every {@code .yaml}, {@code .yml} and {@code .json} file below
   * it, sorted by path.
   */
  static List<Path> expand(List<Path> arguments) {
    List<Path> out = new ArrayList<>();
    for (Path p : arguments) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile).filter(SpecFiles::looksLikeSpec).sorted()
              .forEach(out::add);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean looksLikeSpec(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }
}
