package org.hotplugchecker.model.kernel;

/**
 * Receives the kernel functions an action runs, in order, with concrete arguments, so
 * a trace can tell the step in kernel terms. The explorer's hot loop passes
 * {@link #NONE}, which ignores everything without allocating.
 */
public interface CallChain {
  /** Records a call without arguments, e.g. {@code unmap_cpu_on_node}. */
  void call(String function);

  /** Records a call with one integer argument, e.g. {@code try_offline_node(1)}. */
  void call(String function, int arg);

  /** Records a call whose argument text is given, e.g. {@code numa_clear_node(cpu 2)}. */
  void call(String function, String argText);

  /** A chain that records nothing. */
  CallChain NONE = new CallChain() {
    @Override
    public void call(String function) {}

    @Override
    public void call(String function, int arg) {}

    @Override
    public void call(String function, String argText) {}
  };
}
