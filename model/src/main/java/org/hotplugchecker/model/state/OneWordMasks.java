package org.hotplugchecker.model.state;

import org.hotplugchecker.model.topology.Topology;

/**
 * Where every variable of a one-word state lives, as bit masks and shifts, plus the
 * firmware homes they are compared with. Shared by the one-word kernel and invariants so
 * both read the packed {@code long} from the same tables.
 */
public final class OneWordMasks {
  private final int[] cpuHome;
  private final int[] blockHome;
  private final long[] nodeOnline;
  private final long[] nodePgdat;
  private final long[] nodeRegistered;
  private final long[] cpuPresent;
  private final long[] cpuOnline;
  private final int[] cpuNidShift;
  private final int[] cpuLinkShift;
  private final long nodeField;
  private final long[] memPresent;
  private final long[] memOnline;
  private final long oops;

  /** The masks of {@code topology}'s variables in {@code layout}, which must be one word. */
  public OneWordMasks(Topology topology, StateLayout layout) {
    if (layout.words() != 1) {
      throw new IllegalArgumentException("the layout needs " + layout.words() + " words");
    }
    int nodes = layout.nodes();
    int cpus = layout.cpus();
    int blocks = layout.blocks();
    nodeOnline = new long[nodes];
    nodePgdat = new long[nodes];
    nodeRegistered = new long[nodes];
    for (int n = 0; n < nodes; n++) {
      nodeOnline[n] = layout.nodeOnlineBit(n);
      nodePgdat[n] = layout.nodePgdatBit(n);
      nodeRegistered[n] = layout.nodeRegisteredBit(n);
    }
    cpuHome = new int[cpus];
    cpuPresent = new long[cpus];
    cpuOnline = new long[cpus];
    cpuNidShift = new int[cpus];
    cpuLinkShift = new int[cpus];
    for (int c = 0; c < cpus; c++) {
      cpuHome[c] = topology.cpus().get(c).home();
      cpuPresent[c] = layout.cpuPresentBit(c);
      cpuOnline[c] = layout.cpuOnlineBit(c);
      cpuNidShift[c] = layout.cpuNidShift(c);
      cpuLinkShift[c] = layout.cpuLinkShift(c);
    }
    nodeField = layout.nodeFieldMask();
    blockHome = new int[blocks];
    memPresent = new long[blocks];
    memOnline = new long[blocks];
    for (int b = 0; b < blocks; b++) {
      blockHome[b] = topology.memory().get(b).home();
      memPresent[b] = layout.memPresentBit(b);
      memOnline[b] = layout.memOnlineBit(b);
    }
    oops = layout.oopsBit();
  }

  /** Firmware node of CPU {@code c}. */
  public int cpuHome(int c) {
    return cpuHome[c];
  }

  /** Firmware node of block {@code b}. */
  public int blockHome(int b) {
    return blockHome[b];
  }

  /** Number of CPUs. */
  public int cpus() {
    return cpuHome.length;
  }

  /** Number of memory blocks. */
  public int blocks() {
    return blockHome.length;
  }

  /** Number of nodes. */
  public int nodes() {
    return nodeOnline.length;
  }

  public long nodeOnline(int n) {
    return nodeOnline[n];
  }

  public long nodePgdat(int n) {
    return nodePgdat[n];
  }

  public long nodeRegistered(int n) {
    return nodeRegistered[n];
  }

  public long cpuPresent(int c) {
    return cpuPresent[c];
  }

  public long cpuOnline(int c) {
    return cpuOnline[c];
  }

  /** Shift of CPU {@code c}'s {@code cpu_to_node} field (stored plus one). */
  public int cpuNidShift(int c) {
    return cpuNidShift[c];
  }

  /** Shift of CPU {@code c}'s link field (stored plus one). */
  public int cpuLinkShift(int c) {
    return cpuLinkShift[c];
  }

  /** Mask of one node-valued field, before shifting. */
  public long nodeField() {
    return nodeField;
  }

  public long memPresent(int b) {
    return memPresent[b];
  }

  public long memOnline(int b) {
    return memOnline[b];
  }

  public long oops() {
    return oops;
  }
}
