package org.hotplugchecker.checker.sweep;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;

/**
 * {@link SweepOptions.Method#SHAPES}: one exploration per machine shape covers all its
 * classes ({@link ShapeGroup} says why that is sound and exact). A property that holds
 * (or is vacuous) on a shape holds or is vacuous on each of its classes. Where a shape
 * violates a property, classes of violating shapes are explored one by one, size tier
 * by size tier (nodes, CPUs, blocks), until the first tier with a violation, which
 * holds the smallest violating class; larger classes of violating shapes are then
 * counted as not checked.
 *
 * <p>Results do not depend on the number of workers: every shape is explored, and
 * every class of a tier that is searched is explored, whatever finishes first.
 */
final class ShapeSweep {
  /** Results-file prefix that tells a shape's record from a class's. */
  static final String SHAPE_KEY_PREFIX = "shape:";

  private final SweepOptions options;
  private final List<String> properties;
  private final Map<String, String> previous;
  private final SweepResultsFile file;
  private final AtomicLong explored = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();

  ShapeSweep(SweepOptions options, List<String> properties, Map<String, String> previous,
      SweepResultsFile file) {
    this.options = options;
    this.properties = properties;
    this.previous = previous;
    this.file = file;
  }

  /** One arch and kernel's shape verdicts, by shape index, then property index. */
  private record RunVerdicts(Arch arch, KernelVariant kernel, Map<String, String>[] byShape) {}

