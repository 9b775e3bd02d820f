package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.List;

/**
 * The state variables of {@code MODEL.md} ("State") as literals, in the shape of
 * {@link org.hotplugchecker.model.state.HotplugState}. A node-valued variable
 * ({@code cpu_to_node}, the CPU's sysfs link) is one-hot: {@code is(c, v)} for
 * {@code v = -1..N-1}, index {@code v + 1}.
 *
 * <p>The encoding runs each kernel rule on a working copy of the pre-state, replacing a
 * variable's literal by the gate of its new value, exactly where the imperative kernel
 * assigns it; the copy then holds the post-state as formulas over the pre-state.
 */
final class SymbolicState {
  private final Lit[] nodeOnline;
  private final Lit[] pgdat;
  private final Lit[] nodeRegistered;
  private final Lit[] cpuPresent;
  private final Lit[] cpuOnline;
  private final Lit[][] cpuToNode;
  private final Lit[][] cpuLink;
  private final Lit[] memPresent;
  private final Lit[] memOnline;
  private Lit oops;

  private SymbolicState(int nodes, int cpus, int blocks) {
    nodeOnline = new Lit[nodes];
    pgdat = new Lit[nodes];
    nodeRegistered = new Lit[nodes];
    cpuPresent = new Lit[cpus];
    cpuOnline = new Lit[cpus];
    cpuToNode = new Lit[cpus][nodes + 1];
    cpuLink = new Lit[cpus][nodes + 1];
    memPresent = new Lit[blocks];
    memOnline = new Lit[blocks];
  }

  /** A state of fresh variables named after step {@code name}. */
  static SymbolicState fresh(Cnf cnf, String name, int nodes, int cpus, int blocks) {
    SymbolicState s = new SymbolicState(nodes, cpus, blocks);
    for (int n = 0; n < nodes; n++) {
      s.nodeOnline[n] = cnf.fresh(name + ".online" + n);
      s.pgdat[n] = cnf.fresh(name + ".pgdat" + n);
      s.nodeRegistered[n] = cnf.fresh(name + ".registered" + n);
    }
    for (int c = 0; c < cpus; c++) {
      s.cpuPresent[c] = cnf.fresh(name + ".present" + c);
      s.cpuOnline[c] = cnf.fresh(name + ".cpuOnline" + c);
      for (int v = 0; v <= nodes; v++) {
        s.cpuToNode[c][v] = cnf.fresh(name + ".nid" + c + "=" + (v - 1));
        s.cpuLink[c][v] = cnf.fresh(name + ".link" + c + "=" + (v - 1));
      }
    }
    for (int b = 0; b < blocks; b++) {
      s.memPresent[b] = cnf.fresh(name + ".memPresent" + b);
      s.memOnline[b] = cnf.fresh(name + ".memOnline" + b);
    }
    s.oops = cnf.fresh(name + ".oops");
    return s;
  }

  /** A working copy whose assignments do not affect this state. */
  SymbolicState copy() {
    SymbolicState s = new SymbolicState(nodes(), cpus(), blocks());
    System.arraycopy(nodeOnline, 0, s.nodeOnline, 0, nodes());
    System.arraycopy(pgdat, 0, s.pgdat, 0, nodes());
    System.arraycopy(nodeRegistered, 0, s.nodeRegistered, 0, nodes());
    System.arraycopy(cpuPresent, 0, s.cpuPresent, 0, cpus());
    System.arraycopy(cpuOnline, 0, s.cpuOnline, 0, cpus());
    for (int c = 0; c < cpus(); c++) {
      s.cpuToNode[c] = cpuToNode[c].clone();
      s.cpuLink[c] = cpuLink[c].clone();
    }
    System.arraycopy(memPresent, 0, s.memPresent, 0, blocks());
    System.arraycopy(memOnline, 0, s.memOnline, 0, blocks());
    s.oops = oops;
    return s;
  }

  int nodes() {
    return nodeOnline.length;
  }

  int cpus() {
    return cpuPresent.length;
  }

  int blocks() {
    return memPresent.length;
  }

  Lit nodeOnline(int n) {
    return nodeOnline[n];
  }

  void setNodeOnline(int n, Lit v) {
    nodeOnline[n] = v;
  }

  Lit pgdat(int n) {
    return pgdat[n];
  }

  void setPgdat(int n, Lit v) {
    pgdat[n] = v;
  }

