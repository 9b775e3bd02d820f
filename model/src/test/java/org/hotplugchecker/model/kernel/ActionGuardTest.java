package org.hotplugchecker.model.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.state.HotplugState;
import org.hotplugchecker.model.topology.Topology;

/** The compiled guards say exactly what {@link HotplugKernel#enabled} says. */
class ActionGuardTest {

  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.small();
  }

  @Property(tries = 150)
  void guardAgreesWithEnabledOnArbitraryStates(@ForAll("topologies") Topology t,
      @ForAll long seed) {
    HotplugModel model = new HotplugModel(t);
    Random random = new Random(seed);
    int bits = model.stateBits();
    for (int round = 0; round < 200; round++) {
      long[] s = new long[model.stateWords()];
      for (int w = 0; w < s.length; w++) {
        s[w] = random.nextLong();
      }
      if (round % 2 == 0) {
        new HotplugState(model.layout(), s).setOops(false); // half the states not oopsed, or every guard is false
      }
      HotplugState view = model.view(s);
      for (int a = 0; a < model.actionCount(); a++) {
        KernelAction action = model.action(a);
        ActionGuard guard = model.kernel().guard(action.kind(), action.index(), model.layout());
        assertEquals(model.kernel().enabled(action, view), guard.admits(s),
            action + " in a state of " + bits + " bits");
      }
    }
  }
}
