package org.hotplugchecker.model.rules.lang;

import static org.hotplugchecker.model.rules.HotplugRules.CPU_HOME;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_LINK;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_NID;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_PRESENT;
import static org.hotplugchecker.model.rules.HotplugRules.DISTANCE;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_PGDAT;
import static org.hotplugchecker.model.rules.HotplugRules.OOPS;
import static org.hotplugchecker.model.rules.Rules.FALSE;
import static org.hotplugchecker.model.rules.Rules.TRUE;
import static org.hotplugchecker.model.rules.Rules.and;
import static org.hotplugchecker.model.rules.Rules.eq;
import static org.hotplugchecker.model.rules.Rules.exists;
import static org.hotplugchecker.model.rules.Rules.forall;
import static org.hotplugchecker.model.rules.Rules.iff;
import static org.hotplugchecker.model.rules.Rules.implies;
import static org.hotplugchecker.model.rules.Rules.lit;
import static org.hotplugchecker.model.rules.Rules.ne;
import static org.hotplugchecker.model.rules.Rules.not;
import static org.hotplugchecker.model.rules.Rules.or;
import static org.hotplugchecker.model.rules.Rules.read;
import static org.hotplugchecker.model.rules.Rules.topo;
import static org.hotplugchecker.model.rules.Rules.var;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Expr.CompareOp;
import org.hotplugchecker.model.rules.HotplugRules;
import org.junit.jupiter.api.Test;

/**
 * What each construct, precedence and associativity rule of {@code MODEL.md}'s invariant
 * grammar parses to. {@code true}, {@code false} and {@code oops} serve as three distinct
 * bool atoms.
 */
class InvariantParserTest {
  private static final Expr OOPSED = read(OOPS);
  private static final Expr C = var("c");
  private static final Expr N = var("n");

  static Expr parse(String source) throws InvariantException {
    return InvariantParser.parse(HotplugRules.RULES, source);
  }

  private static void parses(String source, Expr expected) throws InvariantException {
    assertEquals(expected, parse(source), source);
  }

  @Test
  void andBindsTighterThanOr() throws InvariantException {
    parses("true || false && oops", or(TRUE, and(FALSE, OOPSED)));
    parses("true && false || oops", or(and(TRUE, FALSE), OOPSED));
  }

  @Test
  void chainsOfOneOperatorAreOneNodeButParenthesesNest() throws InvariantException {
    parses("true && false && oops", and(TRUE, FALSE, OOPSED));
    parses("(true && false) && oops", and(and(TRUE, FALSE), OOPSED));
    parses("true && (false && oops)", and(TRUE, and(FALSE, OOPSED)));
    parses("true || false || oops", or(TRUE, FALSE, OOPSED));
    parses("((oops))", OOPSED);
  }

  @Test
  void impliesAndIffAreRightAssociativeAndLoosest() throws InvariantException {
    parses("true -> false -> oops", implies(TRUE, implies(FALSE, OOPSED)));
    parses("true <-> false -> oops", iff(TRUE, implies(FALSE, OOPSED)));
    parses("true -> false <-> oops", implies(TRUE, iff(FALSE, OOPSED)));
    parses("true <-> false <-> oops", iff(TRUE, iff(FALSE, OOPSED)));
    parses("(true -> false) -> oops", implies(implies(TRUE, FALSE), OOPSED));
    parses("true -> false || oops", implies(TRUE, or(FALSE, OOPSED)));
    parses("true || false -> oops", implies(or(TRUE, FALSE), OOPSED));
    parses("true && false <-> oops", iff(and(TRUE, FALSE), OOPSED));
  }

  @Test
  void notBindsTighterThanAndButLooserThanComparisons() throws InvariantException {
    parses("!true && false", and(not(TRUE), FALSE));
    parses("!true || false", or(not(TRUE), FALSE));
    parses("!!oops", not(not(OOPSED)));
    // Unlike C: the grammar's not := '!' not | cmp puts == under the !.
    parses("!oops == true", not(eq(OOPSED, TRUE)));
    parses("(!oops) == true", eq(not(OOPSED), TRUE));
    parses("oops == true && false", and(eq(OOPSED, TRUE), FALSE));
  }

