package org.hotplugchecker.checker.export;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * A plain breadth-first search of a {@link RuleMachine}, the reference semantics, for
 * properties no engine knows yet (hand-built user invariants): distinct states,
 * transitions and the violated properties with their shortest counterexamples' lengths
 * (a state invariant's: the depth of the first state violating it; an action
 * property's: one more than the depth of the first state with a step it rejects).
 */
record MachineSearch(long states, long transitions, Map<String, Long> shortest) {

  /** The names of the violated properties. */
  Set<String> violated() {
    return shortest.keySet();
  }

  static MachineSearch of(RuleMachine m) {
    Set<List<Long>> seen = new HashSet<>();
    Deque<long[]> queue = new ArrayDeque<>();
    Deque<Long> depths = new ArrayDeque<>();
    Map<String, Long> shortest = new LinkedHashMap<>();
    long transitions = 0;
    long[] boot = m.bootState();
    seen.add(key(boot));
    queue.add(boot);
    depths.add(0L);
    List<PropertyRule> props = m.properties();
    while (!queue.isEmpty()) {
      long[] s = queue.poll();
      long depth = depths.poll();
      for (int p = 0; p < props.size(); p++) {
        if (props.get(p) instanceof PropertyRule.Invariant && !m.holds(p, s)) {
          shortest.putIfAbsent(props.get(p).name(), depth);
        }
      }
      for (int a = 0; a < m.actions().size(); a++) {
        if (!m.enabled(a, s)) {
          continue;
        }
        transitions++;
        for (int p = 0; p < props.size(); p++) {
          if (m.judge(p, s, a) == TransitionVerdict.VIOLATED) {
            shortest.putIfAbsent(props.get(p).name(), depth + 1);
          }
        }
        long[] t = s.clone();
        m.fire(a, t, null);
        if (seen.add(key(t))) {
          queue.add(t);
          depths.add(depth + 1);
        }
      }
    }
    return new MachineSearch(seen.size(), transitions, Collections.unmodifiableMap(shortest));
  }

  private static List<Long> key(long[] s) {
    return Arrays.stream(s).boxed().toList();
  }
}
