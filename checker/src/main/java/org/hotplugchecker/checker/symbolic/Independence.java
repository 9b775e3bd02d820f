package org.hotplugchecker.checker.symbolic;

import java.util.BitSet;
import java.util.List;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.kernel.KernelAction;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Topology;

/**
 * A static independence relation between action instances, from conservative read and
 * write sets over the state variables: two actions are independent when neither writes
 * what the other reads or writes. Independent actions commute and cannot enable or
 * disable each other (their guards are in their read sets), so in any path two adjacent
 * independent actions can be swapped without changing the path's length or end state.
 * BMC uses that to consider only paths where such pairs appear in increasing action-id
 * order (a partial-order reduction; see {@link ViolationSearch#violatedAt}).
 */
final class Independence {
  private final boolean[][] independent;

  Independence(HotplugModel model) {
    Topology t = model.topology();
    Vars v = new Vars(t);
    List<KernelAction> actions = model.actions();
    BitSet[] reads = new BitSet[actions.size()];
    BitSet[] writes = new BitSet[actions.size()];
    for (int a = 0; a < actions.size(); a++) {
      reads[a] = new BitSet();
      writes[a] = new BitSet();
      accesses(actions.get(a), t, v, reads[a], writes[a]);
      reads[a].set(v.oops()); // every guard reads !oops
    }
    independent = new boolean[actions.size()][actions.size()];
    for (int a = 0; a < actions.size(); a++) {
      for (int b = 0; b < actions.size(); b++) {
        independent[a][b] = a != b && !writes[a].intersects(reads[b])
            && !writes[a].intersects(writes[b]) && !writes[b].intersects(reads[a]);
      }
    }
  }

  boolean independent(int a, int b) {
    return independent[a][b];
  }

  /** Over-approximates what each rule of {@link HotplugEncoding} reads and writes. */
  private static void accesses(KernelAction action, Topology t, Vars v, BitSet r, BitSet w) {
    int i = action.index();
    boolean x86 = t.arch() == Arch.X86;
    switch (action.kind()) {
      case ADD_MEMORY -> {
        int h = t.memory().get(i).home();
        r.set(v.memPresent(i));
        tryOnlineNode(v, t, h, r, w);
        w.set(v.memPresent(i));
      }
      case ADD_MEMORY_FAILS -> {
        int h = t.memory().get(i).home();
        r.set(v.memPresent(i));
        r.set(v.nodeOnline(h));
        r.set(v.pgdat(h));
        w.set(v.pgdat(h));
      }
      case ONLINE_MEMORY, OFFLINE_MEMORY -> {
        r.set(v.memPresent(i));
        r.set(v.memOnline(i));
        w.set(v.memOnline(i));
      }
      case REMOVE_MEMORY -> {
        r.set(v.memPresent(i));
        r.set(v.memOnline(i));
        w.set(v.memPresent(i));
        tryOfflineNode(v, t, t.memory().get(i).home(), r, w);
      }
      case HOTADD_CPU -> {
        r.set(v.cpuPresent(i));
        r.set(v.cpuNid(i));
        for (int n = 0; n < t.nodes(); n++) {
          r.set(v.nodeOnline(n));
        }
        if (x86) {
          w.set(v.cpuNid(i));
        }
        w.set(v.cpuPresent(i));
        w.set(v.cpuLink(i));
      }
      case CPU_UP -> {
        r.set(v.cpuPresent(i));
        r.set(v.cpuOnline(i));
        r.set(v.cpuNid(i));
        for (int n = 0; n < t.nodes(); n++) {
          tryOnlineNode(v, t, n, r, w);
        }
        w.set(v.cpuOnline(i));
      }
      case CPU_DOWN -> {
        for (int c = 0; c < t.cpus().size(); c++) {
          r.set(v.cpuOnline(c));
        }
        w.set(v.cpuOnline(i));
      }
      case HOTREMOVE_CPU -> {
        r.set(v.cpuPresent(i));
        r.set(v.cpuOnline(i));
        r.set(v.cpuNid(i));
        w.set(v.cpuPresent(i));
        w.set(v.cpuLink(i));
        for (int n = 0; n < t.nodes(); n++) {
          tryOfflineNode(v, t, n, r, w);
        }
      }
      case ALLOC_FOR_CPU -> {
        for (int x = 0; x < v.count(); x++) {
          r.set(x);
        }
        w.set(v.oops());
      }
    }
  }

  private static void tryOnlineNode(Vars v, Topology t, int n, BitSet r, BitSet w) {
    for (BitSet s : new BitSet[] {r, w}) {
      s.set(v.nodeOnline(n));
      s.set(v.pgdat(n));
      s.set(v.nodeRegistered(n));
    }
    for (int c = 0; c < t.cpus().size(); c++) {
      r.set(v.cpuPresent(c));
      r.set(v.cpuNid(c));
      r.set(v.cpuLink(c));
      w.set(v.cpuLink(c));
    }
  }

  private static void tryOfflineNode(Vars v, Topology t, int n, BitSet r, BitSet w) {
    for (BitSet s : new BitSet[] {r, w}) {
      s.set(v.nodeOnline(n));
      s.set(v.nodeRegistered(n));
    }
    for (int b = 0; b < t.memory().size(); b++) {
      r.set(v.memPresent(b));
      r.set(v.memOnline(b));
    }
    for (int c = 0; c < t.cpus().size(); c++) {
      r.set(v.cpuPresent(c));
      r.set(v.cpuNid(c));
      r.set(v.cpuLink(c));
      w.set(v.cpuNid(c));
      w.set(v.cpuLink(c));
    }
  }

  /** Numbers the state variables of a topology. */
  private record Vars(int nodes, int cpus, int blocks) {
    Vars(Topology t) {
      this(t.nodes(), t.cpus().size(), t.memory().size());
    }

    int nodeOnline(int n) {
      return n;
    }

    int pgdat(int n) {
      return nodes + n;
    }

    int nodeRegistered(int n) {
      return 2 * nodes + n;
    }

    int cpuPresent(int c) {
      return 3 * nodes + c;
    }

    int cpuOnline(int c) {
      return 3 * nodes + cpus + c;
    }

    int cpuNid(int c) {
      return 3 * nodes + 2 * cpus + c;
    }

    int cpuLink(int c) {
      return 3 * nodes + 3 * cpus + c;
    }

    int memPresent(int b) {
      return 3 * nodes + 4 * cpus + b;
    }

    int memOnline(int b) {
      return 3 * nodes + 4 * cpus + blocks + b;
    }

    int oops() {
      return 3 * nodes + 4 * cpus + 2 * blocks;
    }

    int count() {
      return oops() + 1;
    }
  }
}
