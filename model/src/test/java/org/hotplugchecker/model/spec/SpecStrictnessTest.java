package org.hotplugchecker.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the loader refuses although a lenient YAML reader would take it: duplicate keys at
 * any depth, JSON that is not strict JSON, booleans other than {@code true} and
 * {@code false}, and files that are not UTF-8 text.
 */
class SpecStrictnessTest {
  private static final String YAML = """
      name: s1
      arch: x86
      kernel: {base: v5.0, pgdat_for_every_possible_node: false}
      nodes: 2
      distance:
        - [10, 20]
        - [20, 10]
      cpus:
        - {home: 0, boot: true, hotplug: false}
        - home: 1
          boot: true
          hotplug: true
      memory:
        - {home: 0, boot: true, hotplug: false}
      faults: [add_memory_fails]
      properties: [no_oops, cpu_node_has_pgdat]
      expect:
        no_oops: holds
        cpu_node_has_pgdat: holds
      """;

  private static final String JSON = """
      {
        "name": "s1",
        "arch": "x86",
        "kernel": {"base": "v5.0", "pgdat_for_every_possible_node": false},
        "nodes": 2,
        "cpus": [
          {"home": 0, "boot": true, "hotplug": false},
          {"home": 1, "boot": true, "hotplug": true}
        ],
        "memory": [{"home": 0, "boot": true, "hotplug": false}],
        "expect": {"no_oops": "holds", "cpu_node_has_pgdat": "holds"}
      }
      """;

  @TempDir Path dir;

  private static SpecException error(String file, String text) {
    return assertThrows(SpecException.class,
        () -> new SpecLoader().parseAll(Path.of(file), text), text);
  }

  private static void assertOneLine(SpecException e) {
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void theSamplesAreValid() throws SpecException {
    assertEquals(1, new SpecLoader().parseAll(Path.of("s.yaml"), YAML).size());
    assertEquals(1, new SpecLoader().parseAll(Path.of("s.json"), JSON).size());
  }

  /**
   * A mapping key of a sample text.
   *
   * @param name the key
   * @param line its line
   * @param start where it starts (its opening quote in JSON)
   * @param end just after its colon
   * @param flow whether it is an entry of a flow mapping ({@code {a: 1, b: 2}})
   */
  record Key(String name, int line, int start, int end, boolean flow) {
    @Override
    public String toString() {
      return name + " at line " + line;
    }
  }

  /** Every mapping key of {@code text}, block or flow style (every JSON key is flow). */
  static List<Key> keys(String text, boolean json) {
    List<Key> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"?\\b([A-Za-z_]+)\"?:(?=\\s)").matcher(text);
    while (m.find()) {
      String before = text.substring(text.lastIndexOf('\n', m.start() - 1) + 1, m.start());
      boolean flow = json || before.endsWith("{") || before.endsWith(", ");
      boolean block = before.isBlank() || before.strip().equals("-");
      if (flow || block) {
        int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count()
            + 1;
        out.add(new Key(m.group(1), line, m.start(), m.end(), flow));
      }
    }
    return out;
  }

  /** {@code text} with the entry of key {@code k} given twice. */
  static String duplicate(String text, Key k) {
    if (k.flow()) {
      // repeat "key: value" inside its braces, in front of itself
      String entry = text.substring(k.start(), flowEntryEnd(text, k.end()));
      return text.substring(0, k.start()) + entry.strip() + ", " + text.substring(k.start());
    }
    int lineStart = text.lastIndexOf('\n', k.start() - 1) + 1;
    int lineEnd = text.indexOf('\n', k.start());
    String indent = " ".repeat(k.start() - lineStart);
    String value = text.substring(k.end(), lineEnd).strip();
    if (value.isEmpty()) {
      // the value is the block below: the copy goes in front, with any value
      return text.substring(0, lineStart) + indent + k.name() + ": []\n"
          + text.substring(lineStart);
    }
    return text.substring(0, lineEnd + 1) + indent + k.name() + ": " + value + "\n"
        + text.substring(lineEnd + 1);
  }

