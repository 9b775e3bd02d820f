package org.hotplugchecker.model.rules.lang;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.lang.Token.Kind;

/**
 * Splits an invariant into tokens. Words are ASCII letters, digits, {@code _} and
 * {@code .} starting with a letter or {@code _} (so {@code node.online} is one token);
 * integers are decimal digits. Whitespace is space, tab, CR and LF; anything else that is
 * not an operator is reported as a bad character, with a hint for the usual near misses
 * ({@code &}, {@code |}, {@code =}, {@code =>}).
 */
final class Lexer {
  private final String source;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  private Lexer(String source) {
    this.source = source;
  }

  /** The tokens of {@code source}, ending with one {@link Kind#END} token. */
  static List<Token> lex(String source) throws InvariantException {
    Lexer lexer = new Lexer(source);
    lexer.run();
    return lexer.tokens;
  }

  private void run() throws InvariantException {
    while (true) {
      while (pos < source.length() && isSpace(source.charAt(pos))) {
        pos++;
      }
      if (pos >= source.length()) {
        tokens.add(new Token(Kind.END, "", source.length(), source.length()));
        return;
      }
      char c = source.charAt(pos);
      if (isWordStart(c)) {
        word();
      } else if (isDigit(c)) {
        number();
      } else {
        symbol(c);
      }
    }
  }

  private void word() {
    int start = pos;
    while (pos < source.length() && isWordPart(source.charAt(pos))) {
      pos++;
    }
    add(Kind.WORD, start);
  }

  private void number() throws InvariantException {
    int start = pos;
    // Take letters too, so that 0x10 or 1e3 is one bad number rather than a number
    // followed by a confusing name.
    while (pos < source.length() && isWordPart(source.charAt(pos))) {
      pos++;
    }
    String text = source.substring(start, pos);
    if (!text.chars().allMatch(Lexer::isDigit)) {
      throw new InvariantException(source, start,
          text + " is not an integer (write decimal digits only)");
    }
    if (text.length() > 1 && text.charAt(0) == '0') {
      // C reads 010 as octal 8; accepting it as 10 would silently mean something else.
      throw new InvariantException(source, start,
          text + ": write integers without leading zeros (C would read " + text + " as octal)");
    }
    add(Kind.INT, start);
  }

  private void symbol(char c) throws InvariantException {
    int start = pos;
    switch (c) {
      case '(' -> one(Kind.LPAREN);
      case ')' -> one(Kind.RPAREN);
      case '[' -> one(Kind.LBRACKET);
      case ']' -> one(Kind.RBRACKET);
      case ':' -> one(Kind.COLON);
      case '!' -> either("!=", Kind.NE, Kind.NOT);
      case '>' -> either(">=", Kind.GE, Kind.GT);
      case '-' -> either("->", Kind.IMPLIES, Kind.MINUS);
      case '<' -> {
        if (source.startsWith("<->", pos)) {
          pos += 3;
          add(Kind.IFF, start);
        } else {
          either("<=", Kind.LE, Kind.LT);
        }
      }
      case '&' -> doubled("&&", Kind.AND);
      case '|' -> doubled("||", Kind.OR);
      case '=' -> {
        if (source.startsWith("=>", pos)) {
          throw new InvariantException(source, start, "unexpected '=>' (did you mean ->?)");
        }
        doubled("==", Kind.EQ);
      }
      default -> throw new InvariantException(source, start,
          "unexpected character " + describeChar(source.codePointAt(pos)));
    }
  }

  private void one(Kind kind) {
    int start = pos++;
    add(kind, start);
  }

  private void either(String two, Kind twoKind, Kind oneKind) {
    int start = pos;
    if (source.startsWith(two, pos)) {
      pos += 2;
      add(twoKind, start);
    } else {
      pos++;
      add(oneKind, start);
    }
  }

  private void doubled(String two, Kind kind) throws InvariantException {
    if (!source.startsWith(two, pos)) {
      throw new InvariantException(source, pos,
          "unexpected character '" + two.charAt(0) + "' (did you mean " + two + "?)");
    }
    int start = pos;
    pos += 2;
    add(kind, start);
  }

  private void add(Kind kind, int start) {
    tokens.add(new Token(kind, source.substring(start, pos), start, pos));
  }

  /** A character for a message: printable ASCII as itself, anything else by code point. */
  static String describeChar(int cp) {
    if (cp > ' ' && cp < 127) {
      return "'" + (char) cp + "'";
    }
    String name = Character.isValidCodePoint(cp) ? Character.getName(cp) : null;
    return String.format("U+%04X", cp) + (name == null ? "" : " (" + name + ")");
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || isDigit(c) || c == '.';
  }

  private static boolean isDigit(int c) {
    return c >= '0' && c <= '9';
  }
}
