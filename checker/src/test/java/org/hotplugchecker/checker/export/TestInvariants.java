package org.hotplugchecker.checker.export;

import static org.hotplugchecker.model.rules.HotplugRules.CPU_HOME;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_HOTPLUG;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_LINK;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_NID;
import static org.hotplugchecker.model.rules.HotplugRules.CPU_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.DISTANCE;
import static org.hotplugchecker.model.rules.HotplugRules.MEM_HOME;
import static org.hotplugchecker.model.rules.HotplugRules.MEM_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_ONLINE;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_PGDAT;
import static org.hotplugchecker.model.rules.HotplugRules.NODE_REGISTERED;
import static org.hotplugchecker.model.rules.HotplugRules.OOPS;
import static org.hotplugchecker.model.rules.Rules.NO_NODE;
import static org.hotplugchecker.model.rules.Rules.and;
import static org.hotplugchecker.model.rules.Rules.eq;
import static org.hotplugchecker.model.rules.Rules.exists;
import static org.hotplugchecker.model.rules.Rules.forall;
import static org.hotplugchecker.model.rules.Rules.iff;
import static org.hotplugchecker.model.rules.Rules.implies;
import static org.hotplugchecker.model.rules.Rules.ite;
import static org.hotplugchecker.model.rules.Rules.lit;
import static org.hotplugchecker.model.rules.Rules.lt;
import static org.hotplugchecker.model.rules.Rules.ne;
import static org.hotplugchecker.model.rules.Rules.not;
import static org.hotplugchecker.model.rules.Rules.or;
import static org.hotplugchecker.model.rules.Rules.read;
import static org.hotplugchecker.model.rules.Rules.topo;
import static org.hotplugchecker.model.rules.Rules.var;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.Rules;
import org.hotplugchecker.model.rules.lang.InvariantArbitraries;

/**
 * User invariants built by hand with {@link Rules}, as the invariant language's parser
 * will build them: the four of {@code knobs-invariants.json}, and more that exercise what
 * an export must get right (reads out of range, nested reads, two-index topology, let,
 * count, nth and mod, iff, if-then-else).
 */
final class TestInvariants {
  private TestInvariants() {}

  private static final Expr C = var("c");
  private static final Expr N = var("n");
  private static final Expr B = var("b");

  static PropertyRule.Invariant invariant(String name, Expr holds) {
    return new PropertyRule.Invariant(name, "a user invariant", holds, null);
  }

  /**
   * Random invariants named {@code user0}, {@code user1}, ..., printed with their source.
   *
   * @param rules the invariants
   * @param sources their source text, in the same order
   */
  record Random(List<PropertyRule> rules, List<String> sources) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < rules.size(); i++) {
        b.append(i == 0 ? "" : "; ").append(rules.get(i).name()).append(": ")
            .append(sources.get(i));
      }
      return b.toString();
    }
  }

  /**
   * One to three random invariants ({@link InvariantArbitraries}, operators nested up to 2
   * levels).
   */
  static Arbitrary<Random> random() {
    return InvariantArbitraries.invariants(HotplugRules.RULES, 2).list().ofMinSize(1)
        .ofMaxSize(3).map(TestInvariants::named);
  }

  private static Random named(List<InvariantArbitraries.Generated> generated) {
    List<PropertyRule> rules = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < generated.size(); i++) {
      rules.add(invariant("user" + i, generated.get(i).expr()));
      sources.add(generated.get(i).toString());
    }
    return new Random(rules, sources);
  }

  /** The four invariants of {@code knobs-invariants.json}, in its order and with its names. */
  static List<PropertyRule> reference() {
    return List.of(
        invariant("online_cpu_linked", forall("c", Domain.CPUS,
            implies(read(CPU_ONLINE, C), eq(read(CPU_LINK, C), read(CPU_NID, C))))),
        invariant("node_with_memory_is_online", forall("b", Domain.BLOCKS,
            implies(read(MEM_ONLINE, B), read(NODE_ONLINE, topo(MEM_HOME, B))))),
        invariant("some_cpu_online_per_online_node", forall("n", Domain.NODES,
            implies(read(NODE_ONLINE, N), exists("c", Domain.CPUS,
                and(read(CPU_ONLINE, C), eq(read(CPU_NID, C), N)))))),
        invariant("hotpluggable_cpu_keeps_home", forall("c", Domain.CPUS,
            implies(and(topo(CPU_HOTPLUG, C), ne(read(CPU_NID, C), NO_NODE)),
                eq(read(CPU_NID, C), topo(CPU_HOME, C))))));
  }

  /** Invariants beyond the user language's examples; some hold, some do not. */
  static List<PropertyRule> tricky() {
    return List.of(
        // node.pgdat[cpu.nid[c]] reads false at -1; registered at link -1 likewise
        invariant("nested_reads", forall("c", Domain.CPUS, iff(
            read(NODE_REGISTERED, read(CPU_LINK, C)),
            and(ne(read(CPU_LINK, C), NO_NODE), read(NODE_ONLINE, read(CPU_LINK, C)))))),
        invariant("index_far_out_of_range", and(not(read(NODE_ONLINE, lit(99))),
            eq(read(CPU_NID, lit(-5)), NO_NODE), eq(topo(CPU_HOME, lit(77)), NO_NODE))),
        invariant("distance_to_nid", forall("c", Domain.CPUS, implies(
            ne(read(CPU_NID, C), NO_NODE),
            lt(topo(DISTANCE, read(CPU_NID, C), topo(CPU_HOME, C)), lit(15))))),
        invariant("let_and_ite", forall("c", Domain.CPUS, Rules.let("t",
            ite(eq(read(CPU_NID, C), NO_NODE), read(CPU_NID, lit(0)), read(CPU_NID, C)),
            or(eq(var("t"), NO_NODE), read(NODE_PGDAT, var("t")), read(OOPS))))),
        invariant("count_nth_mod", Rules.let("k",
            Rules.count("m", Domain.NODES, read(NODE_ONLINE, var("m"))),
            and(implies(lt(lit(0), var("k")), read(NODE_ONLINE,
                    Rules.nth("m", Domain.NODES, read(NODE_ONLINE, var("m")),
                        Rules.mod(lit(7), var("k"))))),
                eq(Rules.mod(lit(-3), var("k")), NO_NODE),
                implies(eq(var("k"), lit(1)), read(NODE_ONLINE, lit(0)))))),
        // "!!" would be Promela's sorted send (found by the random invariants)
        invariant("double_negation", forall("c", Domain.CPUS,
            not(not(implies(read(CPU_ONLINE, C), not(not(read(NODE_ONLINE,
                read(CPU_NID, C))))))))),
        // spin and TLC both read -2147483648 as the negation of a number too big
        invariant("int_extremes", forall("c", Domain.CPUS, and(
            lt(lit(Integer.MIN_VALUE), read(CPU_NID, C)),
            ne(read(CPU_NID, C), lit(Integer.MAX_VALUE))))));
  }
}
