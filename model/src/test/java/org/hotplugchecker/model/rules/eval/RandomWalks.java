package org.hotplugchecker.model.rules.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random walks of a {@link RuleMachine} from boot, for tests that want a reachable state
 * without a search. Shared through model's test-jar.
 */
public final class RandomWalks {
  private RandomWalks() {}

  /**
   * The state after up to {@code steps} actions from boot, each drawn by {@code random}
   * among those enabled; fewer if a state has none (an oopsed kernel).
   */
  public static long[] fromBoot(RuleMachine machine, Random random, int steps) {
    long[] s = machine.bootState();
    for (int k = 0; k < steps; k++) {
      List<Integer> enabled = new ArrayList<>();
      for (int a = 0; a < machine.actions().size(); a++) {
        if (machine.enabled(a, s)) {
          enabled.add(a);
        }
      }
      if (enabled.isEmpty()) {
        break;
      }
      machine.fire(enabled.get(random.nextInt(enabled.size())), s, null);
    }
    return s;
  }
}
