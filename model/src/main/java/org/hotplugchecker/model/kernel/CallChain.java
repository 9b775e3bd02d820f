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

  /**
   * Records a call whose argument text is {@code template} with its {@code %d} filled
   * by {@code a}; the text is only built by chains that record.
   */
  default void call(String function, String template, int a) {
    call(function, template.replaceFirst("%d", Integer.toString(a)));
  }

  /** As {@link #call(String, String, int)} with two numbers. */
  default void call(String function, String template, int a, int b) {
    call(function, template.replaceFirst("%d", Integer.toString(a))
        .replaceFirst("%d", Integer.toString(b)));
  }

  /**
   * Whether calls are kept. Work done only to describe a step (never to change the
   * state) may be skipped when not.
   */
  default boolean recording() {
    return true;
  }

  /** A chain that records nothing. */
  CallChain NONE = new CallChain() {
    @Override
    public void call(String function) {}

    @Override
    public void call(String function, int arg) {}

    @Override
    public void call(String function, String argText) {}

    @Override
    public void call(String function, String template, int a) {}

    @Override
    public void call(String function, String template, int a, int b) {}

    @Override
    public boolean recording() {
      return false;
    }
  };
}
