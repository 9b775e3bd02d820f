package org.hotplugchecker.model.rules.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.Shrinkable;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.ExprAnalysis;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;

/** The invariant generator covers every construct and shrinks to small expressions. */
class InvariantArbitrariesTest {

  @Example
  void generatesEveryConstructOfTheLanguage() {
    Set<String> seen = new TreeSet<>();
    InvariantArbitraries.invariants().sampleStream().limit(2000).forEach(g -> {
      features(g.expr(), false, seen);
      if (g.source().contains("\n")) {
        seen.add("multi-line source");
      }
    });
    Set<String> expected = new TreeSet<>(Set.of("forall", "exists", "nested quantifier",
        "->", "<->", "&&", "||", "!", "== bool", "!= bool", "negative literal",
        "-2147483648", "variable", "variable distance", "node-valued index",
        "multi-line source"));
    for (Expr.CompareOp op : Expr.CompareOp.values()) {
      expected.add(op.symbol() + " int");
    }
    HotplugRules.RULES.slots().forEach(s -> expected.add(s.name()));
    HotplugRules.RULES.topology().forEach(a -> expected.add(a.name()));
    expected.removeAll(seen);
    assertEquals(Set.of(), expected, "constructs never generated");
  }

  private static void features(Expr e, boolean inQuant, Set<String> seen) {
    if (e instanceof Expr.Quant q) {
      seen.add(q.quantifier().keyword());
      if (inQuant) {
        seen.add("nested quantifier");
      }
      features(q.body(), true, seen);
      return;
    }
    if (e instanceof Expr.Implies) {
      seen.add("->");
    } else if (e instanceof Expr.Iff) {
      seen.add("<->");
    } else if (e instanceof Expr.And) {
      seen.add("&&");
    } else if (e instanceof Expr.Or) {
      seen.add("||");
    } else if (e instanceof Expr.Not) {
      seen.add("!");
    } else if (e instanceof Expr.Compare c) {
      seen.add(c.op().symbol() + (isBool(c.left()) ? " bool" : " int"));
    } else if (e instanceof Expr.Int i && i.value() < 0) {
      seen.add(i.value() == Integer.MIN_VALUE ? "-2147483648" : "negative literal");
    } else if (e instanceof Expr.Var v) {
      seen.add(v.name().equals("distance") ? "variable distance" : "variable");
    } else if (e instanceof Expr.Read r) {
      seen.add(r.slot().name());
      if (r.index() instanceof Expr.Read || r.index() instanceof Expr.Topo) {
        seen.add("node-valued index");
      }
    } else if (e instanceof Expr.Topo t) {
      seen.add(t.attr().name());
    }
    for (Expr c : ExprAnalysis.children(e)) {
      features(c, inQuant, seen);
    }
  }

  private static boolean isBool(Expr e) {
    if (e instanceof Expr.Read r) {
      Slot s = r.slot();
      return s.type() == Type.BOOL;
    } else if (e instanceof Expr.Topo t) {
      TopologyAttr a = t.attr();
      return a.type() == Type.BOOL;
    }
    return !(e instanceof Expr.Int || e instanceof Expr.Var);
  }

  @Example
  void shrinksAFailingInvariantToASmallOne() {
    // Shrink greedily (first smaller candidate that still "fails") a generated invariant
    // of 25 tokens or more that has an exists below its root; jqwik shrinks at least as
    // well. Seen: !(true && (exists b in nodes: true)), 14 tokens.
    Arbitrary<InvariantArbitraries.Generated> arb = InvariantArbitraries.invariants();
    Random random = new Random(42);
    Shrinkable<InvariantArbitraries.Generated> s;
    do {
      s = arb.generator(1000).next(random);
    } while (!nestedExists(s.value()) || s.value().tokens().size() < 25);
    for (int step = 0; step < 10_000; step++) {
      Optional<Shrinkable<InvariantArbitraries.Generated>> smaller =
          s.shrink().filter(x -> nestedExists(x.value())).findFirst();
      if (smaller.isEmpty()) {
        break;
      }
      s = smaller.get();
    }
    InvariantArbitraries.Generated small = s.value();
    assertTrue(small.tokens().size() <= 16, small::toString);
    assertTrue(nestedExists(small), small::toString);
  }

  /** Whether an exists quantifier sits below the root. */
  private static boolean nestedExists(InvariantArbitraries.Generated g) {
    boolean[] found = {false};
    for (Expr c : ExprAnalysis.children(g.expr())) {
      ExprAnalysis.visit(c, x -> found[0] |= x instanceof Expr.Quant q
          && q.quantifier() == Expr.Quantifier.EXISTS);
    }
    return found[0];
  }
}
