package org.hotplugchecker.model.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code invariants:} field: a name for each invariant of the spec's own and its
 * expression in the invariant language ({@code MODEL.md}, "User invariants"), each parsed
 * and type-checked here, once. Names come from the rule table, never from a copy here.
 */
final class InvariantsField {
  private final SpecNodes nodes;

  InvariantsField(SpecNodes nodes) {
    this.nodes = nodes;
  }

  /** The spec's invariants, in file order. */
  List<PropertyRule> parse(Node node) throws SpecException {
    Map<String, Node> m = nodes.mapping(node, "invariants", null);
    List<PropertyRule> out = new ArrayList<>();
    InvariantParser parser = new InvariantParser(HotplugRules.RULES);
    for (Map.Entry<String, Node> e : m.entrySet()) {
      String name = e.getKey();
      String path = "invariants." + name;
      if (!name.matches("[A-Za-z0-9_]+")) {
        throw nodes.error(path, "an invariant's name may only have letters, digits and '_'");
      }
      if (HotplugRules.RULES.property(name).isPresent()) {
        throw nodes.error(path, "'" + name
            + "' is a built-in property; give the invariant another name");
      }
      String source = nodes.scalar(e.getValue(), path);
      try {
        out.add(new PropertyRule.Invariant(name, "spec invariant: " + source.strip(),
            parser.parse(source), source));
      } catch (InvariantException x) {
        throw nodes.error(path, x.getMessage());
      }
    }
    return out;
  }
}
