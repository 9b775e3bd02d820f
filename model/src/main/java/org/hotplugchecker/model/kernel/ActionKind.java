package org.hotplugchecker.model.kernel;

/** The kinds of kernel events the model knows, in the order of {@code MODEL.md}. */
public enum ActionKind {
  ADD_MEMORY("add_memory", Target.BLOCK),
  ADD_MEMORY_FAILS("add_memory_fails", Target.BLOCK),
  ONLINE_MEMORY("online_memory", Target.BLOCK),
  OFFLINE_MEMORY("offline_memory", Target.BLOCK),
  REMOVE_MEMORY("remove_memory", Target.BLOCK),
  HOTADD_CPU("hotadd_cpu", Target.CPU),
  CPU_UP("cpu_up", Target.CPU),
  CPU_DOWN("cpu_down", Target.CPU),
  HOTREMOVE_CPU("hotremove_cpu", Target.CPU),
  ALLOC_FOR_CPU("alloc_for_cpu", Target.CPU);

  /** What an action's index refers to. */
  public enum Target {
    CPU,
    BLOCK
  }

  private final String specName;
  private final Target target;

  ActionKind(String specName, Target target) {
    this.specName = specName;
    this.target = target;
  }

  /** The name used in traces and specs, e.g. {@code remove_memory}. */
  public String specName() {
    return specName;
  }

  public Target target() {
    return target;
  }
}
