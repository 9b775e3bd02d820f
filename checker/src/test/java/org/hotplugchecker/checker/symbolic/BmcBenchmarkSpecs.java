package org.hotplugchecker.checker.symbolic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hotplugchecker.model.spec.SpecWriter;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * Writes the BMC benchmark set of {@code docs/benchmarks-symbolic.md} as spec files: a
 * fixed pseudo-random sample of valid topologies with at most 3 nodes and at most 7
 * components (1-4 CPUs, 0-3 blocks), any arch and preset, with and without the fault.
 * Not a test: run its {@code main} with {@code DIR [COUNT=90] [SEED=11]}, then time
 * {@code bin/hotplug-checker check --engine bmc --depth 16} on each file.
 */
public final class BmcBenchmarkSpecs {
  private BmcBenchmarkSpecs() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 90;
    Random random = new Random(args.length > 2 ? Long.parseLong(args[2]) : 11);
    Files.createDirectories(dir);
    for (int i = 0; i < count; i++) {
      Topology t = topology(random);
      String name = String.format("bmc-%02d", i);
      Files.writeString(dir.resolve(name + ".yaml"), SpecWriter.of(name, t));
    }
  }

  static Topology topology(Random random) {
    int nodes = 1 + random.nextInt(3);
    int cpus = 1 + random.nextInt(4);
    int blocks = random.nextInt(Math.min(3, 7 - cpus) + 1);
    List<Component> cs = components(random, nodes, cpus);
    Component cpu0 = cs.get(0);
    cs.set(0, new Component(cpu0.home(), true, cpu0.hotplug())); // CPU 0 boots
    List<Component> bs = components(random, nodes, blocks);
    Arch arch = Arch.values()[random.nextInt(Arch.values().length)];
    KernelVariant kernel = KernelVariant.values()[random.nextInt(KernelVariant.values().length)];
    return Topology.of(arch, kernel, nodes, null, cs, bs,
        random.nextBoolean() ? Set.of(Fault.ADD_MEMORY_FAILS) : Set.of());
  }

  private static List<Component> components(Random random, int nodes, int n) {
    List<Component> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean hotplug = random.nextBoolean();
      out.add(new Component(random.nextInt(nodes), !hotplug || random.nextBoolean(), hotplug));
    }
    return out;
  }
}
