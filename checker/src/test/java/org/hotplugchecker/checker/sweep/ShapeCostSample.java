package org.hotplugchecker.checker.sweep;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;

/**
 * Measures the cost of machine-shape explorations for sweep estimates (docs/sweep-cost.md);
 * a tool run by hand, not a test. For every size tier (nodes, CPUs, blocks) of a bound it
 * counts the candidate skeletons (every way to put that many CPUs and blocks on the nodes
 * within the bound, CPU 0 anywhere), draws a few at random, rebuilds each one's members
 * from its key (no members: not a shape of the sweep) and explores the real shapes on every
 * arch and kernel with one thread, timing CPU.
 *
 * <pre>
 * java -cp ... org.hotplugchecker.checker.sweep.ShapeCostSample sample N C B PER_TIER MAX_COMPONENTS SEED
 * java -cp ... org.hotplugchecker.checker.sweep.ShapeCostSample census N C B
 * java -cp ... org.hotplugchecker.checker.sweep.ShapeCostSample probe ARCH:KERNEL,... SHAPE_KEY...
 * </pre>
 *
 * {@code sample} prints one line per tier and one per explored shape (tab-separated, '#'
 * for headers); tiers with more than MAX_COMPONENTS CPUs and blocks are counted, not
 * sampled. {@code census} enumerates the bound's classes as the sweep does and prints the
 * exact number of shapes and classes per tier. {@code probe} explores the given shapes on
 * the given runs, and each shape's skeleton from its single all-present boot state.
 */
public final class ShapeCostSample {
  private ShapeCostSample() {}

  /** A candidate skeleton: CPU 0's node, CPUs and blocks per node. */
  record Candidate(int nodes, int cpu0, int[] cpus, int[] blocks) {
    String key() {
      List<Integer> other = new ArrayList<>();
      List<Integer> mem = new ArrayList<>();
      for (int n = 0; n < nodes; n++) {
        for (int i = 0; i < cpus[n] - (n == cpu0 ? 1 : 0); i++) {
          other.add(n);
        }
        for (int i = 0; i < blocks[n]; i++) {
          mem.add(n);
        }
      }
      StringBuilder sb = new StringBuilder().append(nodes).append("n|c:").append(cpu0);
      other.forEach(h -> sb.append(',').append(h));
      sb.append("|m:");
      for (int i = 0; i < mem.size(); i++) {
        sb.append(i > 0 ? "," : "").append(mem.get(i));
      }
      return sb.toString();
    }

    int cpuTotal() {
      return Arrays.stream(cpus).sum();
    }

    int blockTotal() {
      return Arrays.stream(blocks).sum();
    }
  }

  static List<Candidate> candidates(int nodes, int maxCpus, int maxBlocks) {
    List<Candidate> out = new ArrayList<>();
    int[] c = new int[nodes];
    int[] b = new int[nodes];
    fill(nodes, maxCpus, maxBlocks, 0, c, b, out);
    return out;
  }

  private static void fill(int nodes, int maxC, int maxB, int at, int[] c, int[] b,
      List<Candidate> out) {
    if (at == nodes) {
      for (int h = 0; h < nodes; h++) {
        if (c[h] > 0) {
          out.add(new Candidate(nodes, h, c.clone(), b.clone()));
        }
      }
      return;
    }
    for (int i = 0; i <= maxC; i++) {
      for (int j = 0; j <= maxB; j++) {
        c[at] = i;
        b[at] = j;
        fill(nodes, maxC, maxB, at + 1, c, b, out);
      }
    }
  }

