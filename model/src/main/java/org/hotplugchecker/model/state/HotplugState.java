package org.hotplugchecker.model.state;

import java.util.Arrays;

/**
 * A read-write view of one packed state with the kernel's names for its variables.
 * It wraps the caller's array (no copy), so the kernel actions can run directly on the
 * packed form the engines store.
 */
public final class HotplugState {
  /** {@code NUMA_NO_NODE}. */
  public static final int NO_NODE = -1;

  private final StateLayout layout;
  private final long[] s;

  /** Wraps {@code words} (laid out by {@code layout}); changes write through. */
  public HotplugState(StateLayout layout, long[] words) {
    this.layout = layout;
    this.s = words;
  }

  /** The wrapped words. */
  public long[] words() {
    return s;
  }

  public StateLayout layout() {
    return layout;
  }

  /** A deep copy with its own words. */
  public HotplugState copy() {
    return new HotplugState(layout, Arrays.copyOf(s, s.length));
  }

  private boolean bit(int field) {
    return layout.get(s, field) != 0;
  }

  private void bit(int field, boolean value) {
    layout.set(s, field, value ? 1 : 0);
  }

  /** {@code node_online(n)}. */
  public boolean nodeOnline(int n) {
    return bit(layout.nodeOnline(n));
  }

  public void setNodeOnline(int n, boolean v) {
    bit(layout.nodeOnline(n), v);
  }

  /** {@code NODE_DATA(n) != NULL}. */
  public boolean pgdat(int n) {
    return bit(layout.nodePgdat(n));
  }

  public void setPgdat(int n, boolean v) {
    bit(layout.nodePgdat(n), v);
  }

  /** {@code /sys/devices/system/node/nodeN} exists. */
  public boolean nodeRegistered(int n) {
    return bit(layout.nodeRegistered(n));
  }

  public void setNodeRegistered(int n, boolean v) {
    bit(layout.nodeRegistered(n), v);
  }

  /** {@code cpu_present(c)}. */
  public boolean cpuPresent(int c) {
    return bit(layout.cpuPresent(c));
  }

  public void setCpuPresent(int c, boolean v) {
    bit(layout.cpuPresent(c), v);
  }

  /** {@code cpu_online(c)}. */
  public boolean cpuOnline(int c) {
    return bit(layout.cpuOnline(c));
  }

  public void setCpuOnline(int c, boolean v) {
    bit(layout.cpuOnline(c), v);
  }

  /** {@code cpu_to_node(c)}, {@link #NO_NODE} when cleared. */
  public int cpuToNode(int c) {
    return (int) layout.get(s, layout.cpuNid(c)) - 1;
  }

  /** {@code numa_set_node(c, nid)}. */
  public void setCpuToNode(int c, int nid) {
    layout.set(s, layout.cpuNid(c), nid + 1);
  }

  /** The node whose sysfs directory holds the {@code cpuC} link, {@link #NO_NODE} if none. */
  public int cpuLink(int c) {
    return (int) layout.get(s, layout.cpuLink(c)) - 1;
  }

  public void setCpuLink(int c, int nid) {
    layout.set(s, layout.cpuLink(c), nid + 1);
  }

  /** Memory block {@code b} has been added. */
  public boolean memPresent(int b) {
    return bit(layout.memPresent(b));
  }

  public void setMemPresent(int b, boolean v) {
    bit(layout.memPresent(b), v);
  }

  /** The pages of memory block {@code b} are online. */
  public boolean memOnline(int b) {
    return bit(layout.memOnline(b));
  }

  public void setMemOnline(int b, boolean v) {
    bit(layout.memOnline(b), v);
  }

  /** The kernel has oopsed. */
  public boolean oops() {
    return bit(layout.oops());
  }

  public void setOops(boolean v) {
    bit(layout.oops(), v);
  }
}
