package org.hotplugchecker.model.rules.lang;

/**
 * An invariant's source text that is not a well-typed bool expression: a syntax error, an
 * unknown name, a wrong type, a wrong number of indices, a name that is taken, ... One
 * exception per source, the first error found reading left to right.
 *
 * <p>Positions count code points (what an editor shows as columns) in the string as given,
 * from 1. {@link #column()} counts through the whole string, a newline being one character:
 * for a YAML folded scalar ({@code >-}), whose newlines YAML already turned into spaces, it
 * is the column in the folded text. When the source has newlines ({@code |} scalars),
 * {@link #line()} and {@link #lineColumn()} also locate the error within its line. An
 * error at the end of the source points one past its last character.
 *
 * <p>{@link #getMessage()} is one line: {@code column 17: REASON} for a one-line source,
 * {@code column 40 (line 2, column 5): REASON} for a multi-line one.
 */
public final class InvariantException extends Exception {
  private final int column;
  private final int line;
  private final int lineColumn;
  private final String reason;

  /** An error at char offset {@code offset} of {@code source}, for {@code reason}. */
  InvariantException(String source, int offset, String reason) {
    this(columnOf(source, offset), lineOf(source, offset), lineColumnOf(source, offset),
        multiLine(source), reason.replace('\n', ' ').replace('\r', ' '));
  }

  private InvariantException(int column, int line, int lineColumn, boolean multiLine,
      String reason) {
    super(format(column, line, lineColumn, multiLine, reason));
    this.column = column;
    this.line = line;
    this.lineColumn = lineColumn;
    this.reason = reason;
  }

  private static String format(int column, int line, int lineColumn, boolean multiLine,
      String reason) {
    String where = multiLine
        ? "column " + column + " (line " + line + ", column " + lineColumn + ")"
        : "column " + column;
    return where + ": " + reason;
  }

  /** 1-based column of the error in the whole source string (code points). */
  public int column() {
    return column;
  }

  /** 1-based line of the error (1 when the source has no newline). */
  public int line() {
    return line;
  }

  /** 1-based column of the error within {@link #line()} (equals {@link #column()} on line 1). */
  public int lineColumn() {
    return lineColumn;
  }

  /** What is wrong, without the position; one line. */
  public String reason() {
    return reason;
  }

  // Offsets are char indices (what the lexer works with); users see code points, so that
  // a character outside the BMP counts as one column, as in their editor.

  static int columnOf(String source, int offset) {
    return source.codePointCount(0, clamp(source, offset)) + 1;
  }

  private static int lineOf(String source, int offset) {
    int line = 1;
    for (int i = 0; i < clamp(source, offset); i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static int lineColumnOf(String source, int offset) {
    int at = clamp(source, offset);
    int lineStart = source.lastIndexOf('\n', at - 1) + 1;
    return source.codePointCount(lineStart, at) + 1;
  }

  private static boolean multiLine(String source) {
    return source.indexOf('\n') >= 0;
  }

  private static int clamp(String source, int offset) {
    return Math.max(0, Math.min(offset, source.length()));
  }
}
