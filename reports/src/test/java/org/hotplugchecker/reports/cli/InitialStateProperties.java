package org.hotplugchecker.reports.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.StateVariable;

class InitialStateProperties {
  @Provide
  Arbitrary<Topology> topologies() {
    return TopologyArbitraries.topologies(4, 4, 4);
  }

  /** Every variable once, each CPU and block under the node that is its firmware home. */
  @Property(tries = 200)
  void groupsEveryVariableOnceUnderItsNode(@ForAll("topologies") Topology t) {
    HotplugModel model = new HotplugModel(t);
    List<StateVariable> vars = model.variables(model.initialStates().get(0));
    List<String> lines = InitialState.lines(vars, t);
    List<String> items = new ArrayList<>();
    int node = -1;
    for (String line : lines) {
      String body = line.strip();
      if (body.startsWith("node ")) {
        node = Integer.parseInt(body.substring(5, body.indexOf(':')));
      } else if (body.startsWith("cpu ") || body.startsWith("mem ")) {
        int i = Integer.parseInt(body.substring(4, body.indexOf(':')));
        int home = body.startsWith("cpu ") ? t.cpus().get(i).home() : t.memory().get(i).home();
        assertEquals(home, node, line);
        assertTrue(line.startsWith("  "), "nested under its node: " + line);
      }
      String values = body.contains(": ") ? body.substring(body.indexOf(": ") + 2) : body;
      items.addAll(Arrays.asList(values.split(" ")));
    }
    assertEquals(vars.stream().map(v -> v.name() + "=" + v.render()).sorted().toList(),
        items.stream().sorted().toList());
  }
}