  public static void main(String[] args) {
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "sample" -> sample(rest);
      case "census" -> census(rest);
      case "probe" -> probe(rest);
      default -> throw new IllegalArgumentException("sample, census or probe");
    }
  }

  private static void census(String[] args) {
    SweepBounds b = new SweepBounds(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
        Integer.parseInt(args[2]));
    long t = System.nanoTime();
    List<CanonicalTopology> classes = new TopologyEnumerator(b).classes();
    long ms = (System.nanoTime() - t) / 1_000_000;
    List<ShapeGroup> shapes = ShapeGroup.of(classes);
    Runtime rt = Runtime.getRuntime();
    System.out.printf(Locale.ROOT, "# classes=%d shapes=%d enumMs=%d heapMB=%d%n",
        classes.size(), shapes.size(), ms, (rt.totalMemory() - rt.freeMemory()) >> 20);
    java.util.TreeMap<String, long[]> tiers = new java.util.TreeMap<>();
    for (ShapeGroup g : shapes) {
      long[] v = tiers.computeIfAbsent(g.nodes() + " " + g.cpus() + " " + g.blocks(),
          k -> new long[2]);
      v[0]++;
      v[1] += g.size();
    }
    tiers.forEach((k, v) -> System.out.println("census\t" + k + "\t" + v[0] + "\t" + v[1]));
  }

  private static void probe(String[] args) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int i = 1; i < args.length; i++) {
      long t = cpu.getCurrentThreadCpuTime();
      ShapeGroup g = ShapeGroup.ofKey(args[i]);
      long enumMs = (cpu.getCurrentThreadCpuTime() - t) / 1_000_000;
      for (String run : args[0].split(",")) {
        String[] p = run.split(":");
        Arch arch = Arch.fromSpecName(p[0]).orElseThrow();
        KernelVariant kernel = KernelVariant.fromSpecName(p[1]).orElseThrow();
        long t1 = cpu.getCurrentThreadCpuTime();
        CheckResult r = new ExplicitExplorer().explore(g.model(arch, kernel.kernel(), Set.of()),
            ExplorerOptions.defaults());
        long ms = (cpu.getCurrentThreadCpuTime() - t1) / 1_000_000;
        long t2 = cpu.getCurrentThreadCpuTime();
        CheckResult s = new ExplicitExplorer().explore(new org.hotplugchecker.model.HotplugModel(
            g.skeleton(arch, kernel.kernel(), Set.of())), ExplorerOptions.defaults());
        long ms2 = (cpu.getCurrentThreadCpuTime() - t2) / 1_000_000;
        System.out.printf(Locale.ROOT, "probe\t%s\tmembers=%d\tenumCpuMs=%d\t%s\tshapeStates=%d"
            + "\tshapeCpuMs=%d\tskeletonStates=%d\tskeletonCpuMs=%d%n", g.key(), g.size(), enumMs,
            run, r.states(), ms, s.states(), ms2);
        System.out.flush();
      }
    }
  }

  private static void sample(String[] args) {
    int maxNodes = Integer.parseInt(args[0]);
    int maxCpus = Integer.parseInt(args[1]);
    int maxBlocks = Integer.parseInt(args[2]);
    int perTier = Integer.parseInt(args[3]);
    int maxComponents = Integer.parseInt(args[4]);
    Random random = new Random(Long.parseLong(args[5]));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    System.out.println("#tier\tnodes\tcpus\tblocks\tcandidates\tsampled\tshapes");
    System.out.println("#shape\tkey\tmembers\tenumCpuMs\trun\tstates\tcpuMs");
    for (int nodes = 1; nodes <= maxNodes; nodes++) {
      List<Candidate> all = candidates(nodes, maxCpus, maxBlocks);
      int maxC = nodes * maxCpus;
      int maxB = nodes * maxBlocks;
      for (int k = 1; k <= maxC; k++) {
        for (int m = 0; m <= maxB; m++) {
          List<Candidate> tier = new ArrayList<>();
          for (Candidate cand : all) {
            if (cand.cpuTotal() == k && cand.blockTotal() == m) {
              tier.add(cand);
            }
          }
          if (tier.isEmpty()) {
            continue;
          }
          int sampled = 0;
          int shapes = 0;
          if (k + m <= maxComponents) {
            Collections.shuffle(tier, random);
            for (Candidate cand : tier.subList(0, Math.min(perTier, tier.size()))) {
              sampled++;
              long t0 = cpu.getCurrentThreadCpuTime();
              ShapeGroup g = ShapeGroup.ofKey(cand.key());
              long enumMs = (cpu.getCurrentThreadCpuTime() - t0) / 1_000_000;
              if (g.size() == 0) {
                System.out.printf(Locale.ROOT, "shape\t%s\t0\t%d\t-\t-\t-%n", g.key(), enumMs);
                continue;
              }
              shapes++;
              for (Arch arch : Arch.values()) {
                for (KernelVariant kernel : KernelVariant.values()) {
                  long t1 = cpu.getCurrentThreadCpuTime();
                  CheckResult r = new ExplicitExplorer().explore(
                      g.model(arch, kernel.kernel(), Set.of()), ExplorerOptions.defaults());
                  long ms = (cpu.getCurrentThreadCpuTime() - t1) / 1_000_000;
                  System.out.printf(Locale.ROOT, "shape\t%s\t%d\t%d\t%s %s\t%d\t%d%n", g.key(),
                      g.size(), enumMs, arch.specName(), kernel.specName(), r.states(), ms);
                }
              }
            }
          }
          System.out.printf(Locale.ROOT, "tier\t%d\t%d\t%d\t%d\t%d\t%d%n", nodes, k, m,
              tier.size(), sampled, shapes);
          System.out.flush();
        }
      }
    }
  }
}
