package org.hotplugchecker.model.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotplugchecker.model.rules.KernelKnobs;
import org.hotplugchecker.model.rules.Knob;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code kernel:} and {@code arch:} fields: each one value or a list of values; a
 * kernel is a preset name or a mapping of knobs with an optional {@code base} preset
 * ({@code MODEL.md}, "Kernel knobs"). The knobs and their values come from
 * {@link KernelKnobs}, never from a copy here.
 */
final class KernelField {
  private final SpecNodes nodes;

  KernelField(SpecNodes nodes) {
    this.nodes = nodes;
  }

  /** Every kernel of {@code kernel:}, in file order; the same kernel twice is an error. */
  List<Kernel> kernels(Node node) throws SpecException {
    List<Node> items = nodes.oneOrMany(node, "kernel");
    List<Kernel> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = items.size() == 1 && items.get(0) == node ? "kernel" : "kernel[" + i + "]";
      Kernel k = kernel(items.get(i), path);
      int before = out.indexOf(k);
      if (before >= 0) {
        throw nodes.error(items.get(i), path, "the same kernel as kernel[" + before + "] ("
            + k.label() + ")");
      }
      out.add(k);
    }
    return out;
  }

  /** Every arch of {@code arch:}, in file order; the same arch twice is an error. */
  List<Arch> arches(Node node) throws SpecException {
    List<Node> items = nodes.oneOrMany(node, "arch");
    List<Arch> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = items.size() == 1 && items.get(0) == node ? "arch" : "arch[" + i + "]";
      Node n = items.get(i);
      String v = nodes.scalar(n, path);
      Arch a = Arch.fromSpecName(v).orElseThrow(() -> nodes.error(n, path,
          "unknown arch '" + v + "' (one of " + SpecNodes.names(Arch.values()) + ")"));
      if (out.contains(a)) {
        throw nodes.error(n, path, "arch " + a + " is listed twice");
      }
      out.add(a);
    }
    return out;
  }

  private Kernel kernel(Node n, String path) throws SpecException {
    if (!(n instanceof MappingNode)) {
      String v = nodes.scalar(n, path);
      return KernelVariant.fromSpecName(v).orElseThrow(() -> nodes.error(n, path,
          "unknown kernel '" + v + "' (one of " + SpecNodes.names(KernelVariant.values())
              + ")")).kernel();
    }
    Set<String> allowed = new TreeSet<>();
    allowed.add("base");
    KernelKnobs.KNOBS.forEach(k -> allowed.add(k.name()));
    Map<String, Node> fields = nodes.mapping(n, path, allowed);
    Map<String, String> values = new LinkedHashMap<>();
    if (fields.containsKey("base")) {
      Node b = fields.get("base");
      String base = nodes.scalar(b, path + ".base");
      KernelVariant preset = KernelVariant.fromSpecName(base).orElseThrow(() -> nodes.error(b,
          path + ".base", "unknown base kernel '" + base + "' (one of "
              + SpecNodes.names(KernelVariant.values()) + ")"));
      values.putAll(preset.kernel().knobs());
    }
    for (Knob knob : KernelKnobs.KNOBS) {
      String knobPath = path + "." + knob.name();
      Node v = fields.get(knob.name());
      if (v == null) {
        if (!values.containsKey(knob.name())) {
          throw nodes.error(knobPath, "required knob is missing (without 'base' all of "
                  + String.join(", ", KernelKnobs.KNOBS.stream().map(Knob::name).toList())
                  + " are needed)");
        }
        continue;
      }
      // A knob whose values are true and false is a boolean, spelled as every boolean is.
      String value = knob.values().equals(List.of("true", "false"))
          ? Boolean.toString(nodes.boolField(v, knobPath)) : nodes.scalar(v, knobPath);
      if (knob.indexOf(value) < 0) {
        throw nodes.error(v, knobPath, "unknown value '" + value + "' (one of "
            + String.join(", ", knob.values()) + ")");
      }
      values.put(knob.name(), value);
    }
    return Kernel.of(values);
  }
}
