package org.hotplugchecker.model.spec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Rejects a key that appears twice in one mapping, at any depth. SnakeYAML's composer
 * keeps both (and its constructor would silently keep the last), so a second
 * {@code nodes:} or a repeated {@code expect:} entry would otherwise win without a word.
 */
final class DuplicateKeys {
  private DuplicateKeys() {}

  /** Throws for the first duplicate key, in file order, naming its path and both lines. */
  static void check(Path file, Node root) throws SpecException {
    walk(file, root, "", Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void walk(Path file, Node node, String path, Set<Node> seen)
      throws SpecException {
    if (!seen.add(node)) {
      return; // an alias of a node already checked
    }
    if (node instanceof MappingNode m) {
      Map<String, Integer> first = new HashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) {
          continue; // the loader rejects non-scalar keys with its own message
        }
        String key = k.getValue();
        String child = path.isEmpty() ? key : path + "." + key;
        Integer before = first.putIfAbsent(key, SpecNodes.line(k));
        if (before != null) {
          throw new SpecException(file, SpecNodes.line(k), child,
              "duplicate key '" + key + "' (first at line " + before + ")");
        }
        walk(file, t.getValueNode(), child, seen);
      }
    } else if (node instanceof SequenceNode s) {
      List<Node> items = s.getValue();
      for (int i = 0; i < items.size(); i++) {
        walk(file, items.get(i), path + "[" + i + "]", seen);
      }
    }
  }
}
