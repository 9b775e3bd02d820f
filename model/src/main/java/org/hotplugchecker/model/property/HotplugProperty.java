package org.hotplugchecker.model.property;

import static org.hotplugchecker.model.state.HotplugState.NO_NODE;

import java.util.Arrays;
import java.util.Optional;
import org.hotplugchecker.model.kernel.HotplugKernel;
import org.hotplugchecker.model.state.HotplugState;
import org.hotplugchecker.model.ts.PropertySpec;

/** The properties of {@code MODEL.md}, in its order. */
public enum HotplugProperty {
  CPU_NODE_HAS_PGDAT("cpu_node_has_pgdat", PropertySpec.Kind.INVARIANT,
      "cpu_to_node() never returns an index without NODE_DATA") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      for (int c = 0; c < s.layout().cpus(); c++) {
        int nid = s.cpuToNode(c);
        if (nid == NO_NODE || !s.pgdat(nid)) {
          return false;
        }
      }
      return true;
    }
  },
  ONLINE_NODE_LINKS_CPUS("online_node_links_cpus", PropertySpec.Kind.INVARIANT,
      "re-onlined nodes re-register their CPUs") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      for (int c = 0; c < s.layout().cpus(); c++) {
        int home = k.cpuHome(c);
        if (s.cpuPresent(c) && s.nodeOnline(home) && s.cpuLink(c) != home) {
          return false;
        }
      }
      return true;
    }
  },
  NO_DANGLING_LINKS("no_dangling_links", PropertySpec.Kind.INVARIANT,
      "every cpuN link is of a present CPU under a registered node") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      for (int c = 0; c < s.layout().cpus(); c++) {
        int link = s.cpuLink(c);
        if (link != NO_NODE && !(s.cpuPresent(c) && s.nodeRegistered(link))) {
          return false;
        }
      }
      return true;
    }
  },
  ONLINE_NODE_HAS_PGDAT("online_node_has_pgdat", PropertySpec.Kind.INVARIANT,
      "every online node has NODE_DATA") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      for (int n = 0; n < s.layout().nodes(); n++) {
        if (s.nodeOnline(n) && !s.pgdat(n)) {
          return false;
        }
      }
      return true;
    }
  },
  REGISTERED_IFF_ONLINE("registered_iff_online", PropertySpec.Kind.INVARIANT,
      "a node's sysfs directory exists exactly while it is online") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      for (int n = 0; n < s.layout().nodes(); n++) {
        if (s.nodeRegistered(n) != s.nodeOnline(n)) {
          return false;
        }
      }
      return true;
    }
  },
  ONLINE_CPU_ON_ONLINE_NODE("online_cpu_on_online_node", PropertySpec.Kind.INVARIANT,
      "every online CPU is mapped to an online node") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      for (int c = 0; c < s.layout().cpus(); c++) {
        if (s.cpuOnline(c)) {
          int nid = s.cpuToNode(c);
          if (nid == NO_NODE || !s.nodeOnline(nid)) {
            return false;
          }
        }
      }
      return true;
    }
  },
  MEMORY_ON_ONLINE_NODE("memory_on_online_node", PropertySpec.Kind.INVARIANT,
      "every present memory block sits on an online node") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      for (int b = 0; b < s.layout().blocks(); b++) {
        if (s.memPresent(b) && !s.nodeOnline(k.blockHome(b))) {
          return false;
        }
      }
      return true;
    }
  },
  NO_OOPS("no_oops", PropertySpec.Kind.INVARIANT, "the kernel never oopses") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      return !s.oops();
    }
  },
  ALLOC_LOCAL("alloc_local", PropertySpec.Kind.ACTION,
      "a present CPU's served allocation comes from the node nearest its home") {
    @Override
    boolean holdsIn(HotplugState s, HotplugKernel k) {
      throw new UnsupportedOperationException("alloc_local is an action property");
    }
  };

  private final String specName;
  private final PropertySpec spec;

  HotplugProperty(String specName, PropertySpec.Kind kind, String description) {
    this.specName = specName;
    this.spec = new PropertySpec(specName, kind, description);
  }

  /** Whether this state invariant holds in {@code s}. */
  abstract boolean holdsIn(HotplugState s, HotplugKernel k);

  /** Evaluates this invariant on {@code s}; only for {@link PropertySpec.Kind#INVARIANT}. */
  public boolean invariantHolds(HotplugState s, HotplugKernel k) {
    return holdsIn(s, k);
  }

  /** The name used in specs and reports. */
  public String specName() {
    return specName;
  }

  /** The engine-facing description. */
  public PropertySpec spec() {
    return spec;
  }

  /** This property as the rule table defines it. */
  public org.hotplugchecker.model.rules.PropertyRule rule() {
    return org.hotplugchecker.model.rules.HotplugRules.RULES.property(specName).orElseThrow();
  }

  @Override
  public String toString() {
    return specName;
  }

  /** Looks up a property by its spec name. */
  public static Optional<HotplugProperty> fromSpecName(String name) {
    return Arrays.stream(values()).filter(p -> p.specName.equals(name)).findFirst();
  }

  /**
   * {@code alloc_local} on one {@code alloc_for_cpu(cpu)} transition from {@code before}:
   * applies when the CPU is present, the allocation does not oops and is served; then
   * the serving node must be the one nearest the CPU's home.
   *
   * @return null when it does not apply, else whether it holds
   */
  public static Boolean allocLocal(HotplugState before, int cpu, HotplugKernel k) {
    if (!before.cpuPresent(cpu)) {
      return null;
    }
    int served = k.allocationServedFrom(before, cpu);
    if (served == NO_NODE) {
      return null;
    }
    return served == k.nearestNodeWithOnlineMemory(before, k.cpuHome(cpu));
  }
}
