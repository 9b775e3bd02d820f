package org.hotplugchecker.checker.trace;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.model.ts.TransitionSystem;

/** Turns an engine's {@link Counterexample} into a {@link Trace} in the model's terms. */
public final class TraceExplainer {
  private final TransitionSystem ts;

  /** An explainer for counterexamples of {@code ts}. */
  public TraceExplainer(TransitionSystem ts) {
    this.ts = ts;
  }

  /** Explains {@code cex}, a violation of {@code property}. */
  public Trace explain(String property, Counterexample cex) {
    List<TraceStep> steps = new ArrayList<>();
    for (int i = 0; i < cex.actions().size(); i++) {
      long[] before = cex.states().get(i);
      long[] after = cex.states().get(i + 1);
      int action = cex.actions().get(i);
      steps.add(new TraceStep(i + 1, ts.actionLabel(action), action,
          ts.callChain(before, action), ts.changes(before, after), ts.variables(after)));
    }
    return new Trace(property, ts.variables(cex.states().get(0)), List.copyOf(steps));
  }
}
