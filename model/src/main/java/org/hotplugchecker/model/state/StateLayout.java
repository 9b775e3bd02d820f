package org.hotplugchecker.model.state;

import org.hotplugchecker.model.topology.Topology;

/**
 * Where each state variable of a topology lives in a packed state: a bit field in one
 * of a few {@code long} words. Fields never straddle a word boundary so that reading
 * one is a shift and a mask. Node indices ({@code -1..N-1}) are stored plus one.
 */
public final class StateLayout {
  private final int nodes;
  private final int cpus;
  private final int blocks;
  private final int nodeBits;

  // Field tables: word index, shift and mask of every field, indexed by field id.
  private final int[] word;
  private final int[] shift;
  private final long[] mask;

  private final int nodeOnline;
  private final int nodePgdat;
  private final int nodeRegistered;
  private final int cpuPresent;
  private final int cpuOnline;
  private final int cpuNid;
  private final int cpuLink;
  private final int memPresent;
  private final int memOnline;
  private final int oops;
  private final int words;
  private final int bits;

  /** Computes the layout of {@code topology}'s state. */
  public StateLayout(Topology topology) {
    this.nodes = topology.nodes();
    this.cpus = topology.cpus().size();
    this.blocks = topology.memory().size();
    this.nodeBits = 32 - Integer.numberOfLeadingZeros(nodes); // values 0..nodes
    int fields = 3 * nodes + 4 * cpus + 2 * blocks + 1;
    word = new int[fields];
    shift = new int[fields];
    mask = new long[fields];
    Allocator a = new Allocator();
    nodeOnline = a.array(nodes, 1);
    nodePgdat = a.array(nodes, 1);
    nodeRegistered = a.array(nodes, 1);
    cpuPresent = a.array(cpus, 1);
    cpuOnline = a.array(cpus, 1);
    cpuNid = a.array(cpus, nodeBits);
    cpuLink = a.array(cpus, nodeBits);
    memPresent = a.array(blocks, 1);
    memOnline = a.array(blocks, 1);
    oops = a.array(1, 1);
    words = a.word + (a.bit > 0 ? 1 : 0);
    bits = a.totalBits;
  }

  private final class Allocator {
    int next;
    int word;
    int bit;
    int totalBits;

    int array(int count, int width) {
      int first = next;
      for (int i = 0; i < count; i++) {
        if (bit + width > 64) {
          word++;
          bit = 0;
        }
        StateLayout.this.word[next] = word;
        StateLayout.this.shift[next] = bit;
        StateLayout.this.mask[next] = (1L << width) - 1;
        bit += width;
        totalBits += width;
        next++;
      }
      return first;
    }
  }

  /** Number of {@code long} words of a packed state. */
  public int words() {
    return words;
  }

  /** Number of significant bits of a packed state. */
  public int bits() {
    return bits;
  }

  public int nodes() {
    return nodes;
  }

  public int cpus() {
    return cpus;
  }

  public int blocks() {
    return blocks;
  }

  // ---- one-word layouts: where each field sits in the single word ---------------
  // Only meaningful when words() == 1; the one-word kernel fast path builds its masks
  // from these so that it never disagrees with the general accessors.

  /** The bit of {@code node_online(n)} in a one-word state. */
  public long nodeOnlineBit(int n) {
    return 1L << shift[nodeOnline(n)];
  }

  /** The bit of {@code NODE_DATA(n) != NULL} in a one-word state. */
  public long nodePgdatBit(int n) {
    return 1L << shift[nodePgdat(n)];
  }

  /** The bit of node {@code n}'s sysfs registration in a one-word state. */
  public long nodeRegisteredBit(int n) {
    return 1L << shift[nodeRegistered(n)];
  }

  /** The bit of {@code cpu_present(c)} in a one-word state. */
  public long cpuPresentBit(int c) {
    return 1L << shift[cpuPresent(c)];
  }

  /** The bit of {@code cpu_online(c)} in a one-word state. */
  public long cpuOnlineBit(int c) {
    return 1L << shift[cpuOnline(c)];
  }

  /** The shift of CPU {@code c}'s {@code cpu_to_node} field (node + 1) in a one-word state. */
  public int cpuNidShift(int c) {
    return shift[cpuNid(c)];
  }

  /** The shift of CPU {@code c}'s sysfs link field (node + 1) in a one-word state. */
  public int cpuLinkShift(int c) {
    return shift[cpuLink(c)];
  }

  /** The unshifted mask of a node-valued field. */
  public long nodeFieldMask() {
    return (1L << nodeBits) - 1;
  }

  /** The bit of block {@code b}'s presence in a one-word state. */
  public long memPresentBit(int b) {
    return 1L << shift[memPresent(b)];
  }

  /** The bit of block {@code b}'s online pages in a one-word state. */
  public long memOnlineBit(int b) {
    return 1L << shift[memOnline(b)];
  }

  /** The oops bit in a one-word state. */
  public long oopsBit() {
    return 1L << shift[oops()];
  }

  long get(long[] s, int field) {
    return (s[word[field]] >>> shift[field]) & mask[field];
  }

  void set(long[] s, int field, long value) {
    int w = word[field];
    s[w] = (s[w] & ~(mask[field] << shift[field])) | (value << shift[field]);
  }

  int nodeOnline(int n) {
    return nodeOnline + n;
  }

  int nodePgdat(int n) {
    return nodePgdat + n;
  }

  int nodeRegistered(int n) {
    return nodeRegistered + n;
  }

  int cpuPresent(int c) {
    return cpuPresent + c;
  }

  int cpuOnline(int c) {
    return cpuOnline + c;
  }

  int cpuNid(int c) {
    return cpuNid + c;
  }

  int cpuLink(int c) {
    return cpuLink + c;
  }

  int memPresent(int b) {
    return memPresent + b;
  }

  int memOnline(int b) {
    return memOnline + b;
  }

  int oops() {
    return oops;
  }
}
