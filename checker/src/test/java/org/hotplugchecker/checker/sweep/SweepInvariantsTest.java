package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.lang.InvariantArbitraries;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * User invariants in sweeps: whatever reductions the sweep keeps or switches off for an
 * invariant (shape method, symmetry), its verdicts equal those of checking every labelled
 * topology of the bound explicitly, one by one, with no reduction at all.
 */
class SweepInvariantsTest {

  /** One sweep case: a small bound, an arch, any knob set and a random user invariant. */
  record Case(SweepBounds bounds, Arch arch, Kernel kernel, String invariant) {}

  /** Renaming-invariant invariants over the boot and hotplug flags (the generator's are rare). */
  private static final List<String> FLAG_INVARIANTS = List.of(
      "(forall c in cpus: cpu.hotplug[c] -> cpu.present[c])",
      "(forall b in blocks: mem.boot[b] || !mem.online[b])",
      "(exists c in cpus: cpu.boot[c] && cpu.online[c] && c != 0)",
      "(forall b in blocks: !mem.hotplug[b] -> node.online[mem.home[b]])");

  /** Invariants that tell renamed indices apart: a fixed node, CPU or block, an index order. */
  private static final List<String> INDEX_INVARIANTS = List.of(
      "!node.online[1]",
      "(cpu.nid[0] == 0 || cpu.nid[0] == -1)",
      "(mem.online[0] -> node.online[0])",
      "(forall c in cpus: cpu.online[c] -> cpu.nid[c] <= c)",
      "!cpu.present[1]");

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<SweepBounds> bounds = Arbitraries.of(new SweepBounds(1, 2, 1),
        new SweepBounds(2, 1, 1), new SweepBounds(1, 3, 1), new SweepBounds(2, 1, 0));
    Arbitrary<String> generated = InvariantArbitraries.invariants()
        .map(InvariantArbitraries.Generated::source);
    Arbitrary<String> withFlags = Combinators.combine(Arbitraries.of(FLAG_INVARIANTS),
        Arbitraries.of(" && ", " || ", " -> "), generated)
        .as((flags, op, g) -> flags + op + "(" + g + ")");
    Arbitrary<String> invariants = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(2, generated), net.jqwik.api.Tuple.of(1, withFlags),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(FLAG_INVARIANTS)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(INDEX_INVARIANTS),
            Arbitraries.of(" && ", " || "), generated)
            .as((index, op, g) -> index + op + "(" + g + ")")),
        net.jqwik.api.Tuple.of(1, Arbitraries.of(INDEX_INVARIANTS)));
    return Combinators.combine(bounds, Arbitraries.of(Arch.values()),
        Arbitraries.of(Kernel.every()), invariants).as(Case::new);
  }

  @Property(tries = 40)
  void sweepVerdictsEqualEveryLabelledTopologyCheckedOneByOne(@ForAll("cases") Case c)
      throws Exception {
    SweepOptions options = SweepOptions.defaults(c.bounds()).withArches(List.of(c.arch()))
        .withKernels(List.of(c.kernel())).withWorkers(2)
        .withProperties(SweepProperties.with(List.of(
            SweepArguments.invariant("user=" + c.invariant()))));
    // which reductions the sweep had to give up for this invariant
    Statistics.label("reductions").collect(
        options.properties().symmetryOff().isPresent() ? "symmetry and shapes off"
            : options.properties().shapesOff().isPresent() ? "shapes off" : "all kept");
    SweepReport report = new SweepRunner().run(options);
    SweepReport.ArchKernel run = report.run(c.arch(), c.kernel()).orElseThrow();
    Map<String, ClassVerdict> oracle = oracle(c, options.properties());
    for (PropertySweep p : run.properties()) {
      ClassVerdict expected = oracle.get(p.property());
      String why = p.property() + " on " + c;
      assertEquals(expected.violated(), p.overall() == Verdict.VIOLATED, why);
      if (expected.violated()) {
        PropertySweep.Violation v = p.smallest().orElseThrow();
        assertEquals(expected.smallest(), v.topology(), why);
        assertEquals(expected.length(), v.length(), why);
        // the shape method explores violating shapes' classes one by one up to a point
        assertTrue(p.violated() <= expected.violatedClasses()
            && expected.violatedClasses() <= p.violated() + p.notChecked(), why);
      } else if (p.property().equals("user")) {
        // an invariant is never vacuous: it holds on every class, or is undecided
        assertEquals(expected.unknown() ? Verdict.UNKNOWN : Verdict.HOLDS, p.overall(), why);
      }
    }
  }

  /** What the oracle concludes for one property over the whole bound. */
  record ClassVerdict(boolean violated, boolean unknown, CanonicalTopology smallest,
      int length, long violatedClasses) {}

  /**
   * Every labelled topology of the bound checked on its own; a class is violated when one
   * of its members is (at its members' shortest length), and the smallest violating class
   * is the report's smallest.
   */
  private static Map<String, ClassVerdict> oracle(Case c, SweepProperties properties) {
    Map<String, TreeMap<CanonicalTopology, Integer>> violatedAt = new LinkedHashMap<>();
    Map<String, Boolean> unknown = new LinkedHashMap<>();
    for (String name : properties.names()) {
      violatedAt.put(name, new TreeMap<>());
      unknown.put(name, false);
    }
    for (Topology labelled : Labelled.all(c.bounds())) {
      Topology t = Topology.of(c.arch(), c.kernel(), labelled.nodes(), null, labelled.cpus(),
          labelled.memory(), Set.of());
      CanonicalTopology cls = CanonicalTopology.of(t);
      CheckResult r = new ExplicitExplorer().explore(
          HotplugModel.checking(t, properties.rules()), ExplorerOptions.defaults());
      for (PropertyResult p : r.properties()) {
        String name = p.property().name();
        if (p.verdict() == Verdict.VIOLATED) {
          violatedAt.get(name).merge(cls, p.length(), Math::min);
        } else if (p.verdict() == Verdict.UNKNOWN) {
          unknown.put(name, true);
        }
      }
    }
    Map<String, ClassVerdict> out = new LinkedHashMap<>();
    violatedAt.forEach((name, classes) -> out.put(name, classes.isEmpty()
        ? new ClassVerdict(false, unknown.get(name), null, -1, 0)
        : smallest(unknown.get(name), classes)));
    return out;
  }

  /** The smallest violation in the report's order ({@link PropertySweep#SMALLEST}). */
  private static ClassVerdict smallest(boolean unknown, Map<CanonicalTopology, Integer> classes) {
    PropertySweep.Violation v = classes.entrySet().stream()
        .map(e -> new PropertySweep.Violation(e.getKey(), e.getValue()))
        .min(PropertySweep.SMALLEST).orElseThrow();
    return new ClassVerdict(true, unknown, v.topology(), v.length(), classes.size());
  }

  @Test
  void anInvariantNamingAFixedNodeIsCheckedOnEveryMemberNotJustTheRepresentative()
      throws Exception {
    // node 1 is online on some members of a class but not on its representative: with the
    // symmetry reduction the representative alone would say "holds"
    SweepBounds bounds = new SweepBounds(2, 1, 1);
    SweepOptions options = SweepOptions.defaults(bounds).withArches(List.of(Arch.X86))
        .withKernels(List.of(Kernel.every().get(0))).withWorkers(2)
        .withProperties(SweepProperties.with(List.of(
            SweepArguments.invariant("node1_offline=!node.online[1]"))));
    assertTrue(options.properties().symmetryOff().isPresent());
    SweepReport report = new SweepRunner().run(options);
    PropertySweep p = report.runs().get(0).property("node1_offline").orElseThrow();
    Map<String, ClassVerdict> oracle = oracle(new Case(bounds, Arch.X86,
        Kernel.every().get(0), null), options.properties());
    assertTrue(oracle.get("node1_offline").violated());
    assertEquals(Verdict.VIOLATED, p.overall());
    assertEquals(oracle.get("node1_offline").violatedClasses(), p.violated());
    String text = report.toText();
    assertTrue(text.contains("symmetry reduction off"), text);
    // the smallest violation is on a member with node 1 online, whose spec the report gives
    assertTrue(text.contains("violated on another labelling of the class"), text);
    Topology member = p.smallestTopology().orElseThrow();
    assertTrue(member.cpus().stream().anyMatch(x -> x.home() == 1)
        || member.memory().stream().anyMatch(x -> x.home() == 1), member.toString());
    assertTrue(report.toJson().contains("\"symmetry\" : false"), report.toJson());
  }

  @Test
  void anInvariantReadingABootFlagSwitchesTheShapeMethodOff() throws Exception {
    SweepOptions options = SweepOptions.defaults(new SweepBounds(2, 1, 1))
        .withArches(List.of(Arch.X86)).withKernels(List.of(Kernel.every().get(0)))
        .withWorkers(2).withProperties(SweepProperties.with(List.of(SweepArguments.invariant(
            "boot_cpus_online=forall c in cpus: cpu.boot[c] -> cpu.online[c]"))));
    assertEquals(SweepOptions.Method.SHAPES, options.method());
    assertTrue(SweepRunner.refusal(options, true).isPresent());
    assertTrue(SweepRunner.refusal(options, false).isEmpty());
    SweepReport report = new SweepRunner().run(options);
    assertEquals(SweepOptions.Method.CLASSES, report.options().method());
    assertEquals(0, report.shapes());
    assertTrue(report.toText().contains("the shape method is off for this run"),
        report.toText());
    assertTrue(report.toJson().contains("\"shapes\" : false"), report.toJson());
  }
}
