package org.hotplugchecker.model.rules.lang;

import static org.hotplugchecker.model.rules.HotplugRules.CPU_NID;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_PRESENT;
import static org.hotplugchecker.model.rules.HotplugRules.DISTANCE;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.OOPS;
import static org.hotplugchecker.model.rules.Rules.FALSE;
import static org.hotplugchecker.model.rules.Rules.TRUE;
import static org.hotplugchecker.model.rules.Rules.and;
import static org.hotplugchecker.model.rules.Rules.eq;
import static org.hotplugchecker.model.rules.Rules.exists;
import static org.hotplugchecker.model.rules.Rules.forall;
import static org.hotplugchecker.model.rules.Rules.iff;
import static org.hotplugchecker.model.rules.Rules.implies;
import static org.hotplugchecker.model.rules.Rules.ite;
import static org.hotplugchecker.model.rules.Rules.knobIs;
import static org.hotplugchecker.model.rules.Rules.lit;
import static org.hotplugchecker.model.rules.Rules.lt;
import static org.hotplugchecker.model.rules.Rules.ne;
import static org.hotplugchecker.model.rules.Rules.not;
import static org.hotplugchecker.model.rules.Rules.or;
import static org.hotplugchecker.model.rules.Rules.read;
import static org.hotplugchecker.model.rules.Rules.topo;
import static org.hotplugchecker.model.rules.Rules.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.junit.jupiter.api.Test;

/** The printer's parentheses: only where the grammar needs them, plus the two safe ones. */
class InvariantPrinterTest {
  private static final Expr OOPSED = read(OOPS);
  private static final Expr C = var("c");
  private static final Expr N = var("n");
  private static final Expr ALL_ONLINE = forall("n", Domain.NODES, read(NODE_ONLINE, N));

  /** Prints {@code e}, checks the text is {@code expected} and that it parses back to e. */
  private static void prints(Expr e, String expected) throws InvariantException {
    assertEquals(expected, InvariantPrinter.print(e));
    assertEquals(e, InvariantParserTest.parse(expected), expected);
  }

  @Test
  void andOrChains() throws InvariantException {
    prints(or(TRUE, and(FALSE, OOPSED)), "true || false && oops");
    prints(and(or(TRUE, FALSE), OOPSED), "(true || false) && oops");
    prints(and(TRUE, FALSE, OOPSED), "true && false && oops");
    prints(and(and(TRUE, FALSE), OOPSED), "(true && false) && oops");
    prints(or(TRUE, or(FALSE, OOPSED)), "true || (false || oops)");
  }

  @Test
  void impliesAndIff() throws InvariantException {
    prints(implies(TRUE, implies(FALSE, OOPSED)), "true -> false -> oops");
    prints(implies(implies(TRUE, FALSE), OOPSED), "(true -> false) -> oops");
    prints(iff(TRUE, iff(FALSE, OOPSED)), "true <-> false <-> oops");
    prints(implies(TRUE, iff(FALSE, OOPSED)), "true -> (false <-> oops)");
    prints(iff(TRUE, implies(FALSE, OOPSED)), "true <-> (false -> oops)");
    prints(implies(or(TRUE, FALSE), and(FALSE, OOPSED)), "true || false -> false && oops");
  }

  @Test
  void notAndComparisons() throws InvariantException {
    prints(not(not(OOPSED)), "!!oops");
    prints(not(and(TRUE, OOPSED)), "!(true && oops)");
    prints(not(eq(OOPSED, TRUE)), "!(oops == true)");
    prints(eq(not(OOPSED), TRUE), "(!oops) == true");
    prints(eq(eq(OOPSED, TRUE), FALSE), "(oops == true) == false");
    prints(ne(and(TRUE, FALSE), or(TRUE, FALSE)), "(true && false) != (true || false)");
    prints(and(eq(OOPSED, TRUE), not(OOPSED)), "oops == true && !oops");
  }

  @Test
  void quantifiersAreBareOnlyWhereTheirBodyMayExtendToTheEnd() throws InvariantException {
    prints(implies(OOPSED, exists("c", Domain.CPUS, or(read(CPU_ONLINE, C),
        read(CPU_PRESENT, C)))), "oops -> exists c in cpus: cpu.online[c] || cpu.present[c]");
    prints(and(OOPSED, ALL_ONLINE), "oops && (forall n in nodes: node.online[n])");
    prints(and(ALL_ONLINE, OOPSED), "(forall n in nodes: node.online[n]) && oops");
    prints(implies(ALL_ONLINE, OOPSED), "(forall n in nodes: node.online[n]) -> oops");
    prints(iff(OOPSED, ALL_ONLINE), "oops <-> forall n in nodes: node.online[n]");
    prints(not(ALL_ONLINE), "!(forall n in nodes: node.online[n])");
    prints(eq(ALL_ONLINE, OOPSED), "(forall n in nodes: node.online[n]) == oops");
    prints(forall("c", Domain.CPUS, exists("n", Domain.NODES, eq(read(CPU_NID, C), N))),
        "forall c in cpus: exists n in nodes: cpu.nid[c] == n");
  }

  @Test
  void readsTopologyAndLiterals() throws InvariantException {
    prints(forall("c", Domain.CPUS, read(NODE_ONLINE, read(CPU_NID, C))),
        "forall c in cpus: node.online[cpu.nid[c]]");
    prints(lt(topo(DISTANCE, lit(0), lit(1)), lit(-1)), "distance[0][1] < -1");
    prints(ne(lit(Integer.MIN_VALUE), lit(Integer.MAX_VALUE)), "-2147483648 != 2147483647");
  }

  @Test
  void rejectsWhatTheLanguageCannotWrite() {
    for (Expr e : List.of(ite(TRUE, FALSE, TRUE), knobIs("offline_guard", "online_blocks"),
        new Expr.And(List.of(TRUE)), new Expr.Or(List.of()), read(NODE_ONLINE),
        new Expr.Read(OOPS, lit(0)), topo(DISTANCE, lit(0)),
        forall("in", Domain.NODES, TRUE), eq(var("a.b"), lit(0)))) {
      assertThrows(IllegalArgumentException.class, () -> InvariantPrinter.print(e),
          e.toString());
    }
  }
}
