package org.hotplugchecker.model.kernel;

import java.util.ArrayList;
import java.util.List;

/** A {@link CallChain} that keeps every call as text, for traces. */
public final class RecordingCallChain implements CallChain {
  private final List<String> calls = new ArrayList<>();

  @Override
  public void call(String function) {
    calls.add(function);
  }

  @Override
  public void call(String function, int arg) {
    calls.add(function + "(" + arg + ")");
  }

  @Override
  public void call(String function, String argText) {
    calls.add(function + "(" + argText + ")");
  }

  @Override
  public void call(String function, String template, int a) {
    call(function, String.format(java.util.Locale.ROOT, template, a));
  }

  @Override
  public void call(String function, String template, int a, int b) {
    call(function, String.format(java.util.Locale.ROOT, template, a, b));
  }

  /** The calls recorded so far, in order. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The calls joined with arrows, e.g. {@code remove_memory(1) → try_offline_node(1)}. */
  public String render() {
    return String.join(" \u2192 ", calls);
  }
}
