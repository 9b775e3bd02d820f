package org.hotplugchecker.checker.oracle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.hotplugchecker.model.topology.Topology;

/** The eight state invariants of {@code MODEL.md}, in its order, by their names. */
final class OracleInvariants {
  private OracleInvariants() {}

  static Map<String, Predicate<OracleState>> of(Topology topo) {
    int nodes = topo.nodes();
    int cpus = topo.cpus().size();
    int blocks = topo.memory().size();
    Map<String, Predicate<OracleState>> m = new LinkedHashMap<>();
    m.put("cpu_node_has_pgdat", s -> {
      for (int c = 0; c < cpus; c++) {
        int nid = s.cpu(c).nid();
        if (nid == -1 || !s.node(nid).pgdat()) {
          return false;
        }
      }
      return true;
    });
    m.put("online_node_links_cpus", s -> {
      for (int n = 0; n < nodes; n++) {
        for (int c = 0; c < cpus; c++) {
          if (s.node(n).online() && s.cpu(c).present() && topo.cpus().get(c).home() == n
              && s.cpu(c).link() != n) {
            return false;
          }
        }
      }
      return true;
    });
    m.put("no_dangling_links", s -> {
      for (int c = 0; c < cpus; c++) {
        int link = s.cpu(c).link();
        if (link != -1 && !(s.cpu(c).present() && s.node(link).registered())) {
          return false;
        }
      }
      return true;
    });
    m.put("online_node_has_pgdat", s -> {
      for (int n = 0; n < nodes; n++) {
        if (s.node(n).online() && !s.node(n).pgdat()) {
          return false;
        }
      }
      return true;
    });
    m.put("registered_iff_online", s -> {
      for (int n = 0; n < nodes; n++) {
        if (s.node(n).registered() != s.node(n).online()) {
          return false;
        }
      }
      return true;
    });
    m.put("online_cpu_on_online_node", s -> {
      for (int c = 0; c < cpus; c++) {
        int nid = s.cpu(c).nid();
        if (s.cpu(c).online() && !(nid != -1 && s.node(nid).online())) {
          return false;
        }
      }
      return true;
    });
    m.put("memory_on_online_node", s -> {
      for (int b = 0; b < blocks; b++) {
        if (s.mem(b).present() && !s.node(topo.memory().get(b).home()).online()) {
          return false;
        }
      }
      return true;
    });
    m.put("no_oops", s -> !s.oops());
    return m;
  }
}
