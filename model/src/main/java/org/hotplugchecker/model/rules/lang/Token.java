package org.hotplugchecker.model.rules.lang;

/**
 * One token of an invariant: its kind, its text as written and where it is (char offsets
 * into the source, {@code end} exclusive).
 */
record Token(Kind kind, String text, int start, int end) {

  /** The kinds of token; {@link #WORD} covers names, variables and keywords alike. */
  enum Kind {
    WORD, INT, LPAREN, RPAREN, LBRACKET, RBRACKET, NOT, AND, OR, IMPLIES, IFF,
    EQ, NE, LT, LE, GT, GE, MINUS, COLON, END
  }

  boolean is(Kind k) {
    return kind == k;
  }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equals(word);
  }

  boolean isComparison() {
    return switch (kind) {
      case EQ, NE, LT, LE, GT, GE -> true;
      default -> false;
    };
  }

  /** How error messages name it: words and numbers as written, symbols quoted. */
  String describe() {
    return switch (kind) {
      case END -> "the end of the expression";
      case WORD, INT -> text;
      default -> "'" + text + "'";
    };
  }
}
