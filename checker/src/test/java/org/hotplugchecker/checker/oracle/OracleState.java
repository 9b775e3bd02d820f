package org.hotplugchecker.checker.oracle;

import java.util.List;

/**
 * One state of the hotplug model, written as plainly as {@code MODEL.md}'s state table:
 * immutable records whose generated {@code equals}/{@code hashCode} give value identity.
 * No bit packing on purpose, so that nothing clever can hide a bug.
 *
 * @param nodes per possible node
 * @param cpus per possible CPU
 * @param mems per memory block
 * @param oops the kernel has oopsed
 */
record OracleState(List<Node> nodes, List<Cpu> cpus, List<Mem> mems, boolean oops) {

  /** {@code node_online(n)}, {@code NODE_DATA(n) != NULL}, sysfs {@code nodeN} exists. */
  record Node(boolean online, boolean pgdat, boolean registered) {}

  /** {@code cpu_present}, {@code cpu_online}, {@code cpu_to_node}, sysfs link node (-1 none). */
  record Cpu(boolean present, boolean online, int nid, int link) {}

  /** Block added, its pages onlined. */
  record Mem(boolean present, boolean online) {}

  OracleState {
    nodes = List.copyOf(nodes);
    cpus = List.copyOf(cpus);
    mems = List.copyOf(mems);
  }

  Node node(int n) {
    return nodes.get(n);
  }

  Cpu cpu(int c) {
    return cpus.get(c);
  }

  Mem mem(int b) {
    return mems.get(b);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(oops ? "OOPS " : "");
    for (int n = 0; n < nodes.size(); n++) {
      Node x = nodes.get(n);
      sb.append("node").append(n).append("{online=").append(x.online()).append(",pgdat=")
          .append(x.pgdat()).append(",reg=").append(x.registered()).append("} ");
    }
    for (int c = 0; c < cpus.size(); c++) {
      Cpu x = cpus.get(c);
      sb.append("cpu").append(c).append("{present=").append(x.present()).append(",online=")
          .append(x.online()).append(",nid=").append(x.nid()).append(",link=").append(x.link())
          .append("} ");
    }
    for (int b = 0; b < mems.size(); b++) {
      Mem x = mems.get(b);
      sb.append("mem").append(b).append("{present=").append(x.present()).append(",online=")
          .append(x.online()).append("} ");
    }
    return sb.toString().trim();
  }
}
