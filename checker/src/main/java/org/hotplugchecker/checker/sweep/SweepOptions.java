package org.hotplugchecker.checker.sweep;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;

/**
 * What a sweep checks and how.
 *
 * @param bounds the topology classes to check
 * @param kernels kernels (presets or other knob sets), each checked on every class
 * @param arches arches, each checked on every class
 * @param faults faults enabled in every checked topology (usually none)
 * @param workers topologies explored at once (each exploration uses one thread)
 * @param resultsFile JSON-lines file of finished checks, read to resume and appended to
 * @param progress where a progress bar goes, if anywhere
 * @param timeLimit stop starting new classes after this long (the report then covers the
 *     smallest classes only and says so)
 * @param method one exploration per machine shape (default) or one per class
 * @param properties what is checked on every class: the built-in properties and any user
 *     invariants
 */
public record SweepOptions(SweepBounds bounds, List<Kernel> kernels, List<Arch> arches,
    Set<Fault> faults, int workers, Optional<Path> resultsFile,
    Optional<PrintStream> progress, Optional<Duration> timeLimit, Method method,
    SweepProperties properties) {

  /** How the classes are checked; both give the same verdicts and smallest violations. */
  public enum Method {
    /**
     * One exploration per {@link ShapeGroup} covers all its classes; only classes of
     * shapes that violate a property are then explored one by one, smallest first, to
     * find the smallest violation. Counts of classes where a property holds and where it
     * is vacuous are not told apart for classes covered by a shape.
     */
    SHAPES,
    /** One exploration per class: exact per-class counts, much slower. */
    CLASSES
  }

  /** Validates and copies. */
  public SweepOptions {
    if (kernels.isEmpty()) {
      throw new IllegalArgumentException("--kernels must name at least one kernel");
    }
    if (arches.isEmpty()) {
      throw new IllegalArgumentException("--arch must name at least one arch");
    }
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
    }
    kernels = List.copyOf(kernels);
    arches = List.copyOf(arches);
    java.util.Objects.requireNonNull(method, "method");
    java.util.Objects.requireNonNull(properties, "properties");
    if (kernels.stream().distinct().count() != kernels.size()) {
      throw new IllegalArgumentException("--kernels names a kernel twice");
    }
    faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
  }

  /**
   * Every preset kernel, both arches, no faults, the built-in properties, one worker per
   * core, no file, no progress.
   */
  public static SweepOptions defaults(SweepBounds bounds) {
    return new SweepOptions(bounds, presets(List.of(KernelVariant.values())),
        List.of(Arch.values()), Set.of(), Runtime.getRuntime().availableProcessors(),
        Optional.empty(), Optional.empty(), Optional.empty(), Method.SHAPES,
        SweepProperties.BUILT_IN);
  }

  /** The kernels of {@code variants}, in order. */
  public static List<Kernel> presets(List<KernelVariant> variants) {
    return variants.stream().map(KernelVariant::kernel).toList();
  }

  /** Whether some kernel is not a preset (a knob sweep). */
  public boolean sweepsKnobs() {
    return kernels.stream().anyMatch(k -> k.preset().isEmpty());
  }

  public SweepOptions withKernels(List<Kernel> k) {
    return new SweepOptions(bounds, k, arches, faults, workers, resultsFile, progress,
        timeLimit, method, properties);
  }

  /** {@link #withKernels} with presets. */
  public SweepOptions withPresets(List<KernelVariant> k) {
    return withKernels(presets(k));
  }

  public SweepOptions withProperties(SweepProperties p) {
    return new SweepOptions(bounds, kernels, arches, faults, workers, resultsFile, progress,
        timeLimit, method, p);
  }

  public SweepOptions withArches(List<Arch> a) {
    return new SweepOptions(bounds, kernels, a, faults, workers, resultsFile, progress,
        timeLimit, method, properties);
  }

  public SweepOptions withFaults(Set<Fault> f) {
    return new SweepOptions(bounds, kernels, arches, f, workers, resultsFile, progress,
        timeLimit, method, properties);
  }

  public SweepOptions withWorkers(int n) {
    return new SweepOptions(bounds, kernels, arches, faults, n, resultsFile, progress,
        timeLimit, method, properties);
  }

  public SweepOptions withResultsFile(Path file) {
    return new SweepOptions(bounds, kernels, arches, faults, workers, Optional.of(file),
        progress, timeLimit, method, properties);
  }

  public SweepOptions withTimeLimit(Duration limit) {
    return new SweepOptions(bounds, kernels, arches, faults, workers, resultsFile, progress,
        Optional.of(limit), method, properties);
  }

  public SweepOptions withMethod(Method m) {
    return new SweepOptions(bounds, kernels, arches, faults, workers, resultsFile, progress,
        timeLimit, m, properties);
  }

  public SweepOptions withProgress(PrintStream out) {
    return new SweepOptions(bounds, kernels, arches, faults, workers, resultsFile,
        Optional.of(out), timeLimit, method, properties);
  }
}
