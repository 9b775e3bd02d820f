package org.hotplugchecker.checker.sweep;

import org.hotplugchecker.model.spec.SpecWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.trace.TraceJson;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;

/**
 * The outcome of a sweep: per arch and kernel, each property's verdict over every
 * topology class within the bounds.
 *
 * @param options what was swept
 * @param classes number of topology classes within the bounds
 * @param checkedClasses classes checked on every arch and kernel: all of them, or the
 *     smallest ones when a time limit stopped the sweep
 * @param explored checks run in this sweep
 * @param reused checks taken from the results file
 * @param millis wall-clock time of the sweep (enumeration included)
 * @param runs one entry per (arch, kernel), arches outer, in the order asked for
 * @param lastChecked key of the largest class (or {@code shape:} key of the largest
 *     machine shape) checked; they go smallest first
 * @param shapes number of machine shapes ({@link ShapeGroup}) the classes fall into when
 *     checked per shape, 0 when every class was explored on its own
 */
public record SweepReport(SweepOptions options, long classes, long checkedClasses,
    long explored, long reused, long millis, List<ArchKernel> runs,
    Optional<String> lastChecked, long shapes) {

  /**
   * The verdicts of one arch and kernel.
   *
   * @param arch the arch
   * @param kernel the kernel's knobs (a preset or not)
   * @param properties one per property, in model order, then the user invariants
   */
  public record ArchKernel(Arch arch, Kernel kernel, List<PropertySweep> properties) {
    /** The summary of {@code property}, if it was checked. */
    public Optional<PropertySweep> property(String property) {
      return properties.stream().filter(p -> p.property().equals(property)).findFirst();
    }

    /** Whether every property holds (or is vacuous) on every class. */
    public boolean allHold() {
      return properties.stream().allMatch(p -> p.overall() == Verdict.HOLDS
          || p.overall() == Verdict.VACUOUS);
    }
  }

  /** The summary of one arch and kernel, if it was swept. */
  public Optional<ArchKernel> run(Arch arch, Kernel kernel) {
    return runs.stream().filter(r -> r.arch() == arch && r.kernel().equals(kernel))
        .findFirst();
  }

  /** The summary of one arch and preset, if it was swept. */
  public Optional<ArchKernel> run(Arch arch, KernelVariant kernel) {
    return run(arch, kernel.kernel());
  }

  /** What a knob sweep concludes: holding kernels and minimal fixes, per arch. */
  public List<KnobFixes> knobFixes() {
    return KnobFixes.of(options, runs);
  }

  /** Whether some property is violated on some class. */
  public boolean anyViolation() {
    return runs.stream().flatMap(r -> r.properties().stream())
        .anyMatch(p -> p.overall() == Verdict.VIOLATED);
  }

  /** Whether some check could not be decided. */
  public boolean anyUnknown() {
    return runs.stream().flatMap(r -> r.properties().stream())
        .anyMatch(p -> p.overall() == Verdict.UNKNOWN);
  }

  /** Whether every class within the bounds was checked. */
  public boolean complete() {
    return checkedClasses == classes;
  }

  /**
   * 0 when every property holds on every class, 1 when some class violates one, 4 when
   * no violation was found but the time limit left classes unchecked, 3 when some check
   * could not be decided.
   */
  public int exitCode() {
    if (anyViolation()) {
      return 1;
    }
    if (anyUnknown()) {
      return 3;
    }
    return complete() ? 0 : 4;
  }

  /** The human-readable report. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    SweepBounds b = options.bounds();
    sb.append(String.format(Locale.ROOT,
        "sweep: 1..%d nodes, 0..%d CPUs and 0..%d blocks per node, default distances, faults: %s%n",
        b.maxNodes(), b.maxCpusPerNode(), b.maxBlocksPerNode(), faultText()));
    sb.append(String.format(Locale.ROOT,
        "topology classes: %d (one per class of renamings of nodes, CPUs and blocks that "
            + "cannot change a verdict)%n", classes));
    sb.append(String.format(Locale.ROOT,
        "checks: %d (%d explored now, %d reused from the results file) on %d workers, %s%n",
        explored + reused, explored, reused, options.workers(), seconds(millis)));
    if (shapes > 0) {
      sb.append(String.format(Locale.ROOT,
          "method: one exploration per machine shape (%d shapes), started from the boot "
              + "state of each of its classes; a property that holds on a shape holds or is "
              + "vacuous on each of its classes; classes of a shape that violates a property "
              + "are explored one by one, smallest first%n", shapes));
    }
    options.properties().shapesOff().filter(x -> options.method() == SweepOptions.Method.CLASSES)
        .ifPresent(why -> sb.append("method: one exploration per class; the shape method is"
            + " off for this run (").append(why).append(")\n"));
    options.properties().symmetryOff().ifPresent(why -> sb.append("symmetry reduction off for"
        + " this run (").append(why).append("): every labelled member of each class is"
        + " explored; a class is violated if one member is\n"));
    if (!complete()) {
      sb.append(String.format(Locale.ROOT,
          "INCOMPLETE: the time limit stopped the sweep after the smallest %d of %d classes "
              + "(everything up to %s, smallest first); \"holds\" below covers "
              + "only those%n", checkedClasses, classes, lastChecked.orElse("none")));
    }
    for (ArchKernel r : runs) {
      sb.append('\n').append(r.arch()).append(' ').append(r.kernel().label()).append(": ")
          .append(r.allHold() ? (complete() ? "every property holds on every class"
              : "no violation on the checked classes") : "violations found")
          .append('\n');
      for (PropertySweep p : r.properties()) {
        sb.append(String.format(Locale.ROOT, "  %-26s %s%n", p.property(), line(p)));
        p.smallest().ifPresent(v -> sb.append("      smallest class: ")
            .append(ClassNames.describe(v.topology())).append('\n'));
        p.smallest().filter(v -> p.smallestTopology().isPresent()
            && !sameLabelling(v.topology(), p.smallestTopology().get()))
            .ifPresent(v -> sb.append("      violated on another labelling of the class (the"
                + " symmetry reduction is off): the spec below is that member\n"));
        if (!p.smallestTrace().isEmpty()) {
          sb.append("      shortest counterexample:\n");
          p.smallestTrace().forEach(step -> sb.append("        ").append(step).append('\n'));
        }
        p.smallest().ifPresent(v -> sb.append("      as a spec:\n")
            .append(indent(smallestSpec(r, p, v), "        ")));
      }
    }
    sb.append(SweepMatrix.of(options, runs, complete()));
    if (options.sweepsKnobs()) {
      sb.append(KnobFixes.text(options, KnobFixes.of(options, runs), complete()));
    }
    return sb.toString();
  }

  /**
   * The ready-made spec of a property's smallest violating class, with an {@code expect:}
   * block pinning the violation, so {@code check} passes on it as long as nothing changes.
   */
  private String smallestSpec(ArchKernel r, PropertySweep p, PropertySweep.Violation v) {
    String source = options.properties().userSources().get(p.property());
    return SpecWriter.of("smallest-" + p.property() + "-" + r.arch() + "-" + r.kernel().label(),
        p.smallestTopology().orElseGet(() ->
            v.topology().toTopology(r.arch(), r.kernel(), options.faults())))
        + (source == null ? "" : "invariants:\n  " + p.property() + ": '"
            + source.strip().replace("'", "''") + "'\n")
        + "expect:\n  " + p.property() + ": violated@" + v.length() + "\n";
  }

  /** Whether {@code t} lists exactly the representative's CPUs and blocks, in its order. */
  private static boolean sameLabelling(CanonicalTopology c,
      org.hotplugchecker.model.topology.Topology t) {
    return c.nodes() == t.nodes() && c.cpuList().equals(t.cpus())
        && c.blockList().equals(t.memory());
  }

  private static String steps(int n) {
    return n + (n == 1 ? " step" : " steps");
  }

  private String faultText() {
    return options.faults().isEmpty() ? "none" : options.faults().stream()
        .map(Fault::specName).sorted().collect(Collectors.joining(","));
  }

  private static String line(PropertySweep p) {
    return switch (p.overall()) {
      case HOLDS -> p.holdsOrVacuous() > 0
          ? "holds on all " + p.classes() + " classes" + (p.vacuous() > 0 ? " (vacuous on "
              + p.vacuous() + " whose shapes never exercise it)" : "")
          : p.vacuous() == 0 ? "holds on all " + p.holds() + " classes"
          : "holds on " + p.holds() + " classes, vacuous on " + p.vacuous();
      case VACUOUS -> "vacuous on all " + p.vacuous() + " classes";
      case UNKNOWN -> "UNKNOWN on " + p.unknown() + " classes";
      case VIOLATED -> {
        PropertySweep.Violation v = p.smallest().orElseThrow();
        String counts = p.holdsOrVacuous() + p.notChecked() == 0
            ? String.format(Locale.ROOT, "on %d classes (holds %d, vacuous %d)", p.violated(),
                p.holds(), p.vacuous())
            : String.format(Locale.ROOT, "on %d of the %d classes explored one by one; %d "
                + "larger classes of violating shapes not explored one by one; holds or "
                + "vacuous on %d classes of non-violating shapes",
                p.violated(), p.oneByOne(), p.notChecked(),
                p.classes() - p.oneByOne() - p.notChecked());
        yield String.format(Locale.ROOT,
            "VIOLATED %s; smallest: %d nodes, %d CPUs, "
                + "%d blocks, shortest counterexample %s, class %s",
            counts, v.topology().nodes(), v.topology().cpus(),
            v.topology().blocks(), steps(v.length()), v.topology().key());
      }
    };
  }

  private static String indent(String text, String prefix) {
    return text.lines().map(l -> prefix + l).collect(Collectors.joining("\n", "", "\n"));
  }

  private static String seconds(long ms) {
    return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** The Markdown report ({@link SweepMarkdown}). */
  public String toMarkdown() {
    return SweepMarkdown.of(this);
  }

  /** The machine-readable report (one JSON document). */
  public String toJson() {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    ObjectNode bounds = root.putObject("bounds");
    bounds.put("maxNodes", options.bounds().maxNodes());
    bounds.put("maxCpusPerNode", options.bounds().maxCpusPerNode());
    bounds.put("maxBlocksPerNode", options.bounds().maxBlocksPerNode());
    ArrayNode faults = root.putArray("faults");
    options.faults().stream().map(Fault::specName).sorted().forEach(faults::add);
    root.put("classes", classes);
    root.put("checkedClasses", checkedClasses);
    root.put("complete", complete());
    lastChecked.ifPresent(k -> root.put("lastChecked", k));
    root.put("explored", explored);
    root.put("reused", reused);
    root.put("workers", options.workers());
    root.put("method", options.method().name().toLowerCase(Locale.ROOT));
    root.put("shapes", shapes);
    ObjectNode reductions = root.putObject("reductions");
    reductions.put("shapes", options.method() == SweepOptions.Method.SHAPES);
    reductions.put("symmetry", options.properties().symmetryOff().isEmpty());
    java.util.Set<String> because = new java.util.LinkedHashSet<>();
    options.properties().shapesOff().filter(x -> options.method() == SweepOptions.Method.CLASSES)
        .ifPresent(because::add);
    options.properties().symmetryOff().ifPresent(because::add);
    ArrayNode off = reductions.putArray("offBecause");
    because.forEach(off::add);
    root.put("millis", millis);
    root.put("anyViolation", anyViolation());
    ArrayNode runsNode = root.putArray("runs");
    for (ArchKernel r : runs) {
      ObjectNode rn = runsNode.addObject();
      rn.put("arch", r.arch().specName());
      rn.put("kernel", r.kernel().specName());
      ObjectNode knobs = rn.putObject("kernelKnobs");
      r.kernel().knobs().forEach(knobs::put);
      rn.put("kernelLabel", r.kernel().label());
      rn.put("allHold", r.allHold());
      ObjectNode props = rn.putObject("properties");
      for (PropertySweep p : r.properties()) {
        ObjectNode pn = props.putObject(p.property());
        pn.put("verdict", p.overall().specName());
        pn.put("holds", p.holds());
        pn.put("vacuous", p.vacuous());
        pn.put("violated", p.violated());
        pn.put("unknown", p.unknown());
        pn.put("holdsOrVacuous", p.holdsOrVacuous());
        pn.put("notChecked", p.notChecked());
        p.smallest().ifPresent(v -> {
          ObjectNode s = pn.putObject("smallest");
          s.put("class", v.topology().key());
          s.put("nodes", v.topology().nodes());
          s.put("cpus", v.topology().cpus());
          s.put("blocks", v.topology().blocks());
          s.put("description", ClassNames.describe(v.topology()));
          s.put("length", v.length());
          // the same shape as check's JSON traces: initial state, then structured steps
          p.smallestCounterexample().ifPresentOrElse(t -> s.set("trace", TraceJson.of(t)),
              () -> s.putNull("trace"));
          s.put("spec", smallestSpec(r, p, v));
        });
      }
    }
    if (options.sweepsKnobs()) {
      ArrayNode fixes = root.putArray("knobFixes");
      knobFixes().forEach(f -> f.json(fixes));
    }
    try {
      return json.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
