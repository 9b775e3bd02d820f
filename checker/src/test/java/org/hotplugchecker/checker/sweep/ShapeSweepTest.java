package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking one exploration per machine shape concludes exactly what exploring every
 * class does: the same verdict over the class space and the same smallest violation
 * (class and shortest-counterexample length) for every kernel, arch and property.
 */
class ShapeSweepTest {
  private static final List<KernelVariant> KERNELS =
      List.of(KernelVariant.V4_19, KernelVariant.V5_4_RC, KernelVariant.V5_18);

  private static SweepOptions shapes(SweepBounds bounds) {
    return SweepOptions.defaults(bounds).withPresets(KERNELS).withWorkers(2);
  }

  /** The verdict over the class space and the smallest violation, per run and property. */
  private static Map<String, String> conclusions(SweepReport r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SweepReport.ArchKernel run : r.runs()) {
      for (PropertySweep p : run.properties()) {
        out.put(run.arch() + " " + run.kernel() + " " + p.property(), p.overall() + " "
            + p.smallest().map(v -> v.topology().key() + "@" + v.length()).orElse("-"));
      }
    }
    return out;
  }

  private static void assertSameConclusions(SweepOptions options) throws IOException {
    SweepReport byShape = new SweepRunner().run(options);
    SweepReport byClass = new SweepRunner().run(
        options.withMethod(SweepOptions.Method.CLASSES));
    assertEquals(conclusions(byClass), conclusions(byShape));
    assertTrue(byShape.shapes() > 0 && byShape.shapes() < byShape.classes());
    assertEquals(0, byClass.shapes());
    for (SweepReport.ArchKernel run : byShape.runs()) {
      SweepReport.ArchKernel other = byClass.run(run.arch(), run.kernel()).orElseThrow();
      for (PropertySweep p : run.properties()) {
        PropertySweep q = other.property(p.property()).orElseThrow();
        String what = run.arch() + " " + run.kernel() + " " + p.property();
        assertEquals(byShape.classes(), p.classes(), what);
        if (p.overall() != Verdict.VIOLATED) {
          // Covered classes are holds-or-vacuous; per class they split into both.
          assertEquals(q.holds() + q.vacuous(), p.holds() + p.vacuous() + p.holdsOrVacuous(),
              what);
          assertTrue(p.vacuous() <= q.vacuous(), what);
        } else {
          assertTrue(p.violated() <= q.violated(), what);
        }
      }
    }
  }

  @Test
  void agreesWithClassByClassOnTwoNodesWithTwoCpusEach() throws IOException {
    assertSameConclusions(shapes(new SweepBounds(2, 2, 1)));
  }

  @Test
  void agreesWithClassByClassOnEveryKernelWithTheAddMemoryFault() throws IOException {
    assertSameConclusions(shapes(new SweepBounds(2, 1, 2))
        .withPresets(List.of(KernelVariant.values()))
        .withFaults(Set.of(Fault.ADD_MEMORY_FAILS)));
  }

  @Test
  void findsTheSeedBugsSmallestMachineAndProvesTheFix() throws IOException {
    SweepReport report = new SweepRunner().run(shapes(new SweepBounds(2, 1, 1)));
    PropertySweep oops = report.run(Arch.X86, KernelVariant.V4_19).orElseThrow()
        .property("no_oops").orElseThrow();
    PropertySweep.Violation v = oops.smallest().orElseThrow();
    assertEquals("2n|c:0f,1a|m:", v.topology().key());
    assertEquals(2, v.length());
    // The report spells out the counterexample: CPU 1 hot-added to node 1, which has no
    // pgdat (09f49dca570a), then kvm allocates for it.
    List<String> trace = oops.smallestTrace();
    assertEquals(2, trace.size(), trace.toString());
    assertTrue(trace.get(0).contains("numa_set_node(cpu 1, node 1)"), trace.get(0));
    assertTrue(trace.get(1).contains("NODE_DATA(1)") && trace.get(1).contains("oops"),
        trace.get(1));
    assertTrue(report.toText().contains(trace.get(1)));
    // JSON: structured steps, as check writes them
    assertTrue(report.toJson().contains("\"action\" : \"hotadd_cpu(1)\""), report.toJson());
    assertTrue(report.toJson().contains("\"callChain\" : [ \"acpi_processor_hotadd_init(1)\""),
        report.toJson());
    assertTrue(report.run(Arch.X86, KernelVariant.V5_18).orElseThrow().allHold());
    assertTrue(report.run(Arch.GENERIC, KernelVariant.V5_18).orElseThrow().allHold());
    assertEquals(1, report.exitCode());
    String text = report.toText();
    assertTrue(text.contains("one exploration per machine shape"), text);
    assertTrue(report.toJson().contains("\"holdsOrVacuous\""));
  }

  @Test
  void resultsDoNotDependOnWorkers() throws IOException {
    SweepOptions o = shapes(new SweepBounds(2, 2, 1));
    assertEquals(conclusions(new SweepRunner().run(o.withWorkers(1))),
        conclusions(new SweepRunner().run(o.withWorkers(3))));
  }

  @Test
  void rerunWithResultsFileExploresNothing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sweep.jsonl");
    SweepOptions o = shapes(new SweepBounds(2, 1, 1)).withResultsFile(file);
    SweepReport first = new SweepRunner().run(o);
    assertTrue(first.explored() >= first.shapes() * 2 * KERNELS.size());
    assertEquals(first.explored(), Files.readAllLines(file).size());
    SweepReport second = new SweepRunner().run(o);
    assertEquals(0, second.explored());
    assertEquals(first.explored(), second.reused());
    assertEquals(conclusions(first), conclusions(second));
  }

  @Test
  void timeLimitReportsAnIncompleteSweep() throws IOException {
    SweepReport r = new SweepRunner().run(shapes(new SweepBounds(2, 1, 1))
        .withTimeLimit(Duration.ZERO));
    assertFalse(r.complete());
    assertEquals(4, r.exitCode());
    assertTrue(r.toText().contains("INCOMPLETE"));
  }
}
