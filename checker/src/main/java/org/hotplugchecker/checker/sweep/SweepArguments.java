package org.hotplugchecker.checker.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.lang.InvariantException;
import org.hotplugchecker.model.rules.lang.InvariantParser;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;

/**
 * Parses the text of sweep command-line options (shared by the CLI and its tests). Each
 * error is an {@link IllegalArgumentException} whose message names the option and the
 * accepted values.
 */
public final class SweepArguments {
  private SweepArguments() {}

  /**
   * The kernels of {@code --kernels}, in the order given, each once: a comma list of
   * preset names ({@code v4.19}), knob sets written as {@link Kernel#label()} writes them
   * ({@code v5.0+offline_guard=online_blocks}: a preset and the knobs that differ; without a
   * preset every knob, {@code clear_cpu_node_on_offline=never+offline_guard=...}), {@code
   * all} (every preset) and {@code knobs} (every combination of the knobs' values, presets
   * first, {@link Kernel#every()}).
   */
  public static List<Kernel> kernels(String text) {
    List<Kernel> out = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      String item = part.trim();
      List<Kernel> add;
      if (item.equals("all")) {
        add = SweepOptions.presets(List.of(KernelVariant.values()));
      } else if (item.equals("knobs")) {
        add = Kernel.every();
      } else if (item.isEmpty()) {
        throw new IllegalArgumentException("--kernels: empty item in '" + text + "'");
      } else {
        try {
          add = List.of(Kernel.fromLabel(item));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("--kernels: unknown value '" + item + "': "
              + e.getMessage() + "; or all, knobs");
        }
      }
      for (Kernel k : add) {
        if (!out.contains(k)) {
          out.add(k);
        }
      }
    }
    return out;
  }

  /** {@code x86,generic} (or {@code all}) to arches, in the order given. */
  public static List<Arch> arches(String text) {
    return list("--arch", text, Arch::fromSpecName, Arch.values());
  }

  /** {@code add_memory_fails} (or {@code none}) to faults. */
  public static Set<Fault> faults(String text) {
    if (text.trim().equals("none")) {
      return Set.of();
    }
    List<Fault> f = list("--faults", text, Fault::fromSpecName, Fault.values());
    return EnumSet.copyOf(f);
  }

  /**
   * One {@code --invariant NAME=EXPR}: a user invariant in the language of {@code MODEL.md}
   * ("User invariants"), parsed and type-checked. Errors name the option, the invariant and
   * the column in {@code EXPR}.
   */
  public static PropertyRule.Invariant invariant(String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("--invariant: expected NAME=EXPR, got '" + text + "'");
    }
    String name = text.substring(0, eq).trim();
    String source = text.substring(eq + 1);
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("--invariant " + (name.isEmpty() ? "''" : name)
          + ": an invariant's name may only have letters, digits and '_'");
    }
    if (HotplugRules.RULES.property(name).isPresent()) {
      throw new IllegalArgumentException("--invariant " + name + ": '" + name
          + "' is a built-in property; give the invariant another name");
    }
    try {
      return new PropertyRule.Invariant(name, "sweep invariant: " + source.strip(),
          InvariantParser.parse(HotplugRules.RULES, source), source);
    } catch (InvariantException e) {
      throw new IllegalArgumentException("--invariant " + name + ": " + e.getMessage());
    }
  }

  /** {@code 90s}, {@code 30m}, {@code 2h} or an ISO-8601 duration ({@code PT1H30M}). */
  public static Duration duration(String text) {
    String t = text.trim();
    try {
      if (t.matches("\\d+[smh]")) {
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
          case 's' -> Duration.ofSeconds(n);
          case 'm' -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        };
      }
      return Duration.parse(t);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("--time-limit: expected e.g. 90s, 30m, 2h or PT1H30M,"
          + " got '" + text + "'");
    }
  }

  private static <E extends Enum<E>> List<E> list(String option, String text,
      Function<String, Optional<E>> lookup, E[] all) {
    if (text.trim().equals("all")) {
      return List.of(all);
    }
    List<E> out = new ArrayList<>();
    for (String part : text.split(",")) {
      String name = part.trim();
      E e = lookup.apply(name).orElseThrow(() -> new IllegalArgumentException(option
          + ": unknown value '" + name + "' (one of " + Arrays.stream(all)
              .map(Object::toString).collect(Collectors.joining(", ")) + ", or all)"));
      if (!out.contains(e)) {
        out.add(e);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(option + ": empty list");
    }
    return out;
  }
}
