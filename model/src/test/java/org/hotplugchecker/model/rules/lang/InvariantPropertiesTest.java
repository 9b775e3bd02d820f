package org.hotplugchecker.model.rules.lang;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.eval.PackedLayout;
import org.hotplugchecker.model.rules.eval.RandomWalks;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.topology.Topology;

/**
 * The parser, printer and the engines' evaluation against each other and against
 * {@link ReferenceEvaluator}, on random invariants, topologies and states; and the parser on
 * arbitrary strings and on mutations of valid sources, where it must give an expression or
 * an {@link InvariantException} with a sane position, nothing else.
 */
class InvariantPropertiesTest {

  @Provide
  Arbitrary<InvariantArbitraries.Generated> invariants() {
    return InvariantArbitraries.invariants();
  }

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.small();
  }

  @Property(tries = 1000)
  void printedTextParsesBackToTheSameExpr(
      @ForAll("invariants") InvariantArbitraries.Generated g) throws InvariantException {
    String printed = InvariantPrinter.print(g.expr());
    assertEquals(g.expr(), InvariantParserTest.parse(printed), printed);
  }

  @Property(tries = 1000)
  void generatedSourceParsesToTheGeneratedExpr(
      @ForAll("invariants") InvariantArbitraries.Generated g) throws InvariantException {
    assertEquals(g.expr(), InvariantParserTest.parse(g.source()));
  }

  @Property(tries = 400)
  void theEnginesEvaluateAsTheReferenceEvaluatorOnRandomAndReachableStates(
      @ForAll("invariants") InvariantArbitraries.Generated g, @ForAll("topologies") Topology t,
      @ForAll long seed) throws InvariantException {
    Expr parsed = InvariantParserTest.parse(g.source());
    RuleMachine machine = new RuleMachine(HotplugRules.RULES, t,
        List.of(new PropertyRule.Invariant("user", "generated", parsed, g.source())));
    Random random = new Random(seed);
    List<long[]> states = List.of(machine.bootState(), randomState(machine.layout(), random),
        RandomWalks.fromBoot(machine, random, random.nextInt(40)));
    for (long[] s : states) {
      boolean expected = new ReferenceEvaluator(t, machine.layout(), s).holds(parsed);
      assertEquals(expected, machine.holds(0, s), () -> g + " in " + machine.variables(s));
    }
  }

  /**
   * Any bit pattern of the layout: booleans 0/1, integers from -1 to the largest value the
   * field holds, which may be past the last node (out-of-range reads on purpose).
   */
  private static long[] randomState(PackedLayout layout, Random random) {
    long[] state = new long[layout.words()];
    for (int s = 0; s < layout.slots().size(); s++) {
      for (int i = 0; i < layout.size(s); i++) {
        int width = layout.width(layout.field(s, i));
        layout.setRaw(state, layout.field(s, i), random.nextInt(1 << width));
      }
    }
    return state;
  }

  // ---- robustness ------------------------------------------------------------------

  /** Tokens valid and not, for random soups and mutations. */
  private static final List<String> VOCABULARY = List.of("forall", "exists", "in", "nodes",
      "cpus", "blocks", "true", "false", "oops", "node.online", "cpu.nid", "cpu.home",
      "distance", "c", "n", "x", "(", ")", "[", "]", "!", "&&", "||", "->", "<->", "==", "!=",
      "<", "<=", ">", ">=", "-", ":", "0", "1", "-1", "2147483648", "010", "0x1", "&", "|",
      "=", "=>", "$", ".", "\u00e9", "\n", "node.");

  @Provide
  Arbitrary<String> noise() {
    Arbitrary<String> soup = Arbitraries.of(VOCABULARY).list().ofMaxSize(25)
        .map(ts -> String.join(" ", ts));
    Arbitrary<String> glued = Arbitraries.of(VOCABULARY).list().ofMaxSize(25)
        .map(ts -> String.join("", ts));
    return Arbitraries.oneOf(soup, glued,
        Arbitraries.strings().withChars("()[]!&|-<>=: .\n\tabcnotx_019").ofMaxLength(40),
        Arbitraries.strings().all().ofMaxLength(30));
  }

  @Property(tries = 3000)
  void anyStringGivesAnExpressionOrAnInvariantException(@ForAll("noise") String source) {
    parsesOrFailsCleanly(source);
  }

  /** An edit of a token list: delete, insert, replace, swap or duplicate. */
  record Mutation(int kind, int at, int other, String token) {
    List<String> apply(List<String> tokens) {
      List<String> out = new ArrayList<>(tokens);
      int i = Math.floorMod(at, out.size() + 1);
      int j = Math.floorMod(other, Math.max(1, out.size()));
      switch (kind) {
        case 0 -> out.add(i, token);
        case 1 -> {
          if (i < out.size()) {
            out.remove(i);
          }
        }
        case 2 -> {
          if (i < out.size()) {
            out.set(i, token);
          }
        }
        case 3 -> {
          if (i < out.size() && j < out.size()) {
            String t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
          }
        }
        default -> {
          if (i < out.size()) {
            out.add(i, out.get(i));
          }
        }
      }
      return out;
    }
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    return Combinators.combine(Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 200), Arbitraries.integers().between(0, 200),
        Arbitraries.of(VOCABULARY)).as(Mutation::new).list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 2000)
  void mutatedSourcesGiveAnExpressionOrAnInvariantException(
      @ForAll("invariants") InvariantArbitraries.Generated g,
      @ForAll("mutations") List<Mutation> mutations) {
    List<String> tokens = g.tokens();
    for (Mutation m : mutations) {
      tokens = m.apply(tokens);
    }
    parsesOrFailsCleanly(String.join(" ", tokens));
  }

  /**
   * Parsing {@code source} gives a bool expression that survives a print/parse round
   * trip, or an {@link InvariantException} with a one-line message and a position inside
   * the source (or one past its end). Any other throwable fails the property.
   */
  static void parsesOrFailsCleanly(String source) {
    Expr e;
    try {
      e = InvariantParserTest.parse(source);
    } catch (InvariantException ex) {
      int length = source.codePointCount(0, source.length());
      String msg = ex.getMessage();
      assertTrue(ex.column() >= 1 && ex.column() <= length + 1, msg);
      assertTrue(ex.line() >= 1 && ex.lineColumn() >= 1 && ex.lineColumn() <= ex.column(), msg);
      assertFalse(msg.contains("\n") || msg.contains("\r"), msg);
      assertFalse(ex.reason().isBlank(), msg);
      assertTrue(msg.startsWith("column " + ex.column()) && msg.endsWith(ex.reason()), msg);
      return;
    }
    // Outside the try: the printed text failing to parse is a bug, not a clean rejection.
    String printed = InvariantPrinter.print(e);
    assertEquals(e, assertDoesNotThrow(() -> InvariantParserTest.parse(printed)), printed);
  }
}