  Lit nodeRegistered(int n) {
    return nodeRegistered[n];
  }

  void setNodeRegistered(int n, Lit v) {
    nodeRegistered[n] = v;
  }

  Lit cpuPresent(int c) {
    return cpuPresent[c];
  }

  void setCpuPresent(int c, Lit v) {
    cpuPresent[c] = v;
  }

  Lit cpuOnline(int c) {
    return cpuOnline[c];
  }

  void setCpuOnline(int c, Lit v) {
    cpuOnline[c] = v;
  }

  /** {@code cpu_to_node(c) == nid} ({@code nid} may be -1). */
  Lit cpuToNodeIs(int c, int nid) {
    return cpuToNode[c][nid + 1];
  }

  /** {@code cpu_to_node(c)} as a one-hot value (a copy). */
  Lit[] cpuToNode(int c) {
    return cpuToNode[c].clone();
  }

  /** {@code if (cond) numa_set_node(c, nid)}. */
  void setCpuToNodeIf(Cnf cnf, int c, Lit cond, int nid) {
    assignIf(cnf, cpuToNode[c], cond, nid);
  }

  /** The CPU's sysfs link is under node {@code nid} ({@code -1}: none). */
  Lit cpuLinkIs(int c, int nid) {
    return cpuLink[c][nid + 1];
  }

  /** The CPU's sysfs link as a one-hot value (a copy). */
  Lit[] cpuLink(int c) {
    return cpuLink[c].clone();
  }

  /** {@code if (cond) link(c) = nid}. */
  void setCpuLinkIf(Cnf cnf, int c, Lit cond, int nid) {
    assignIf(cnf, cpuLink[c], cond, nid);
  }

  private static void assignIf(Cnf cnf, Lit[] oneHot, Lit cond, int value) {
    for (int v = 0; v < oneHot.length; v++) {
      oneHot[v] = v == value + 1 ? cnf.or(cond, oneHot[v]) : cnf.and(cond.not(), oneHot[v]);
    }
  }

  Lit memPresent(int b) {
    return memPresent[b];
  }

  void setMemPresent(int b, Lit v) {
    memPresent[b] = v;
  }

  Lit memOnline(int b) {
    return memOnline[b];
  }

  void setMemOnline(int b, Lit v) {
    memOnline[b] = v;
  }

  Lit oops() {
    return oops;
  }

  void setOops(Lit v) {
    oops = v;
  }

  /**
   * Replaces the literal at {@code position} of {@link #literals()} (same order) by
   * {@code value}.
   */
  void setLiteral(int position, Lit value) {
    int p = position;
    int nodes = nodes();
    if (p < 3 * nodes) {
      Lit[] field = p % 3 == 0 ? nodeOnline : p % 3 == 1 ? pgdat : nodeRegistered;
      field[p / 3] = value;
      return;
    }
    p -= 3 * nodes;
    int perCpu = 2 + 2 * (nodes + 1);
    if (p < perCpu * cpus()) {
      int c = p / perCpu;
      int q = p % perCpu;
      if (q == 0) {
        cpuPresent[c] = value;
      } else if (q == 1) {
        cpuOnline[c] = value;
      } else if (q < 2 + nodes + 1) {
        cpuToNode[c][q - 2] = value;
      } else {
        cpuLink[c][q - 2 - (nodes + 1)] = value;
      }
      return;
    }
    p -= perCpu * cpus();
    if (p < 2 * blocks()) {
      (p % 2 == 0 ? memPresent : memOnline)[p / 2] = value;
      return;
    }
    oops = value;
  }

  /**
   * Every literal of the state in a fixed order (nodes, CPUs with their one-hot values,
   * blocks, oops); two states are equal iff these agree pairwise.
   */
  List<Lit> literals() {
    List<Lit> all = new ArrayList<>();
    for (int n = 0; n < nodes(); n++) {
      all.add(nodeOnline[n]);
      all.add(pgdat[n]);
      all.add(nodeRegistered[n]);
    }
    for (int c = 0; c < cpus(); c++) {
      all.add(cpuPresent[c]);
      all.add(cpuOnline[c]);
      all.addAll(List.of(cpuToNode[c]));
      all.addAll(List.of(cpuLink[c]));
    }
    for (int b = 0; b < blocks(); b++) {
      all.add(memPresent[b]);
      all.add(memOnline[b]);
    }
    all.add(oops);
    return all;
  }
}
