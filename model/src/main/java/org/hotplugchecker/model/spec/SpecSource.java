package org.hotplugchecker.model.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The text of a spec file: UTF-8, not binary, and for a {@code .json} file strict JSON
 * (RFC 8259: no trailing commas, comments or single quotes), which YAML alone would let
 * through.
 */
final class SpecSource {
  // Duplicate keys are left to DuplicateKeys, which names them the same way for YAML.
  private static final JsonFactory JSON = new JsonFactory();

  private SpecSource() {}

  /** Reads {@code file} as UTF-8 text; a binary or non-UTF-8 file is a one-line error. */
  static String read(Path file) throws SpecException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new SpecException(file, 0, "", "no such file");
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new SpecException(file, 0, "", "cannot read: " + why);
    }
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new SpecException(file, 0, "", "a binary file, not a YAML or JSON spec (it "
            + "contains a NUL byte at offset " + i + ")");
      }
    }
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    String text;
    try {
      text = utf8.decode(in).toString();
    } catch (CharacterCodingException e) {
      int at = firstInvalid(bytes);
      throw new SpecException(file, lineAt(bytes, at), "", String.format(Locale.ROOT,
          "not UTF-8 text (byte 0x%02x at offset %d); a spec is a UTF-8 YAML or JSON file",
          bytes[at] & 0xff, at));
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static int firstInvalid(byte[] bytes) {
    CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
    utf8.decode(in, out, true);
    return Math.min(in.position(), bytes.length - 1);
  }

  private static int lineAt(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      line += bytes[i] == '\n' ? 1 : 0;
    }
    return line;
  }

  /** Whether {@code file} is to be read as JSON (its name ends in {@code .json}). */
  static boolean isJson(Path file) {
    Path name = file.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  /**
   * Checks that {@code text} is one strict JSON value. The spec is then read from the YAML
   * tree of the same text (JSON is a subset of YAML), so both formats share one loader.
   */
  static void checkJson(Path file, String text) throws SpecException {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() == null) {
        return; // empty: the loader says so
      }
      p.skipChildren();
      if (p.nextToken() != null) {
        throw new SpecException(file, p.currentTokenLocation().getLineNr(), "",
            "malformed JSON: more than one value");
      }
    } catch (JsonParseException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new SpecException(file, line, "", "malformed JSON: " + jsonProblem(text, e));
    } catch (IOException e) {
      throw new SpecException(file, 0, "", "malformed JSON: " + e.getMessage());
    }
  }

  /** Jackson's message without its source excerpt; a trailing comma said plainly. */
  private static String jsonProblem(String text, JsonParseException e) {
    if (e.getLocation() != null && !text.isEmpty()) {
      // Jackson stops at (or just after) the character it did not expect.
      int at = (int) Math.min(Math.max(0, e.getLocation().getCharOffset()), text.length());
      for (int i = Math.max(0, at - 1); i <= Math.min(at, text.length() - 1); i++) {
        char c = text.charAt(i);
        if ((c == '}' || c == ']') && commaBefore(text, i)) {
          return "trailing comma before '" + c + "'";
        }
      }
    }
    String m = e.getOriginalMessage();
    return m == null ? "syntax error" : m.replace('\n', ' ');
  }

  private static boolean commaBefore(String text, int close) {
    int i = close - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i >= 0 && text.charAt(i) == ',';
  }
}
