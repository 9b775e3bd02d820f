package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * Time to the shortest {@code no_oops} counterexample, explicit (stop at first) vs BMC,
 * for the numbers in {@code docs/benchmarks-symbolic.md}. Not a test: run its
 * {@code main} on the test classpath. On s1 each engine gets a warm-up run first (the
 * big topology takes long enough for the JIT not to matter).
 */
public final class SymbolicBenchmark {
  private SymbolicBenchmark() {}

  /**
   * Arguments: {@code s1|3x2x2|3x2x2-v5.0}, {@code explicit|bmc|kind}, worker count of the
   * explicit engine (default 2), BMC depth / induction bound (default 12). The explicit
   * engine stops at the first violation; on v5.0 nothing is violated, so it explores
   * everything, which is what k-induction is compared with there.
   */
  public static void main(String[] args) {
    Topology t = switch (args[0]) {
      case "s1" -> s1();
      case "3x2x2" -> threeByTwoByTwo();
      default -> threeByTwoByTwo().withKernel(KernelVariant.V5_0);
    };
    HotplugModel model = new HotplugModel(t, List.of(HotplugProperty.NO_OOPS));
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int depth = args.length > 3 ? Integer.parseInt(args[3]) : 12;
    boolean warmUp = args[0].equals("s1");
    CheckResult r;
    if (args[1].equals("explicit")) {
      ExplorerOptions opts = ExplorerOptions.defaults().withWorkers(workers)
          .withStopAtFirst(true);
      if (warmUp) {
        new ExplicitExplorer().explore(model, opts);
      }
      r = new ExplicitExplorer().explore(model, opts);
    } else if (args[1].equals("kind")) {
      r = new KInductionEngine(KInductionOptions.upTo(depth)).check(model);
    } else {
      BmcOptions opts = BmcOptions.depth(depth).withoutDiameterProof()
          .withProgress((states, k, millis) -> System.out.printf(
              "  bmc: depth %d checked after %d ms%n", k, millis));
      if (warmUp) {
        new BmcEngine(opts).check(model);
      }
      r = new BmcEngine(opts).check(model);
    }
    PropertyResult p = r.properties().get(0);
    System.out.printf("%s %s: no_oops %s@%d (%s) in %d ms, states %d, stats %s%n", args[0],
        r.engine(), p.verdict(), p.length(), p.detail(), r.millis(), r.states(), r.stats());
  }

  /** The mailing-list scenario: node 1 with one removable CPU and block. */
  static Topology s1() {
    return Topology.of(Arch.X86, KernelVariant.V4_19, 2, null,
        List.of(new Component(0, true, false), new Component(1, true, true)),
        List.of(new Component(0, true, false), new Component(1, true, true)), Set.of());
  }

  /** Node 0's first CPU and block fixed, every other CPU and block boot and hotplug. */
  static Topology threeByTwoByTwo() {
    List<Component> cpus = new ArrayList<>();
    List<Component> blocks = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      for (int i = 0; i < 2; i++) {
        boolean fixed = n == 0 && i == 0;
        cpus.add(new Component(n, true, !fixed));
        blocks.add(new Component(n, true, !fixed));
      }
    }
    return Topology.of(Arch.GENERIC, KernelVariant.V4_19, 3, null, cpus, blocks, Set.of());
  }
}
