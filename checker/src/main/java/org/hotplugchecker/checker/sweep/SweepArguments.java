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
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;

/**
 * Parses the text of sweep command-line options (shared by the CLI and its tests). Each
 * error is an {@link IllegalArgumentException} whose message names the option and the
 * accepted values.
 */
public final class SweepArguments {
  private SweepArguments() {}

  /** {@code v4.19,v5.18} (or {@code all}) to kernel variants, in the order given. */
  public static List<KernelVariant> kernels(String text) {
    return list("--kernels", text, KernelVariant::fromSpecName, KernelVariant.values());
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
