package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/** The minimal fixes of a knob sweep: holding kernels, and per failing preset the nearest. */
class KnobFixesTest {
  private static final CanonicalTopology SOME_CLASS =
      new TopologyEnumerator(new SweepBounds(1, 1, 0)).classes().get(0);

  /** Which of the 24 kernels hold, per arch (bit k of each mask: kernel k holds). */
  @Provide
  Arbitrary<long[]> holdingMasks() {
    long all = (1L << Kernel.every().size()) - 1;
    return Arbitraries.longs().between(0, all).array(long[].class).ofSize(2);
  }

  @Property(tries = 200)
  void fixesAreExactlyTheHoldingKernelsNearestToEachFailingPreset(
      @ForAll("holdingMasks") long[] masks) {
    List<Kernel> kernels = Kernel.every();
    SweepOptions options = SweepOptions.defaults(new SweepBounds(1, 1, 0))
        .withKernels(kernels).withArches(List.of(Arch.X86, Arch.GENERIC));
    List<SweepReport.ArchKernel> runs = new ArrayList<>();
    for (int a = 0; a < 2; a++) {
      for (int k = 0; k < kernels.size(); k++) {
        PropertySweep p = new PropertySweep("p");
        p.add(SOME_CLASS, (masks[a] >> k & 1) == 1 ? Verdict.HOLDS : Verdict.VIOLATED, 1);
        runs.add(new SweepReport.ArchKernel(options.arches().get(a), kernels.get(k),
            List.of(p)));
      }
    }
    List<KnobFixes> all = KnobFixes.of(options, runs);
    assertEquals(3, all.size());
    assertEquals(Optional.empty(), all.get(2).arch());
    long[] wanted = {masks[0], masks[1], masks[0] & masks[1]};
    for (int e = 0; e < 3; e++) {
      KnobFixes f = all.get(e);
      List<Kernel> holding = new ArrayList<>();
      for (int k = 0; k < kernels.size(); k++) {
        if ((wanted[e] >> k & 1) == 1) {
          holding.add(kernels.get(k));
        }
      }
      assertEquals(holding, f.holding());
      List<Kernel> failingPresets = kernels.stream()
          .filter(k -> k.preset().isPresent() && !holding.contains(k)).toList();
      assertEquals(failingPresets, f.fixes().stream().map(KnobFixes.Fix::preset).toList());
      for (KnobFixes.Fix fix : f.fixes()) {
        if (holding.isEmpty()) {
          assertEquals(-1, fix.changes());
          assertTrue(fix.kernels().isEmpty());
          continue;
        }
        assertTrue(!fix.kernels().isEmpty());
        for (Kernel h : holding) {
          int d = fix.preset().distance(h);
          assertTrue(d >= fix.changes(), h + " is nearer to " + fix.preset());
          assertEquals(d == fix.changes(), fix.kernels().contains(h), h.label());
        }
        for (Kernel k : fix.kernels()) {
          List<String> changed = KnobFixes.changes(fix.preset(), k);
          assertEquals(fix.changes(), changed.size());
          String label = fix.preset().label() + "+" + String.join("+", changed);
          assertEquals(k, Kernel.fromLabel(label), label);
        }
      }
    }
  }

  @Test
  void aKnobSweepOfASmallBoundFindsV518AsTheOneKnobFixOfV50() throws Exception {
    SweepOptions options = SweepOptions.defaults(new SweepBounds(2, 1, 1))
        .withArches(List.of(Arch.X86)).withKernels(SweepArguments.kernels("knobs"))
        .withWorkers(2);
    SweepReport report = new SweepRunner().run(options);
    assertEquals(24, report.runs().size());
    KnobFixes x86 = report.knobFixes().get(0);
    assertTrue(x86.holding().contains(KernelVariant.V5_18.kernel()), x86.toString());
    // a holding kernel is one whose every property holds or is vacuous on every class
    for (SweepReport.ArchKernel r : report.runs()) {
      assertEquals(r.allHold(), x86.holding().contains(r.kernel()), r.kernel().label());
    }
    KnobFixes.Fix v50 = x86.fixes().stream()
        .filter(f -> f.preset().equals(KernelVariant.V5_0.kernel())).findFirst().orElseThrow();
    assertEquals(1, v50.changes());
    assertEquals(List.of(KernelVariant.V5_18.kernel()), v50.kernels());
    String text = report.toText();
    assertTrue(text.contains("v5.0: minimal fix (1 knob changed):\n"
        + "    v5.0+pgdat_for_every_possible_node=true (= v5.18)"), text);
    // the report ends with the fixes, after the kernel x property table
    assertTrue(text.lastIndexOf("knob sweep: 24 kernels (6 presets)")
        > text.lastIndexOf("kernel x property over every class of the bound"), text);
    String json = report.toJson();
    assertTrue(json.contains("\"knobFixes\""), json);
    assertTrue(json.contains("\"runs\""), json);
    assertTrue(json.contains("\"pgdat_for_every_possible_node\" : \"true\""), json);
    String md = report.toMarkdown();
    assertTrue(md.contains("## Minimal fixes"), md);
    assertTrue(md.contains("| `v5.0` | 1 | `pgdat_for_every_possible_node=true` |"), md);
  }
}
