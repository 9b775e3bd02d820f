package org.hotplugchecker.checker.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.BootInputs;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.eval.PackedLayout;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;

/**
 * The start states of one machine shape's skeleton ({@link ShapeGroup#starts}), computed
 * as rarely as the rule table allows: a shape has up to ~10^5 members and a job explores it
 * on up to 2 x 24 arches and kernels, but the boot program reads only what
 * {@link BootInputs} finds (the arch, one knob, the homes and boot flags). So each distinct
 * (arch, knob) among the runs is computed once, and within it each member's boot state is
 * computed once per distinct (home, boot) pattern of its CPUs and blocks, then placed on the
 * skeleton per member. Not thread-safe; one per job.
 */
final class ShapeStarts {
  private static final BootInputs BOOT = BootInputs.of(HotplugRules.RULES);
  /** Whether the boot program reads nothing of a component but its home and boot flag. */
  private static final boolean BY_PATTERN = Set.of(HotplugRules.CPU_HOME,
      HotplugRules.CPU_BOOT, HotplugRules.MEM_HOME, HotplugRules.MEM_BOOT)
      .containsAll(BOOT.attributes());

  private final ShapeGroup shape;
  private final Set<Fault> faults;
  private final PackedLayout layout;
  private final Map<String, List<long[]>> byBootKey = new HashMap<>();

  ShapeStarts(ShapeGroup shape, Set<Fault> faults) {
    this.shape = shape;
    this.faults = Set.copyOf(faults);
    this.layout = shape.layout();
  }

  /** The distinct placed boot states of the members on {@code arch} and {@code kernel}. */
  List<long[]> of(Arch arch, Kernel kernel) {
    return byBootKey.computeIfAbsent(BOOT.key(arch, kernel), k -> compute(arch, kernel));
  }

  private List<long[]> compute(Arch arch, Kernel kernel) {
    Map<Object, long[]> boots = new HashMap<>();
    Set<Words> seen = new HashSet<>();
    List<long[]> starts = new ArrayList<>();
    for (CanonicalTopology member : shape.members()) {
      Object key = BY_PATTERN ? new Words(pattern(member)) : member;
      long[] boot = boots.computeIfAbsent(key, k -> HotplugModel.bootState(
          member.toTopology(arch, kernel, faults)));
      long[] s = ShapeGroup.onSkeleton(member, boot, layout);
      if (seen.add(new Words(s))) {
        starts.add(s);
      }
    }
    return starts;
  }

  /** Home and boot flag of every CPU, then of every block. */
  private static long[] pattern(CanonicalTopology member) {
    List<Component> cpus = member.cpuList();
    List<Component> blocks = member.blockList();
    long[] out = new long[cpus.size() + blocks.size() + 1];
    int i = 0;
    for (Component c : cpus) {
      out[i++] = c.home() * 2L + (c.boot() ? 1 : 0);
    }
    out[i++] = -1; // where the blocks start
    for (Component b : blocks) {
      out[i++] = b.home() * 2L + (b.boot() ? 1 : 0);
    }
    return out;
  }

  /** A long array as a map key or set element. */
  private record Words(long[] words) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Words w && Arrays.equals(words, w.words);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(words);
    }

    @Override
    public String toString() {
      return Arrays.toString(words);
    }
  }
}
