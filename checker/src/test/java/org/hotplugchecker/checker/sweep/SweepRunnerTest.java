package org.hotplugchecker.checker.sweep;

import org.hotplugchecker.model.spec.SpecWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sweeps report what the explorer finds class by class, deterministically, resumably. */
class SweepRunnerTest {
  private static final SweepBounds SMALL = new SweepBounds(2, 1, 1);
  private static final List<KernelVariant> KERNELS =
      List.of(KernelVariant.V4_19, KernelVariant.V5_4_RC, KernelVariant.V5_18);

  /** One exploration per class, for exact per-class counts. */
  private static SweepOptions small() {
    return SweepOptions.defaults(SMALL).withPresets(KERNELS).withWorkers(2)
        .withMethod(SweepOptions.Method.CLASSES);
  }

  /** Everything a report concludes, without timings. */
  private static Map<String, String> conclusions(SweepReport r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SweepReport.ArchKernel run : r.runs()) {
      for (PropertySweep p : run.properties()) {
        out.put(run.arch() + " " + run.kernel() + " " + p.property(), p.overall() + " h"
            + p.holds() + " v" + p.vacuous() + " x" + p.violated() + " " + p.smallest()
                .map(v -> v.topology().key() + "@" + v.length()).orElse("-"));
      }
    }
    return out;
  }

  @Test
  void reportAgreesWithExploringEveryClassDirectly() throws IOException {
    SweepReport report = new SweepRunner().run(small());
    List<CanonicalTopology> classes = new TopologyEnumerator(SMALL).classes();
    assertEquals(classes.size(), report.classes());
    assertTrue(report.complete());
    for (Arch arch : Arch.values()) {
      for (KernelVariant kernel : KERNELS) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, PropertySweep.Violation> smallest = new LinkedHashMap<>();
        for (CanonicalTopology c : classes) {
          CheckResult r = new ExplicitExplorer().explore(
              new HotplugModel(c.toTopology(arch, kernel, Set.of())),
              ExplorerOptions.defaults());
          for (PropertyResult p : r.properties()) {
            String name = p.property().name();
            counts.computeIfAbsent(name, k -> new long[Verdict.values().length])
                [p.verdict().ordinal()]++;
            if (p.verdict() == Verdict.VIOLATED) {
              PropertySweep.Violation v = new PropertySweep.Violation(c, p.length());
              smallest.merge(name, v,
                  (a, b) -> PropertySweep.SMALLEST.compare(a, b) <= 0 ? a : b);
            }
          }
        }
        SweepReport.ArchKernel run = report.run(arch, kernel).orElseThrow();
        for (PropertySweep p : run.properties()) {
          long[] c = counts.get(p.property());
          assertEquals(c[Verdict.HOLDS.ordinal()], p.holds(), p.property());
          assertEquals(c[Verdict.VIOLATED.ordinal()], p.violated(), p.property());
          assertEquals(c[Verdict.VACUOUS.ordinal()], p.vacuous(), p.property());
          assertEquals(smallest.get(p.property()), p.smallest().orElse(null), p.property());
        }
      }
    }
  }

  @Test
  void v419ViolatesTheSeedInvariantAndV518HoldsEverywhere() throws IOException {
    SweepReport report = new SweepRunner().run(small());
    SweepReport.ArchKernel v419 = report.run(Arch.X86, KernelVariant.V4_19).orElseThrow();
    PropertySweep.Violation v = v419.property("cpu_node_has_pgdat").orElseThrow()
        .smallest().orElseThrow();
    // A CPU hot-added to an empty possible node: one step (09f49dca570a's bug).
    assertEquals("2n|c:0f,1a|m:", v.topology().key());
    assertEquals(1, v.length());
    assertTrue(report.run(Arch.X86, KernelVariant.V5_18).orElseThrow().allHold());
    assertTrue(report.run(Arch.GENERIC, KernelVariant.V5_18).orElseThrow().allHold());
    assertEquals(1, report.exitCode());
    SweepReport fixedOnly = new SweepRunner().run(small().withPresets(
        List.of(KernelVariant.V5_18)));
    assertEquals(0, fixedOnly.exitCode());
    assertTrue(fixedOnly.toText().contains("v5.18: every property holds on every class"));
  }

  @Test
  void resultsDoNotDependOnWorkers() throws IOException {
    assertEquals(conclusions(new SweepRunner().run(small().withWorkers(1))),
        conclusions(new SweepRunner().run(small().withWorkers(3))));
  }

  @Test
  void rerunWithResultsFileSkipsFinishedChecks(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sweep.jsonl");
    SweepReport first = new SweepRunner().run(small().withResultsFile(file));
    long checks = first.classes() * 2 * KERNELS.size();
    assertEquals(checks, first.explored());
    assertEquals(0, first.reused());
    assertEquals(checks, Files.readAllLines(file).size());

    SweepReport second = new SweepRunner().run(small().withResultsFile(file));
    assertEquals(0, second.explored());
    assertEquals(checks, second.reused());
    assertEquals(conclusions(first), conclusions(second));

    // A run killed mid-write leaves a torn line: only that check is redone.
    String text = Files.readString(file);
    Files.writeString(file, text.substring(0, text.length() - 20), StandardCharsets.UTF_8);
    SweepReport third = new SweepRunner().run(small().withResultsFile(file));
    assertEquals(1, third.explored());
    assertEquals(conclusions(first), conclusions(third));
    assertEquals(checks, SweepResultsFile.read(file).size());
  }

  @Test
  void resultsOfOtherBoundsAreReused(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("sweep.jsonl");
    SweepOptions one = SweepOptions.defaults(new SweepBounds(1, 1, 1))
        .withPresets(List.of(KernelVariant.V5_0)).withResultsFile(file)
        .withMethod(SweepOptions.Method.CLASSES);
    SweepReport small = new SweepRunner().run(one);
    SweepReport larger = new SweepRunner().run(new SweepOptions(SMALL, one.kernels(),
        one.arches(), one.faults(), 2, one.resultsFile(), one.progress(), one.timeLimit(),
        SweepOptions.Method.CLASSES, one.properties()));
    assertEquals(small.explored(), larger.reused());
    assertEquals(larger.classes() * 2 - small.explored(), larger.explored());
  }

  @Test
  void timeLimitReportsAnIncompleteSweep() throws IOException {
    SweepReport r = new SweepRunner().run(small().withTimeLimit(Duration.ZERO));
    assertFalse(r.complete());
    assertEquals(0, r.checkedClasses());
    assertEquals(4, r.exitCode());
    assertTrue(r.toText().contains("INCOMPLETE"));
  }

  @Test
  void smallestViolationsPrintAsLoadableSpecs() throws Exception {
    SweepReport report = new SweepRunner().run(small().withFaults(
        Set.of(Fault.ADD_MEMORY_FAILS)));
    List<String> checked = new ArrayList<>();
    for (SweepReport.ArchKernel run : report.runs()) {
      for (PropertySweep p : run.properties()) {
        if (p.smallest().isEmpty()) {
          continue;
        }
        PropertySweep.Violation v = p.smallest().get();
        String text = SpecWriter.of("s", v.topology().toTopology(run.arch(), run.kernel(),
            report.options().faults()));
        Spec spec = new SpecLoader().parse(Path.of("generated.yaml"), text);
        assertEquals(v.topology().key(), CanonicalTopology.of(spec.topology()).key());
        assertEquals(run.arch(), spec.topology().arch());
        assertEquals(run.kernel(), spec.topology().kernel());
        assertEquals(report.options().faults(), spec.topology().faults());
        PropertyResult again = new ExplicitExplorer().explore(
            new HotplugModel(spec.topology()), ExplorerOptions.defaults())
            .property(p.property()).orElseThrow();
        assertEquals(v.length(), again.length(), text);
        checked.add(p.property());
      }
    }
    assertFalse(checked.isEmpty());
  }

  @Test
  void badOptionsAreRejectedWithTheOptionName() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepBounds(0, 1, 1))
        .getMessage().contains("--max-nodes"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new SweepBounds(4, 5, 1))
        .getMessage().contains("--max-cpus-per-node"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> small().withWorkers(0))
        .getMessage().contains("--workers"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> small().withKernels(List.of())).getMessage().contains("--kernels"));
  }
}
