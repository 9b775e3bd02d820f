package org.hotplugchecker.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds spec files under a directory with Ant-style include/exclude patterns, as Maven
 * users know them: {@code **} matches any number of directories (zero included),
 * {@code *} any characters within one name, {@code ?} one character.
 */
final class SpecFiles {
  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  SpecFiles(List<String> includes, List<String> excludes) {
    this.includes = includes.stream().map(SpecFiles::compile).toList();
    this.excludes = excludes.stream().map(SpecFiles::compile).toList();
  }

  /** Matching regular files under {@code dir}, sorted by relative path. */
  List<Path> scan(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> matches(relative(dir, p)))
          .sorted()
          .toList();
    }
  }

  /** Whether the '/'-separated relative path is included and not excluded. */
  boolean matches(String relativePath) {
    return includes.stream().anyMatch(p -> p.matcher(relativePath).matches())
        && excludes.stream().noneMatch(p -> p.matcher(relativePath).matches());
  }

  private static String relative(Path dir, Path file) {
    return dir.relativize(file).toString().replace('\\', '/');
  }

  /** Translates one Ant pattern to a regular expression. */
  static Pattern compile(String antPattern) {
    String p = antPattern.replace('\\', '/');
    if (p.endsWith("/")) {
      p = p + "**"; // Ant: a trailing slash means everything below
    }
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (p.startsWith("**/", i)) {
        re.append("(?:.*/)?");
        i += 2;
      } else if (p.startsWith("**", i)) {
        re.append(".*");
        i += 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
