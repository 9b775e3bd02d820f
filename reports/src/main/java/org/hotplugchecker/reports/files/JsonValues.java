package org.hotplugchecker.reports.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Topology;

/** Small JSON conversions shared by the JSON, ITF and HTML writers. */
final class JsonValues {
  static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonValues() {}

  /** A model variable value (Boolean or Integer) as JSON. */
  static JsonNode value(Object v) {
    if (v instanceof Boolean b) {
      return F.booleanNode(b);
    }
    if (v instanceof Integer i) {
      return F.numberNode(i);
    }
    if (v instanceof Long l) {
      return F.numberNode(l);
    }
    return F.textNode(String.valueOf(v));
  }

  /** The topology as the spec file would say it, kernel and arch included. */
  static ObjectNode topology(Topology t) {
    ObjectNode o = F.objectNode();
    o.put("arch", t.arch().specName());
    o.put("kernel", t.kernel().specName());
    o.put("nodes", t.nodes());
    ArrayNode distance = o.putArray("distance");
    for (int[] row : t.distanceMatrix()) {
      ArrayNode r = distance.addArray();
      for (int d : row) {
        r.add(d);
      }
    }
    o.set("cpus", components(t.cpus()));
    o.set("memory", components(t.memory()));
    ArrayNode faults = o.putArray("faults");
    t.faults().forEach(f -> faults.add(f.specName()));
    return o;
  }

  private static ArrayNode components(List<Component> list) {
    ArrayNode a = F.arrayNode();
    for (Component c : list) {
      a.addObject().put("home", c.home()).put("boot", c.boot()).put("hotplug", c.hotplug());
    }
    return a;
  }
}