  SweepReport run(List<CanonicalTopology> classes, long start) throws IOException {
    List<ShapeGroup> shapes = ShapeGroup.of(classes);
    List<RunVerdicts> runs = new ArrayList<>();
    for (Arch arch : options.arches()) {
      for (KernelVariant kernel : options.kernels()) {
        @SuppressWarnings("unchecked")
        Map<String, String>[] byShape = new Map[shapes.size()];
        runs.add(new RunVerdicts(arch, kernel, byShape));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(options.workers(), r -> {
      Thread t = new Thread(r, "sweep-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      int finishedShapes = checkShapes(shapes, runs, pool, start);
      List<SweepReport.ArchKernel> summaries = new ArrayList<>();
      long checkedClasses = 0;
      for (int g = 0; g < finishedShapes; g++) {
        checkedClasses += shapes.get(g).size();
      }
      for (RunVerdicts run : runs) {
        summaries.add(summarize(run, shapes.subList(0, finishedShapes), pool));
      }
      SmallestTraces.attach(summaries, options.faults());
      long millis = (System.nanoTime() - start) / 1_000_000;
      Optional<String> last = finishedShapes == 0 ? Optional.empty()
          : Optional.of(SHAPE_KEY_PREFIX + shapes.get(finishedShapes - 1).key());
      return new SweepReport(options, classes.size(), checkedClasses, explored.get(),
          reused.get(), millis, summaries, last, shapes.size());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Explores every shape on every arch and kernel, smallest first, until done or the time
   * limit; returns how many shapes (a prefix of the list) were finished on all of them.
   */
  private int checkShapes(List<ShapeGroup> shapes, List<RunVerdicts> runs,
      ExecutorService pool, long start) throws IOException {
    double totalWork = 0;
    for (ShapeGroup shape : shapes) {
      totalWork += shape.estimatedWork() * runs.size();
    }
    ProgressBar bar = new ProgressBar(options.progress().orElse(null),
        (long) shapes.size() * runs.size(), totalWork);
    long limit = options.timeLimit().map(Duration::toNanos).orElse(Long.MAX_VALUE);
    List<Future<?>> futures = new ArrayList<>();
    int started = 0;
    for (ShapeGroup shape : shapes) {
      if (System.nanoTime() - start >= limit) {
        break;
      }
      final int g = started;
      futures.add(pool.submit(() -> {
        List<TopologyOutcome> fresh = new ArrayList<>();
        for (RunVerdicts run : runs) {
          String key = TopologyOutcome.key(SHAPE_KEY_PREFIX + shape.key(), run.arch(),
              run.kernel(), options.faults());
          String packed = previous.get(key);
          if (packed != null) {
            run.byShape()[g] = SweepResultsFile.unpack(packed, properties);
            reused.incrementAndGet();
            continue;
          }
          CheckResult r = new ExplicitExplorer().explore(
              shape.model(run.arch(), run.kernel(), options.faults()),
              ExplorerOptions.defaults());
          TopologyOutcome o = TopologyOutcome.of(SHAPE_KEY_PREFIX + shape.key(), run.arch(),
              run.kernel(), options.faults(), r);
          run.byShape()[g] = o.verdicts();
          fresh.add(o);
          explored.incrementAndGet();
        }
        if (file != null && !fresh.isEmpty()) {
          file.append(fresh);
        }
        bar.advance(fresh.size(), runs.size() - fresh.size(),
            fresh.size() * shape.estimatedWork(),
            (runs.size() - fresh.size()) * shape.estimatedWork());
        return null;
      }));
      started++;
      // Keep only a few shapes queued so that a time limit stops the sweep promptly.
      throttle(futures, options.workers() * 2);
    }
    awaitAll(futures);
    bar.finish();
    return started;
  }

  private static void throttle(List<Future<?>> futures, int maxPending) {
    long pending = futures.stream().filter(f -> !f.isDone()).count();
    for (Future<?> f : futures) {
      if (pending < maxPending) {
        return;
      }
      if (!f.isDone()) {
        await(f);
        pending--;
      }
    }
  }

  private static void awaitAll(List<Future<?>> futures) {
    for (Future<?> f : futures) {
      await(f);
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SweepRunner.SweepException("sweep interrupted", e);
    } catch (ExecutionException e) {
      throw new SweepRunner.SweepException("sweep failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * The per-property summary of one arch and kernel over the finished shapes, exploring
   * classes one by one where a shape violates a property.
   */
  private SweepReport.ArchKernel summarize(RunVerdicts run, List<ShapeGroup> shapes,
      ExecutorService pool) throws IOException {
    int np = properties.size();
    // Which shapes violate which property.
    boolean[][] violates = new boolean[shapes.size()][np];
    boolean[] open = new boolean[np];
    for (int g = 0; g < shapes.size(); g++) {
      for (int p = 0; p < np; p++) {
        violates[g][p] = verdict(run.byShape()[g], properties.get(p)) == Verdict.VIOLATED;
        open[p] |= violates[g][p];
      }
    }
    Map<CanonicalTopology, TopologyOutcome> oneByOne = searchSmallestViolations(run, shapes,
        violates, open, pool);
    PropertySweep[] ps = properties.stream().map(PropertySweep::new)
        .toArray(PropertySweep[]::new);
    for (int g = 0; g < shapes.size(); g++) {
      ShapeGroup shape = shapes.get(g);
      for (int p = 0; p < np; p++) {
        String name = properties.get(p);
        if (!violates[g][p]) {
          ps[p].addCovered(verdict(run.byShape()[g], name), shape.size());
          continue;
        }
        for (CanonicalTopology c : shape.members()) {
          TopologyOutcome o = oneByOne.get(c);
          if (o == null) {
            ps[p].addNotChecked(1);
          } else {
            ps[p].add(c, o.verdict(name), o.length(name));
          }
        }
      }
    }
    for (int p = 0; p < np; p++) {
      if (open[p] && ps[p].smallest().isEmpty()) {
        // The skeleton started from a member's boot state is itself a class in the
        // bounds, so this cannot happen unless the reduction's premises are broken.
        throw new SweepRunner.SweepException("a machine shape violates " + properties.get(p)
            + " on " + run.arch() + " " + run.kernel() + " but none of its classes does;"
            + " the shape reduction does not apply here: rerun with --per-class", null);
      }
    }
    return new SweepReport.ArchKernel(run.arch(), run.kernel(), List.of(ps));
  }

  /**
   * Explores, one by one, the classes of shapes that violate a still-open property, a
   * size tier at a time, smallest first; a property closes at the first tier where one
   * of its classes violates it (that tier holds its smallest violation).
   */
  private Map<CanonicalTopology, TopologyOutcome> searchSmallestViolations(RunVerdicts run,
      List<ShapeGroup> shapes, boolean[][] violates, boolean[] open, ExecutorService pool)
      throws IOException {
    Map<CanonicalTopology, TopologyOutcome> done = new LinkedHashMap<>();
    List<List<Integer>> tiers = tiers(shapes);
    for (List<Integer> tier : tiers) {
      List<CanonicalTopology> todo = new ArrayList<>();
      for (int g : tier) {
        if (anyOpen(violates[g], open)) {
          todo.addAll(shapes.get(g).members());
        }
      }
      if (todo.isEmpty()) {
        continue;
      }
      List<Future<TopologyOutcome>> futures = new ArrayList<>();
      for (CanonicalTopology c : todo) {
        futures.add(pool.submit(() -> checkClass(c, run.arch(), run.kernel())));
      }
      for (int i = 0; i < todo.size(); i++) {
        done.put(todo.get(i), await(futures.get(i)));
      }
      for (int p = 0; p < open.length; p++) {
        String name = properties.get(p);
        if (open[p] && todo.stream().anyMatch(c -> done.get(c).verdict(name)
            == Verdict.VIOLATED)) {
          open[p] = false;
        }
      }
      if (!anyOpen(open, open)) {
        break;
      }
    }
    return done;
  }

  /** A size tier: classes of one tier are all equally small for the report's order. */
  private record Tier(int nodes, int cpus, int blocks) implements Comparable<Tier> {
    @Override
    public int compareTo(Tier o) {
      return java.util.Comparator.comparingInt(Tier::nodes).thenComparingInt(Tier::cpus)
          .thenComparingInt(Tier::blocks).compare(this, o);
    }
  }

  /** Shape indices grouped by size tier, smallest first ({@link PropertySweep#SMALLEST}). */
  private static List<List<Integer>> tiers(List<ShapeGroup> shapes) {
    Map<Tier, List<Integer>> byTier = new java.util.TreeMap<>();
    for (int g = 0; g < shapes.size(); g++) {
      ShapeGroup s = shapes.get(g);
      byTier.computeIfAbsent(new Tier(s.nodes(), s.cpus(), s.blocks()),
          k -> new ArrayList<>()).add(g);
    }
    return List.copyOf(byTier.values());
  }

  private static boolean anyOpen(boolean[] violates, boolean[] open) {
    for (int p = 0; p < open.length; p++) {
      if (violates[p] && open[p]) {
        return true;
      }
    }
    return false;
  }

  private TopologyOutcome checkClass(CanonicalTopology c, Arch arch, KernelVariant kernel)
      throws IOException {
    String key = TopologyOutcome.key(c.key(), arch, kernel, options.faults());
    String packed = previous.get(key);
    if (packed != null) {
      reused.incrementAndGet();
      return new TopologyOutcome(c.key(), arch, kernel, options.faults(), 0, 0, 0,
          SweepResultsFile.unpack(packed, properties));
    }
    TopologyOutcome o = SweepRunner.check(c, arch, kernel, options);
    explored.incrementAndGet();
    if (file != null) {
      file.append(List.of(o));
    }
    return o;
  }

  private static Verdict verdict(Map<String, String> verdicts, String property) {
    return TopologyOutcome.verdictOf(verdicts == null ? null : verdicts.get(property));
  }

  /** Property names in model order. */
  static List<String> propertyNames() {
    List<String> out = new ArrayList<>();
    for (HotplugProperty p : HotplugProperty.values()) {
      out.add(p.spec().name());
    }
    return out;
  }
}
