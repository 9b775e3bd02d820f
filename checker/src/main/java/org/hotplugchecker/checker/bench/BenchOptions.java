package org.hotplugchecker.checker.bench;

import java.util.List;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * What {@link Bench} measures.
 *
 * @param rungs topology shapes, in order (each N nodes x C CPUs x B blocks per node)
 * @param kernels kernel variants to run on every rung
 * @param arches architectures to run on every rung
 * @param workers worker counts to run with
 * @param symmetry also run with symmetry reduction
 * @param warmups untimed runs of the first rung before measuring (JIT warm-up)
 * @param stopAfterMillis skip the remaining rungs once one run took longer than this (0: never)
 * @param repeat timed runs per configuration; the line printed is the run with the median
 *     wall time (runs of a small rung last milliseconds, so one run is noisy)
 * @param properties the built-in properties checked, in the rule table's order (empty: all)
 */
public record BenchOptions(List<Rung> rungs, List<KernelVariant> kernels, List<Arch> arches,
    List<Integer> workers, boolean symmetry, int warmups, long stopAfterMillis, int repeat,
    List<PropertyRule> properties) {

  /** Validates. */
  public BenchOptions {
    if (repeat < 1) {
      throw new IllegalArgumentException("--repeat must be at least 1, got " + repeat);
    }
    properties = List.copyOf(properties);
  }

  /** One topology shape of the ladder. */
  public record Rung(int nodes, int cpusPerNode, int blocksPerNode) {
    @Override
    public String toString() {
      return nodes + "x" + cpusPerNode + "x" + blocksPerNode;
    }

    /** Parses {@code NxCxB}. */
    public static Rung parse(String s) {
      String[] p = s.trim().split("x");
      if (p.length != 3) {
        throw new IllegalArgumentException("rung must look like 3x2x2, got '" + s + "'");
      }
      return new Rung(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }
  }

  /** The default ladder, up to 3x2x2, v5.0 and v4.19, x86 and generic, 1 and 2 workers. */
  public static BenchOptions defaults() {
    return new BenchOptions(
        List.of(new Rung(2, 1, 1), new Rung(2, 2, 2), new Rung(3, 1, 1), new Rung(3, 2, 1),
            new Rung(3, 2, 2)),
        List.of(KernelVariant.V5_0, KernelVariant.V4_19), List.of(Arch.X86, Arch.GENERIC),
        List.of(1, 2), false, 2, 0, 1, List.of());
  }

  /** These options with other rungs. */
  public BenchOptions withRungs(List<Rung> r) {
    return new BenchOptions(r, kernels, arches, workers, symmetry, warmups,
        stopAfterMillis, repeat, properties);
  }

  /** These options with other kernels. */
  public BenchOptions withKernels(List<KernelVariant> k) {
    return new BenchOptions(rungs, k, arches, workers, symmetry, warmups,
        stopAfterMillis, repeat, properties);
  }

  /** These options with other arches. */
  public BenchOptions withArches(List<Arch> a) {
    return new BenchOptions(rungs, kernels, a, workers, symmetry, warmups,
        stopAfterMillis, repeat, properties);
  }

  /** These options with other worker counts. */
  public BenchOptions withWorkers(List<Integer> w) {
    return new BenchOptions(rungs, kernels, arches, w, symmetry, warmups,
        stopAfterMillis, repeat, properties);
  }

  /** These options with symmetry runs on or off. */
  public BenchOptions withSymmetry(boolean s) {
    return new BenchOptions(rungs, kernels, arches, workers, s, warmups,
        stopAfterMillis, repeat, properties);
  }

  /** These options with {@code n} warm-up runs. */
  public BenchOptions withWarmups(int n) {
    return new BenchOptions(rungs, kernels, arches, workers, symmetry, n,
        stopAfterMillis, repeat, properties);
  }

  /** These options with {@code n} timed runs per configuration (median reported). */
  public BenchOptions withRepeat(int n) {
    return new BenchOptions(rungs, kernels, arches, workers, symmetry, warmups, stopAfterMillis,
        n, properties);
  }

  /**
   * These options checking only {@code ps} (all when empty), put in the rule table's order
   * as {@code check} keeps them.
   */
  public BenchOptions withProperties(List<PropertyRule> ps) {
    List<PropertyRule> ordered = HotplugRules.RULES.properties().stream()
        .filter(ps::contains).toList();
    return new BenchOptions(rungs, kernels, arches, workers, symmetry, warmups, stopAfterMillis,
        repeat, ordered);
  }

  /** The model of {@code t} checking these options' properties. */
  public HotplugModel model(Topology t) {
    return properties.isEmpty() ? new HotplugModel(t) : HotplugModel.checking(t, properties);
  }

  /** These options with a per-run time budget after which larger rungs are skipped. */
  public BenchOptions withStopAfterMillis(long ms) {
    return new BenchOptions(rungs, kernels, arches, workers, symmetry, warmups,
        ms, repeat, properties);
  }
}
