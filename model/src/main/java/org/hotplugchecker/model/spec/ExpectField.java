package org.hotplugchecker.model.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The {@code expect:} block. Each entry maps a property either to one expectation, for
 * every check of the spec, or to a mapping from checks to expectations, for specs whose
 * {@code kernel:} or {@code arch:} is a list:
 *
 * <pre>
 * expect:
 *   cpu_node_has_pgdat: holds        # every check
 *   no_oops:
 *     v4.19: violated@5              # kernel v4.19 on every arch
 *     v4.19,generic: violated@7      # kernel v4.19 on generic (more specific, so it wins)
 *     x86: holds                     # every other kernel on x86
 * </pre>
 *
 * <p>A key names a kernel of the spec (by its {@link Kernel#label() label}), an arch of
 * the spec, or both as {@code KERNEL,ARCH}. For each check the most specific key that
 * names it applies; a kernel key and an arch key that both name a check and disagree are
 * an error. A check no key names has no expectation for that property.
 */
final class ExpectField {
  private final SpecNodes nodes;

  ExpectField(SpecNodes nodes) {
    this.nodes = nodes;
  }

  /**
   * The expectations of every check, in the order of {@code checks}.
   *
   * @param checkedProperty maps a property name to null when the spec checks it, else to
   *     the reason it cannot be expected (unknown, or not in {@code properties:})
   */
  List<Map<String, Expectation>> parse(Node node, List<SpecCheck> checks,
      Function<String, String> checkedProperty) throws SpecException {
    List<Map<String, Expectation>> out = new ArrayList<>();
    checks.forEach(c -> out.add(new LinkedHashMap<>()));
    for (Map.Entry<String, Node> e : nodes.mapping(node, "expect", null).entrySet()) {
      String path = "expect." + e.getKey();
      String problem = checkedProperty.apply(e.getKey());
      if (problem != null) {
        throw nodes.error(path, problem);
      }
      List<Expectation> perCheck = e.getValue() instanceof MappingNode
          ? bySelector(e.getValue(), path, checks)
          : java.util.Collections.nCopies(checks.size(), expectation(e.getValue(), path));
      for (int i = 0; i < checks.size(); i++) {
        if (perCheck.get(i) != null) {
          out.get(i).put(e.getKey(), perCheck.get(i));
        }
      }
    }
    return out;
  }

  private Expectation expectation(Node n, String path) throws SpecException {
    String v = nodes.scalar(n, path);
    Expectation x = Expectation.parse(v);
    if (x == null) {
      throw nodes.error(n, path, "expected holds, violated, violated@K or vacuous, got '"
          + v + "'");
    }
    return x;
  }

  /** A selector key: which kernel and arch it names (null: any). */
  private record Selector(String key, Kernel kernel, Arch arch, Node value, String path) {
    boolean names(SpecCheck c) {
      return (kernel == null || kernel.equals(c.kernel())) && (arch == null || arch == c.arch());
    }

    int specificity() {
      return (kernel == null ? 0 : 1) + (arch == null ? 0 : 1);
    }
  }

  private List<Expectation> bySelector(Node node, String path, List<SpecCheck> checks)
      throws SpecException {
    List<Selector> selectors = new ArrayList<>();
    for (Map.Entry<String, Node> e : nodes.mapping(node, path, null).entrySet()) {
      selectors.add(selector(e.getKey(), e.getValue(), path + "." + e.getKey(), checks));
    }
    List<Expectation> out = new ArrayList<>();
    for (SpecCheck c : checks) {
      Selector best = null;
      Expectation chosen = null;
      for (Selector s : selectors) {
        if (!s.names(c)) {
          continue;
        }
        Expectation x = expectation(s.value(), s.path());
        if (best == null || s.specificity() > best.specificity()) {
          best = s;
          chosen = x;
        } else if (s.specificity() == best.specificity() && !x.equals(chosen)) {
          throw nodes.error(s.path(), "'" + best.key() + "' and '" + s.key()
              + "' both name check [" + c.label() + "] and disagree (" + chosen + " vs " + x
              + "); add a '" + c.label() + "' entry");
        }
      }
      out.add(chosen);
    }
    return out;
  }

  private Selector selector(String key, Node value, String path, List<SpecCheck> checks)
      throws SpecException {
    if (value instanceof org.yaml.snakeyaml.nodes.ScalarNode v
        && v.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL)) {
      // {v4.19,generic: holds} is {v4.19: null, generic: holds} in YAML's flow style
      throw nodes.error(value, path, "expected holds, violated, violated@K or vacuous, got "
          + "nothing (in a {...} mapping a KERNEL,ARCH key needs quotes: \"KERNEL,ARCH\": ...)");
    }
    List<Kernel> kernels = checks.stream().map(SpecCheck::kernel).distinct().toList();
    List<Arch> arches = checks.stream().map(SpecCheck::arch).distinct().toList();
    int comma = key.indexOf(',');
    Kernel kernel = null;
    Arch arch = null;
    if (comma >= 0) {
      kernel = kernelNamed(key.substring(0, comma).strip(), kernels);
      arch = archNamed(key.substring(comma + 1).strip(), arches);
      if (kernel == null || arch == null) {
        throw unknown(key, path, kernels, arches);
      }
    } else {
      kernel = kernelNamed(key, kernels);
      arch = kernel == null ? archNamed(key, arches) : null;
      if (kernel == null && arch == null) {
        throw unknown(key, path, kernels, arches);
      }
    }
    return new Selector(key, kernel, arch, value, path);
  }

  private static Kernel kernelNamed(String label, List<Kernel> kernels) {
    return kernels.stream().filter(k -> k.label().equals(label)).findFirst().orElse(null);
  }

  private static Arch archNamed(String name, List<Arch> arches) {
    return arches.stream().filter(a -> a.specName().equals(name)).findFirst().orElse(null);
  }

  private SpecException unknown(String key, String path, List<Kernel> kernels,
      List<Arch> arches) {
    List<String> names = new ArrayList<>();
    kernels.forEach(k -> names.add(k.label()));
    arches.forEach(a -> names.add(a.specName()));
    return nodes.error(path, "'" + key + "' names no check of this spec (a kernel, an arch "
        + "or KERNEL,ARCH of: " + String.join(", ", names) + ")");
  }
}
