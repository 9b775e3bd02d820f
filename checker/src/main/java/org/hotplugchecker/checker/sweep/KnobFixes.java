package org.hotplugchecker.checker.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;

/**
 * What a knob sweep concludes: per arch (and over every swept arch together), the swept
 * kernels under which every property holds or is vacuous on every checked class, and for
 * each failing preset its <em>minimal fixes</em>: the holding kernels that change the fewest
 * knobs of the preset (Hamming distance over {@code KernelKnobs.KNOBS}). Every other
 * holding kernel changes more knobs. Only swept kernels count: with {@code --kernels knobs}
 * that is every combination, so the fixes are the minimal ones of the whole knob space.
 *
 * @param arch the arch, or empty for "on every swept arch at once"
 * @param holding the holding kernels, in sweep order
 * @param fixes per failing preset among the swept kernels, in sweep order
 */
public record KnobFixes(Optional<Arch> arch, List<Kernel> holding, List<Fix> fixes) {
  /**
   * The minimal fixes of one failing preset.
   *
   * @param preset the failing preset
   * @param changes how many knobs each fix changes (-1 when no swept kernel holds)
   * @param kernels the fixes, in sweep order
   */
  public record Fix(Kernel preset, int changes, List<Kernel> kernels) {}

  /** One entry per swept arch, then (with more than one arch) one for all of them. */
  static List<KnobFixes> of(SweepOptions options, List<SweepReport.ArchKernel> runs) {
    List<KnobFixes> out = new ArrayList<>();
    for (Arch arch : options.arches()) {
      out.add(of(Optional.of(arch), options, runs));
    }
    if (options.arches().size() > 1) {
      out.add(of(Optional.empty(), options, runs));
    }
    return out;
  }

  private static KnobFixes of(Optional<Arch> arch, SweepOptions options,
      List<SweepReport.ArchKernel> runs) {
    List<Kernel> holding = new ArrayList<>();
    List<Kernel> failingPresets = new ArrayList<>();
    for (Kernel k : options.kernels()) {
      boolean holds = runs.stream().filter(r -> r.kernel().equals(k)
          && arch.map(a -> a == r.arch()).orElse(true)).allMatch(SweepReport.ArchKernel::allHold);
      if (holds) {
        holding.add(k);
      } else if (k.preset().isPresent()) {
        failingPresets.add(k);
      }
    }
    List<Fix> fixes = new ArrayList<>();
    for (Kernel p : failingPresets) {
      int fewest = holding.stream().mapToInt(p::distance).min().orElse(-1);
      fixes.add(new Fix(p, fewest, holding.stream().filter(k -> p.distance(k) == fewest)
          .toList()));
    }
    return new KnobFixes(arch, holding, fixes);
  }

  /** The knobs {@code fix} changes from {@code preset}, as {@code knob=value}. */
  static List<String> changes(Kernel preset, Kernel fix) {
    List<String> out = new ArrayList<>();
    Map<String, String> base = preset.knobs();
    fix.knobs().forEach((knob, value) -> {
      if (!value.equals(base.get(knob))) {
        out.add(knob + "=" + value);
      }
    });
    return out;
  }

  private String where() {
    return arch.map(Arch::specName).orElse("every arch");
  }

  /** The text section of a knob sweep. */
  static String text(SweepOptions options, List<KnobFixes> all, boolean complete) {
    StringBuilder sb = new StringBuilder();
    long presets = options.kernels().stream().filter(k -> k.preset().isPresent()).count();
    sb.append(String.format(Locale.ROOT, "%nknob sweep: %d kernels (%d presets); a kernel "
        + "holds when every property holds or is vacuous on every %s; a minimal fix of a "
        + "failing preset is a holding kernel that changes the fewest of its knobs%n",
        options.kernels().size(), presets, complete ? "class of the bound" : "checked class"));
    for (KnobFixes f : all) {
      sb.append(String.format(Locale.ROOT, "%n%s: %d of %d kernels hold%s%n", f.where(),
          f.holding().size(), options.kernels().size(), f.holding().isEmpty() ? ""
              : ": " + String.join(", ", f.holding().stream().map(Kernel::label).toList())));
      for (Fix fix : f.fixes()) {
        String name = fix.preset().label();
        if (fix.kernels().isEmpty()) {
          sb.append("  ").append(name).append(": no swept kernel holds\n");
          continue;
        }
        sb.append(String.format(Locale.ROOT, "  %s: minimal fix%s (%d knob%s changed):%n", name,
            fix.kernels().size() == 1 ? "" : "es", fix.changes(), fix.changes() == 1 ? ""
                : "s"));
        for (Kernel k : fix.kernels()) {
          sb.append("    ").append(name).append('+')
              .append(String.join("+", changes(fix.preset(), k)))
              .append(k.preset().isPresent() ? " (= " + k.label() + ")" : "").append('\n');
        }
      }
    }
    return sb.toString();
  }

  /** The JSON of one entry. */
  void json(ArrayNode into) {
    ObjectNode o = into.addObject();
    o.put("arch", arch.map(Arch::specName).orElse("all"));
    ArrayNode h = o.putArray("holding");
    holding.forEach(k -> h.add(k.label()));
    ArrayNode fx = o.putArray("fixes");
    for (Fix fix : fixes) {
      ObjectNode n = fx.addObject();
      n.put("preset", fix.preset().label());
      n.put("changes", fix.changes());
      ArrayNode ks = n.putArray("kernels");
      for (Kernel k : fix.kernels()) {
        ObjectNode kn = ks.addObject();
        kn.put("kernel", k.label());
        ObjectNode changed = kn.putObject("changedKnobs");
        Map<String, String> base = fix.preset().knobs();
        k.knobs().forEach((knob, value) -> {
          if (!value.equals(base.get(knob))) {
            changed.put(knob, value);
          }
        });
      }
    }
  }
}
