package org.hotplugchecker.model.rules.gen;

/** Java source with indentation, line by line. */
final class JavaWriter {
  private final StringBuilder sb = new StringBuilder();
  private int indent;

  /** Writes one line at the current indentation. */
  JavaWriter line(String text) {
    if (!text.isEmpty()) {
      sb.append("  ".repeat(indent));
    }
    sb.append(text).append('\n');
    return this;
  }

  /** Writes {@code text} and indents the lines after it (for a line ending in '{'). */
  JavaWriter open(String text) {
    line(text);
    indent++;
    return this;
  }

  /** Un-indents and writes {@code text} (usually "}"). */
  JavaWriter close(String text) {
    indent--;
    return line(text);
  }

  /** Un-indents, writes {@code text} (e.g. "} else {") and indents again. */
  JavaWriter reopen(String text) {
    indent--;
    line(text);
    indent++;
    return this;
  }

  JavaWriter close() {
    return close("}");
  }

  /** Appends another writer's text at this one's indentation. */
  JavaWriter append(JavaWriter other) {
    for (String l : other.sb.toString().split("\n", -1)) {
      if (!l.isEmpty()) {
        line(l);
      }
    }
    return this;
  }

  @Override
  public String toString() {
    return sb.toString();
  }
}
