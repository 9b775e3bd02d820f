package org.hotplugchecker.model.rules.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every class of error of {@code MODEL.md}'s "User invariants" (syntax, unknown name, wrong
 * type, wrong number of indices, a name that is taken) and of the lexer (bad characters,
 * numbers), with the exact one-line message and column a user sees.
 */
class InvariantErrorsTest {

  private static InvariantException error(String source) {
    String shown = source == null || source.length() < 80 ? source
        : source.substring(0, 80) + "...";
    return assertThrows(InvariantException.class, () -> InvariantParserTest.parse(source),
        shown);
  }

  private static void fails(String source, String message) {
    assertEquals(message, error(source).getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ::: ", quoteCharacter = '"', value = {
      // unknown names, with the hints a kernel developer needs
      "forall n in nodes: node.onlin[n] ::: column 20: node.onlin is not a state variable or"
          + " topology name (did you mean node.online?)",
      "cpu_to_node[0] == -1 ::: column 1: cpu_to_node is not a state variable or topology name"
          + " (did you mean cpu.nid?)",
      "NODE_DATA[0] ::: column 1: NODE_DATA is not a state variable or topology name"
          + " (did you mean node.pgdat?)",
      "cpu.nid[0] == NUMA_NO_NODE ::: column 15: NUMA_NO_NODE is not a state variable or topology"
          + " name (write -1 for NUMA_NO_NODE)",
      "True ::: column 1: True is not a state variable or topology name (did you mean true?)",
      "forall c in cpus: cpu.online[x] ::: column 30: x is not a variable in scope, a state"
          + " variable or a topology name",
      "forall cpu in cpus: cpu.online[cpus] ::: column 32: cpus is a keyword, not a value",
      "not oops ::: column 1: not is not a state variable or topology name (write ! for not)",
      "oops and true ::: column 6: expected an operator or the end of the expression, got and"
          + " (write && for and)",
      // wrong types, pointing at the operand that is wrong
      "cpu.nid[0] && oops ::: column 1: && needs bool operands, but cpu.nid[0] is int",
      "oops || forall c in cpus: c ::: column 9: forall needs parentheses here: write (forall ...)"
          + " unless it starts the expression or follows -> or <->",
      "oops || (exists c in cpus: c) ::: column 28: the body of exists must be bool, but c is int",
      "!cpu.nid[0] ::: column 2: ! needs a bool operand, but cpu.nid[0] is int",
      "1 -> oops ::: column 1: -> needs bool operands, but 1 is int",
      "oops <-> mem.home[0] ::: column 10: <-> needs bool operands, but mem.home[0] is int",
      "oops < 1 ::: column 1: < needs int operands, but oops is bool",
      "1 >= (true) ::: column 6: >= needs int operands, but (true) is bool",
      "oops == 1 ::: column 6: == needs two ints or two bools, but oops is bool and 1 is int",
      "node.online[oops] ::: column 13: an index of node.online must be int, but oops is bool",
      "cpu.nid[0] ::: column 1: an invariant must be bool, but cpu.nid[0] is int",
      "-1 ::: column 1: an invariant must be bool, but -1 is int",
      // wrong number of indices
      "node.online ::: column 1: node.online takes one index (node.online[n]), got 0",
      "node.online[0][1] ::: column 1: node.online takes one index (node.online[n]), got 2",
      "oops[0] ::: column 1: oops takes no index, got 1",
      "distance[0] == 10 ::: column 1: distance takes 2 indices (distance[n][m]), got 1",
      "mem.hotplug[0][0][0] ::: column 1: mem.hotplug takes one index (mem.hotplug[b]), got 3",
      "forall c in cpus: c[0] == 1 ::: column 19: c is a variable; it takes no index",
      // names that are taken
      "forall oops in nodes: true ::: column 8: oops is a state variable; the variable needs"
          + " another name",
      "forall in in nodes: true ::: column 8: in is a keyword; the variable needs another name",
      "forall c in cpus: exists c in nodes: true ::: column 26: c is already a variable here"
          + " (bound at column 8); the variable needs another name",
      "forall cpu.x in cpus: true ::: column 8: cpu.x cannot name a variable: use letters, digits"
          + " and _",
      // quantifiers that need parentheses
      "oops && forall n in nodes: node.online[n] ::: column 9: forall needs parentheses here:"
          + " write (forall ...) unless it starts the expression or follows -> or <->",
      "!exists c in cpus: true ::: column 2: exists needs parentheses here: write (exists ...)"
          + " unless it starts the expression or follows -> or <->",
      // syntax
      "(oops ::: column 6: expected ')' to close the '(' at column 1, got the end of the expression",
      "node.online[0 == 1 ::: column 19: expected ']' to close the '[' of node.online at column 12,"
          + " got the end of the expression",
      "oops && ::: column 8: expected a value after '&&', got the end of the expression",
      "() ::: column 2: expected a value after '(', got ')' (empty parentheses)",
      "&& oops ::: column 1: expected a value, got '&&'",
      "forall c cpus: true ::: column 10: expected in after forall c, got cpus",
      "forall c in cpu: true ::: column 13: expected nodes, cpus or blocks after in, got cpu"
          + " (did you mean cpus?)",
      "forall c in cpus true ::: column 18: expected ':' after forall c in cpus, got true",
      "forall 1 in cpus: true ::: column 8: expected a variable name after forall, got 1",
      "forall ::: column 7: expected a variable name after forall, got the end of the expression",
      "1 == 1 == 1 ::: column 8: == cannot follow a comparison: comparisons do not chain (add"
          + " parentheses)",
      "-cpu.nid[0] == 1 ::: column 2: expected a number after '-', got cpu.nid (the language"
          + " has no arithmetic)",
      // trailing input
      "oops oops ::: column 6: expected an operator or the end of the expression, got oops",
      "oops) ::: column 5: ')' has no matching '('",
      "oops] ::: column 5: ']' has no matching '['",
      "node.online(0) ::: column 1: node.online takes one index (node.online[n]), got 0",
      // bad characters and numbers
      "oops & true ::: column 6: unexpected character '&' (did you mean &&?)",
      "oops | true ::: column 6: unexpected character '|' (did you mean ||?)",
      "cpu.nid[0] = 1 ::: column 12: unexpected character '=' (did you mean ==?)",
      "oops => true ::: column 6: unexpected '=>' (did you mean ->?)",
      "cpu.nid[0] + 1 == 2 ::: column 12: unexpected character '+'",
      "oops $ ::: column 6: unexpected character '$'",
      "0x10 == 16 ::: column 1: 0x10 is not an integer (write decimal digits only)",
      "1.5 > 1 ::: column 1: 1.5 is not an integer (write decimal digits only)",
      "010 == 8 ::: column 1: 010: write integers without leading zeros (C would read 010 as octal)",
      // integer overflow
      "cpu.nid[0] == 2147483648 ::: column 15: 2147483648 does not fit in an int"
          + " (-2147483648..2147483647)",
      "cpu.nid[0] == -2147483649 ::: column 15: -2147483649 does not fit in an int"
          + " (-2147483648..2147483647)",
      "99999999999999999999999 > 0 ::: column 1: 99999999999999999999999 does not fit in an int"
          + " (-2147483648..2147483647)",
  })
  void oneLineMessageWithTheColumn(String source, String message) {
    fails(source, message);
  }