  /** Where the flow entry whose value starts at {@code from} ends (its comma or brace). */
  private static int flowEntryEnd(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return i;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        return i;
      }
    }
    return text.length();
  }

  static Stream<Object[]> everyKeyTwice() {
    List<Object[]> cases = new ArrayList<>();
    for (Key k : keys(YAML, false)) {
      cases.add(new Object[] {"s.yaml", k, duplicate(YAML, k)});
    }
    for (Key k : keys(JSON, true)) {
      cases.add(new Object[] {"s.json", k, duplicate(JSON, k)});
    }
    // every key of both samples, at every depth (flow and block, list items, expect:)
    assertTrue(cases.size() > 40, "keys found: " + cases.size());
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyKeyTwice")
  void everyKeyGivenTwiceIsAnErrorNamingItsLine(String file, Key k, String text) {
    SpecException e = error(file, text);
    assertOneLine(e);
    assertTrue(e.getMessage().contains("duplicate key '" + k.name() + "' (first at line "
        + k.line() + ")"), e.getMessage() + "\n" + text);
    assertTrue(e.field().endsWith(k.name()), e.getMessage());
    assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ": field '"), e.getMessage());
    assertTrue(e.line() >= k.line(), e.getMessage());
  }

  @Test
  void theSecondNodesAndASecondExpectEntryAreNamed() {
    SpecException e = error("s.yaml", YAML.replace("nodes: 2\n", "nodes: 2\nnodes: 3\n"));
    assertEquals("s.yaml:5: field 'nodes': duplicate key 'nodes' (first at line 4)",
        e.getMessage());
    SpecException x = error("s.yaml", YAML + "  no_oops: violated\n");
    assertEquals("expect.no_oops", x.field());
    assertEquals(20, x.line());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"arch\": \"x86\",}",
      "{\"arch\": \"x86\", \"cpus\": [1, 2,]}",
      "{\"arch\": \"x86\", // comment\n}",
      "{'arch': 'x86'}",
      "{arch: \"x86\"}",
      "{\"arch\": \"x86\"} {}",
      "{\"nodes\": 01}"})
  void jsonMustBeStrictJson(String text) {
    SpecException e = error("s.json", text);
    assertTrue(e.getMessage().startsWith("s.json:"), e.getMessage());
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void aTrailingCommaIsSaidPlainlyWithItsLine() {
    SpecException e = error("s.json", JSON.replace("\"holds\"}", "\"holds\",}"));
    assertEquals(11, e.line(), e.getMessage());
    assertTrue(e.getMessage().endsWith("malformed JSON: trailing comma before '}'"),
        e.getMessage());
    SpecException list = error("s.json", JSON.replace("false}]", "false},]"));
    assertTrue(list.getMessage().endsWith("trailing comma before ']'"), list.getMessage());
  }

  static Stream<String> booleanFields() {
    return Stream.of("cpus[0].boot", "cpus[0].hotplug", "cpus[1].boot", "cpus[1].hotplug",
        "memory[0].boot", "memory[0].hotplug", "kernel.pgdat_for_every_possible_node");
  }

  /** Every spelling YAML 1.1 reads as a boolean, and the quoted ones. */
  static final List<String> NOT_BOOLEANS = List.of("yes", "Yes", "YES", "no", "No", "NO",
      "on", "On", "ON", "off", "Off", "OFF", "True", "TRUE", "False", "FALSE", "y", "n",
      "\"true\"", "'false'", "1", "0", "~", "truth");

  /** {@code text} with the value of boolean field {@code field} replaced by {@code v}. */
  static String withBoolean(String field, String v) {
    return switch (field) {
      case "cpus[0].boot" -> YAML.replace("- {home: 0, boot: true, hotplug: false}\n  - home",
          "- {home: 0, boot: " + v + ", hotplug: false}\n  - home");
      case "cpus[0].hotplug" -> YAML.replace("- {home: 0, boot: true, hotplug: false}\n  - home",
          "- {home: 0, boot: true, hotplug: " + v + "}\n  - home");
      case "cpus[1].boot" -> YAML.replace("    boot: true", "    boot: " + v);
      case "cpus[1].hotplug" -> YAML.replace("    hotplug: true", "    hotplug: " + v);
      case "memory[0].boot" -> YAML.replace("- {home: 0, boot: true, hotplug: false}\nfaults",
          "- {home: 0, boot: " + v + ", hotplug: false}\nfaults");
      case "memory[0].hotplug" -> YAML.replace(
          "- {home: 0, boot: true, hotplug: false}\nfaults",
          "- {home: 0, boot: true, hotplug: " + v + "}\nfaults");
      case "kernel.pgdat_for_every_possible_node" -> YAML.replace(
          "pgdat_for_every_possible_node: false", "pgdat_for_every_possible_node: " + v);
      default -> throw new IllegalArgumentException(field);
    };
  }

  static Stream<Object[]> booleanCases() {
    return booleanFields().flatMap(f -> NOT_BOOLEANS.stream().map(v -> new Object[] {f, v}));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("booleanCases")
  void onlyTrueAndFalseAreBooleansInEveryBooleanField(String field, String spelling) {
    String text = withBoolean(field, spelling);
    assertTrue(!text.equals(YAML), "the replacement took place");
    SpecException e = error("s.yaml", text);
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains("expected true or false"), e.getMessage());
    assertOneLine(e);
  }

  @Test
  void trueAndFalseAreReadInEveryBooleanField() throws SpecException {
    for (String field : booleanFields().toList()) {
      for (String v : List.of("true", "false")) {
        String text = withBoolean(field, v);
        // false where boot must be true is a topology error, not a spelling one
        try {
          new SpecLoader().parseAll(Path.of("s.yaml"), text);
        } catch (SpecException e) {
          assertFalse(e.getMessage().contains("expected true or false"), e.getMessage());
        }
      }
    }
  }

  @Test
  void aQuotedTrueSaysWhy() {
    SpecException e = error("s.yaml", withBoolean("cpus[1].boot", "\"true\""));
    assertTrue(e.getMessage().endsWith("got 'true' (a quoted string; write true without "
        + "quotes)"), e.getMessage());
    SpecException json = error("s.json", JSON.replace("\"boot\": true, \"hotplug\": true",
        "\"boot\": \"true\", \"hotplug\": true"));
    assertEquals("cpus[1].boot", json.field());
  }

  @Test
  void aBinaryFileIsSaidToBeOne() throws IOException {
    Path png = dir.resolve("picture.yaml");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
    SpecException e = assertThrows(SpecException.class, () -> new SpecLoader().load(png));
    assertEquals(png + ": a binary file, not a YAML or JSON spec (it contains a NUL byte at "
        + "offset 8)", e.getMessage());
  }

  @Test
  void textThatIsNotUtf8NamesTheLineAndByte() throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "name: caf\u00e9\narch: x86\n".getBytes(StandardCharsets.ISO_8859_1));
    SpecException e = assertThrows(SpecException.class, () -> new SpecLoader().load(latin1));
    assertEquals(latin1 + ":1: not UTF-8 text (byte 0xe9 at offset 9); a spec is a UTF-8 YAML "
        + "or JSON file", e.getMessage());
    Path later = dir.resolve("later.yaml");
    Files.write(later, "arch: x86\nname: \u00ff\n".getBytes(StandardCharsets.ISO_8859_1));
    assertEquals(2, assertThrows(SpecException.class, () -> new SpecLoader().load(later))
        .line());
  }

  @Test
  void aByteOrderMarkIsFine() throws IOException, SpecException {
    Path bom = dir.resolve("bom.yaml");
    Files.writeString(bom, "\uFEFF" + YAML);
    assertEquals("s1", new SpecLoader().load(bom).name());
  }

  @Test
  void aDirectoryCannotBeRead() {
    SpecException e = assertThrows(SpecException.class, () -> new SpecLoader().load(dir));
    assertTrue(e.getMessage().startsWith(dir + ": cannot read: "), e.getMessage());
    assertOneLine(e);
  }
}
