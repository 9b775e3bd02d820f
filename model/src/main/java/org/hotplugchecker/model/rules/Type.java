package org.hotplugchecker.model.rules;

/** The type of an expression or a variable. */
public enum Type {
  /** {@code true} or {@code false}. */
  BOOL("bool"),
  /** An integer; node-valued ones range over {@code -1..N-1} ({@code -1}: no node). */
  INT("int");

  private final String word;

  Type(String word) {
    this.word = word;
  }

  @Override
  public String toString() {
    return word;
  }
}
