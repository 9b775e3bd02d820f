package org.hotplugchecker.checker.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;

/** The benchmark's topologies and report lines (not its speed). */
class BenchTest {

  @Test
  void rungTopologyFixesOnlyNodeZerosFirstCpuAndBlock() {
    Topology t = Bench.topology(new BenchOptions.Rung(3, 2, 2), Arch.X86, KernelVariant.V5_0);
    assertEquals(3, t.nodes());
    assertEquals(6, t.cpus().size());
    assertEquals(6, t.memory().size());
    assertEquals(new Component(0, true, false), t.cpus().get(0));
    assertEquals(new Component(0, true, true), t.cpus().get(1));
    assertEquals(new Component(2, true, true), t.cpus().get(5));
    assertEquals(new Component(0, true, false), t.memory().get(0));
    assertEquals(new Component(1, true, true), t.memory().get(2));
  }

  @Test
  void reportsOneLinePerRunWithTheExplorersCounts() {
    BenchOptions o = BenchOptions.defaults().withRungs(List.of(BenchOptions.Rung.parse("2x1x1")))
        .withKernels(List.of(KernelVariant.V4_19)).withArches(List.of(Arch.GENERIC))
        .withWorkers(List.of(1, 2)).withSymmetry(true).withWarmups(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = Bench.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertEquals(0, status);
    List<String> runs = bytes.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("2x1x1")).toList();
    assertEquals(4, runs.size(), "workers 1 and 2, symmetry off and on");
    CheckResult full = new ExplicitExplorer().explore(new HotplugModel(Bench.topology(
        new BenchOptions.Rung(2, 1, 1), Arch.GENERIC, KernelVariant.V4_19)),
        ExplorerOptions.defaults());
    String count = String.format(java.util.Locale.ROOT, "%,d", full.states());
    assertTrue(runs.get(0).contains(" " + count + " "), runs.get(0));
    assertTrue(runs.get(0).contains(" off "), runs.get(0));
    assertTrue(runs.get(3).contains(" on "), runs.get(3));
  }

  @Test
  void aPropertySubsetIsCheckedAloneInTheRuleTablesOrderAndNamedInTheHeader() {
    PropertyRule noOops = HotplugRules.RULES.property("no_oops").orElseThrow();
    PropertyRule pgdat = HotplugRules.RULES.property("online_node_has_pgdat").orElseThrow();
    BenchOptions o = BenchOptions.defaults().withRungs(List.of(BenchOptions.Rung.parse("2x1x1")))
        .withKernels(List.of(KernelVariant.V4_19)).withArches(List.of(Arch.GENERIC))
        .withWorkers(List.of(1)).withWarmups(0).withProperties(List.of(noOops, pgdat));
    assertEquals(List.of(pgdat, noOops), o.properties(), "the rule table's order");
    Topology t = Bench.topology(new BenchOptions.Rung(2, 1, 1), Arch.GENERIC,
        KernelVariant.V4_19);
    assertEquals(List.of(pgdat, noOops), o.model(t).propertyRules());
    assertEquals(HotplugRules.RULES.properties(),
        o.withProperties(List.of()).model(t).propertyRules(), "empty: every property");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertEquals(0, Bench.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("# properties: online_node_has_pgdat, no_oops\n"), out);
    assertEquals(1, out.lines().filter(l -> l.startsWith("2x1x1")).count(), out);
  }

  @Test
  void repeatedRunsPrintTheMedianRunAndTheSpread() {
    BenchOptions o = BenchOptions.defaults().withRungs(List.of(BenchOptions.Rung.parse("2x1x1")))
        .withKernels(List.of(KernelVariant.V5_0)).withArches(List.of(Arch.X86))
        .withWorkers(List.of(2)).withWarmups(0).withRepeat(3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertEquals(0, Bench.run(o, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    List<String> runs = bytes.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.startsWith("2x1x1")).toList();
    assertEquals(1, runs.size(), "one line per configuration, however many runs");
    assertTrue(runs.get(0).contains("median of 3 runs, states/s "), runs.get(0));
    assertThrows(IllegalArgumentException.class, () -> o.withRepeat(0));
  }
}
