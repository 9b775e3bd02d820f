package org.hotplugchecker.model.spec;

import java.nio.file.Path;

/**
 * A spec file that cannot be checked. {@link #getMessage()} is the one-line error shown
 * to users: {@code FILE:LINE: field 'cpus[1].home': node 5 is out of range 0..2}.
 */
public final class SpecException extends Exception {
  private final Path file;
  private final int line;
  private final String field;
  private final String reason;

  /**
   * Creates the error.
   *
   * @param file the spec file
   * @param line 1-based line, or 0 when unknown
   * @param field spec path of the offending field, or empty for the whole file
   * @param reason what is wrong, without file or line
   */
  public SpecException(Path file, int line, String field, String reason) {
    super(format(file, line, field, reason));
    this.file = file;
    this.line = line;
    this.field = field;
    this.reason = reason;
  }

  private static String format(Path file, int line, String field, String reason) {
    StringBuilder sb = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (!field.isEmpty()) {
      sb.append("field '").append(field).append("': ");
    }
    return sb.append(reason.replace('\n', ' ')).toString();
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