  @Test
  void everyComparisonOfIntsAndTheEqualitiesOfBools() throws InvariantException {
    for (CompareOp op : CompareOp.values()) {
      parses("1 " + op.symbol() + " -1", new Expr.Compare(op, lit(1), lit(-1)));
    }
    parses("oops == false", eq(OOPSED, FALSE));
    parses("oops != true", ne(OOPSED, TRUE));
    parses("1<-1", new Expr.Compare(CompareOp.LT, lit(1), lit(-1)));
  }

  @Test
  void negativeLiteralsDownToIntMin() throws InvariantException {
    parses("-2147483648 < 2147483647",
        new Expr.Compare(CompareOp.LT, lit(Integer.MIN_VALUE), lit(Integer.MAX_VALUE)));
    parses("- 1 == -0", eq(lit(-1), lit(0)));
  }

  @Test
  void quantifierBodyExtendsAsFarRightAsPossible() throws InvariantException {
    // MODEL.md: A -> exists c in cpus: B || C  is  A -> (exists c in cpus: (B || C))
    parses("oops -> exists c in cpus: cpu.online[c] || cpu.present[c]",
        implies(OOPSED, exists("c", Domain.CPUS,
            or(read(CPU_ONLINE, C), read(CPU_PRESENT, C)))));
    parses("forall n in nodes: node.online[n] -> oops",
        forall("n", Domain.NODES, implies(read(NODE_ONLINE, N), OOPSED)));
    parses("(forall n in nodes: node.online[n]) -> oops",
        implies(forall("n", Domain.NODES, read(NODE_ONLINE, N)), OOPSED));
    parses("oops && (forall n in nodes: node.online[n])",
        and(OOPSED, forall("n", Domain.NODES, read(NODE_ONLINE, N))));
    parses("oops <-> forall b in blocks: true",
        iff(OOPSED, forall("b", Domain.BLOCKS, TRUE)));
  }

  @Test
  void nestedQuantifiersAndNodeValuedIndices() throws InvariantException {
    parses("forall c in cpus: exists n in nodes: cpu.nid[c] == n && node.online[cpu.nid[c]]",
        forall("c", Domain.CPUS, exists("n", Domain.NODES,
            and(eq(read(CPU_NID, C), N), read(NODE_ONLINE, read(CPU_NID, C))))));
    parses("forall n in nodes: forall m in nodes: distance[n][m] <= distance[m][cpu.home[0]]",
        forall("n", Domain.NODES, forall("m", Domain.NODES,
            new Expr.Compare(CompareOp.LE, topo(DISTANCE, N, var("m")),
                topo(DISTANCE, var("m"), topo(CPU_HOME, lit(0)))))));
  }

  @Test
  void siblingQuantifiersMayReuseAName() throws InvariantException {
    parses("(forall c in cpus: cpu.online[c]) && (exists c in cpus: cpu.present[c])",
        and(forall("c", Domain.CPUS, read(CPU_ONLINE, C)),
            exists("c", Domain.CPUS, read(CPU_PRESENT, C))));
  }

  @Test
  void aVariableHidesATopologyAttributeOfItsName() throws InvariantException {
    // MODEL.md forbids only variables in scope, state variables and keywords.
    parses("forall distance in nodes: distance == 0",
        forall("distance", Domain.NODES, eq(var("distance"), lit(0))));
    parses("distance[0][1] == 20", eq(topo(DISTANCE, lit(0), lit(1)), lit(20)));
  }

  @Test
  void theExampleOfModelMd() throws InvariantException {
    parses("forall c in cpus: cpu.present[c] && node.online[cpu.nid[c]] -> cpu.link[c] == cpu.nid[c]",
        forall("c", Domain.CPUS, implies(
            and(read(CPU_PRESENT, C), read(NODE_ONLINE, read(CPU_NID, C))),
            eq(read(CPU_LINK, C), read(CPU_NID, C)))));
  }

  @Test
  void whitespaceIncludingNewlinesSeparatesTokens() throws InvariantException {
    parses("\tforall n in nodes:\n  node.online[n]\r\n  -> node.pgdat[ n ]  ",
        forall("n", Domain.NODES, implies(read(NODE_ONLINE, N), read(NODE_PGDAT, N))));
    parses("!oops&&true", and(not(OOPSED), TRUE));
  }
}
