package org.hotplugchecker.checker.export;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * A plain breadth-first search of a {@link RuleMachine}, the reference semantics, for
 * properties no engine knows yet (hand-built user invariants): distinct states,
 * transitions and the names of the violated properties.
 */
record MachineSearch(long states, long transitions, Set<String> violated) {

  static MachineSearch of(RuleMachine m) {
    Set<List<Long>> seen = new HashSet<>();
    Deque<long[]> queue = new ArrayDeque<>();
    Set<String> violated = new LinkedHashSet<>();
    long transitions = 0;
    long[] boot = m.bootState();
    seen.add(key(boot));
    queue.add(boot);
    List<PropertyRule> props = m.properties();
    while (!queue.isEmpty()) {
      long[] s = queue.poll();
      for (int p = 0; p < props.size(); p++) {
        if (props.get(p) instanceof PropertyRule.Invariant && !m.holds(p, s)) {
          violated.add(props.get(p).name());
        }
      }
      for (int a = 0; a < m.actions().size(); a++) {
        if (!m.enabled(a, s)) {
          continue;
        }
        transitions++;
        for (int p = 0; p < props.size(); p++) {
          if (m.judge(p, s, a) == TransitionVerdict.VIOLATED) {
            violated.add(props.get(p).name());
          }
        }
        long[] t = s.clone();
        m.fire(a, t, null);
        if (seen.add(key(t))) {
          queue.add(t);
        }
      }
    }
    return new MachineSearch(seen.size(), transitions, violated);
  }

  private static List<Long> key(long[] s) {
    return Arrays.stream(s).boxed().toList();
  }
}
