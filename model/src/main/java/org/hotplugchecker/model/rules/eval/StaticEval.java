package org.hotplugchecker.model.rules.eval;

import java.util.Map;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.ExprAnalysis;

/**
 * Evaluates expressions that read no state (the topology, knobs and arch decide them) for
 * analyses that specialise the rules to one topology, such as deriving guard masks.
 */
public final class StaticEval {
  private final TopologyFacts facts;
  private final PackedLayout layout;

  public StaticEval(TopologyFacts facts, PackedLayout layout) {
    this.facts = facts;
    this.layout = layout;
  }

  /**
   * The value of {@code e} (a boolean as 0/1) with {@code vars} bound.
   *
   * @throws IllegalArgumentException if {@code e} reads the state
   */
  public int value(Expr e, Map<String, Integer> vars) {
    if (ExprAnalysis.readsState(e)) {
      throw new IllegalArgumentException("not decided by the topology alone: " + e);
    }
    RuleCompiler compiler = new RuleCompiler(facts, layout);
    int[] slots = new int[vars.size()];
    String[] names = vars.keySet().toArray(new String[0]);
    for (int i = 0; i < names.length; i++) {
      slots[i] = compiler.bind(names[i]);
    }
    Eval eval = compiler.expr(e);
    Frame f = new Frame(new long[layout.words()], compiler.frameSize(), null);
    for (int i = 0; i < names.length; i++) {
      f.vars[slots[i]] = vars.get(names[i]);
    }
    return eval.eval(f);
  }

  /** The topology this evaluates on. */
  public TopologyFacts facts() {
    return facts;
  }

  /** {@link #value} of a boolean expression. */
  public boolean holds(Expr e, Map<String, Integer> vars) {
    return value(e, vars) != 0;
  }
}