  @Test
  void emptyAndBlankSources() {
    fails("", "column 1: the expression is empty");
    fails("   ", "column 1: the expression is empty");
    fails(null, "column 1: the expression is empty");
  }

  @Test
  void charactersOutsideAsciiAreNamedAndCountOneColumnEach() {
    fails("oops && \u00e9", "column 9: unexpected character U+00E9 (LATIN SMALL LETTER E WITH"
        + " ACUTE)");
    fails("oops\u00a0&& true", "column 5: unexpected character U+00A0 (NO-BREAK SPACE)");
    fails("oops && \uD83D\uDE00", "column 9: unexpected character U+1F600 (GRINNING FACE)");
    fails("oops && \uD800", "column 9: unexpected character U+D800 (HIGH SURROGATES D800)");
    fails("oops\u0000", "column 5: unexpected character U+0000 (NULL)");
  }

  @Test
  void aMultiLineSourceGivesTheLineAndItsColumnToo() {
    InvariantException e = error("forall c in cpus:\n  cpu.onlin[c]");
    assertEquals("column 21 (line 2, column 3): cpu.onlin is not a state variable or topology"
        + " name (did you mean cpu.online?)", e.getMessage());
    assertEquals(21, e.column());
    assertEquals(2, e.line());
    assertEquals(3, e.lineColumn());
    assertEquals("cpu.onlin is not a state variable or topology name (did you mean"
        + " cpu.online?)", e.reason());
    InvariantException atEnd = error("oops &&\n");
    assertEquals("column 9 (line 2, column 1): expected a value after '&&', got the end of"
        + " the expression", atEnd.getMessage());
    InvariantException oneLine = error("oops oops");
    assertEquals(1, oneLine.line());
    assertEquals(6, oneLine.lineColumn());
  }

  @Test
  void anOperandQuotedInAMessageIsOneShortLine() {
    fails("oops && (cpu.nid[0]\n  == cpu.nid[1] && cpu.link[0] == cpu.nid[1]) == 1",
        "column 67 (line 2, column 47): == needs two ints or two bools, but (cpu.nid[0] =="
            + " cpu.nid[1] && cpu.link... is bool and 1 is int");
  }

  @Test
  void nestingIsBoundedInsteadOfOverflowingTheStack() throws InvariantException {
    String deep = "(".repeat(5_000) + "oops" + ")".repeat(5_000);
    fails(deep, "column 101: the expression nests more than 100 levels deep");
    fails("!".repeat(100_000) + "oops", "column 101: the expression nests more than 100 levels"
        + " deep");
    fails("true -> ".repeat(1_000) + "oops", "column 801: the expression nests more than 100"
        + " levels deep");
    String ok = "(".repeat(99) + "oops" + ")".repeat(99);
    assertEquals(InvariantParserTest.parse("oops"), InvariantParserTest.parse(ok));
  }
}
