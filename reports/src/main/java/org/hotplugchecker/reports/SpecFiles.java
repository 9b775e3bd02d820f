package org.hotplugchecker.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds spec files, for the command line and the Maven plugin alike: under a directory
 * with Ant-style include/exclude patterns, as Maven users know them ({@code **} matches
 * any number of directories, zero included, {@code *} any characters within one name,
 * {@code ?} one character). By default every {@code .yaml}, {@code .yml} and
 * {@code .json} file is a spec.
 */
public final class SpecFiles {
  /** The patterns that make a file a spec unless configured otherwise. */
  public static final List<String> DEFAULT_INCLUDES = List.of("**/*.yaml", "**/*.yml", "**/*.json");

  /**
   * What is never a spec unless configured otherwise: build output (a {@code target}
   * directory below the scanned one holds this tool's own JSON reports and traces after
   * {@code mvn verify}) and hidden directories such as {@code .git}.
   */
  public static final List<String> DEFAULT_EXCLUDES = List.of("**/target/**", "**/.*/**");

  private final List<Pattern> includes;
  private final List<Pattern> excludes;

  /** Files matching any of {@code includes} and none of {@code excludes}. */
  public SpecFiles(List<String> includes, List<String> excludes) {
    this.includes = includes.stream().map(SpecFiles::compile).toList();
    this.excludes = excludes.stream().map(SpecFiles::compile).toList();
  }

  /**
   * Every {@code .yaml}, {@code .yml} and {@code .json} file, except under {@code target}
   * and hidden directories ({@link #DEFAULT_EXCLUDES}).
   */
  public static SpecFiles defaults() {
    return new SpecFiles(DEFAULT_INCLUDES, DEFAULT_EXCLUDES);
  }

  /**
   * Expands command-line arguments: files are kept in argument order (even when missing,
   * so the loader reports them); a directory contributes its matching files, sorted.
   */
  public List<Path> expand(List<Path> arguments) {
    List<Path> out = new ArrayList<>();
    for (Path p : arguments) {
      if (Files.isDirectory(p)) {
        try {
          out.addAll(scan(p));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  /** Matching regular files under {@code dir}, sorted by path. */
  public List<Path> scan(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> matches(relative(dir, p)))
          .sorted()
          .toList();
    }
  }

  /** Whether the '/'-separated relative path is included and not excluded. */
  public boolean matches(String relativePath) {
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
