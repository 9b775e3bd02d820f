package org.hotplugchecker.checker.sweep;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.hotplugchecker.checker.Verdict;
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
 * <p>Results do not depend on the number of workers, on the backend or on the order
 * explorations finish in: every shape is explored, and every class of a tier that is
 * searched is explored, whatever finishes first. Shapes start heaviest first (see
 * {@link #scheduleOrder}); the report lists them smallest first.
 */
final class ShapeSweep {
  /** Results-file prefix that tells a shape's record from a class's. */
  static final String SHAPE_KEY_PREFIX = "shape:";

  private final SweepOptions options;
  private final List<String> properties;
  private final Map<String, String> previous;
  private final SweepResultsFile file;
  private final SweepBackend backend;
  private final AtomicLong explored = new AtomicLong();
  private final AtomicLong reused = new AtomicLong();

  ShapeSweep(SweepOptions options, List<String> properties, Map<String, String> previous,
      SweepResultsFile file, SweepBackend backend) {
    this.options = options;
    this.properties = properties;
    this.previous = previous;
    this.file = file;
    this.backend = backend;
  }

  /** One arch and kernel's shape verdicts, by shape index, then property index. */
  private record RunVerdicts(SweepRun run, Map<String, String>[] byShape) {}

  SweepReport run(List<CanonicalTopology> classes, long start) throws IOException {
    List<ShapeGroup> shapes = ShapeGroup.of(classes);
    List<RunVerdicts> runs = new ArrayList<>();
    for (Arch arch : options.arches()) {
      for (KernelVariant kernel : options.kernels()) {
        @SuppressWarnings("unchecked")
        Map<String, String>[] byShape = new Map[shapes.size()];
        runs.add(new RunVerdicts(new SweepRun(arch, kernel), byShape));
      }
    }
    int finishedShapes = checkShapes(shapes, runs, start);
    List<SweepReport.ArchKernel> summaries = new ArrayList<>();
    long checkedClasses = 0;
    for (int g = 0; g < finishedShapes; g++) {
      checkedClasses += shapes.get(g).size();
    }
    for (RunVerdicts run : runs) {
      summaries.add(summarize(run, shapes.subList(0, finishedShapes)));
    }
    SmallestTraces.attach(summaries, options.faults());
    long millis = (System.nanoTime() - start) / 1_000_000;
    Optional<String> last = finishedShapes == 0 ? Optional.empty()
        : Optional.of(SHAPE_KEY_PREFIX + shapes.get(finishedShapes - 1).key());
    return new SweepReport(options, classes.size(), checkedClasses, explored.get(),
        reused.get(), millis, summaries, last, shapes.size());
  }

  /**
   * Explores every shape on every arch and kernel until done or the time limit; returns
   * how many shapes were finished on all of them, counting from the smallest (the shapes
   * after the first unfinished one are left out of the report, their explorations stay in
   * the results file).
   */
  private int checkShapes(List<ShapeGroup> shapes, List<RunVerdicts> runs, long start)
      throws IOException {
    double totalWork = 0;
    for (ShapeGroup shape : shapes) {
      totalWork += shape.estimatedWork() * runs.size();
    }
    ProgressBar bar = new ProgressBar(options.progress().orElse(null),
        (long) shapes.size() * runs.size(), totalWork);
    List<ShapeJob> jobs = new ArrayList<>();
    List<Integer> jobShape = new ArrayList<>();
    List<List<RunVerdicts>> jobRuns = new ArrayList<>();
    for (int g : scheduleOrder(shapes)) {
      ShapeGroup shape = shapes.get(g);
      List<RunVerdicts> todo = new ArrayList<>();
      for (RunVerdicts run : runs) {
        String packed = previous.get(run.run().recordKey(SHAPE_KEY_PREFIX + shape.key(),
            options.faults()));
        if (packed != null) {
          run.byShape()[g] = SweepResultsFile.unpack(packed, properties);
          reused.incrementAndGet();
        } else {
          todo.add(run);
        }
      }
      int reusedHere = runs.size() - todo.size();
      if (reusedHere > 0) {
        bar.advance(0, reusedHere, 0, reusedHere * shape.estimatedWork());
      }
      if (!todo.isEmpty()) {
        jobs.add(new ShapeJob(shape, todo.stream().map(RunVerdicts::run).toList(),
            options.faults()));
        jobShape.add(g);
        jobRuns.add(todo);
      }
    }
    OptionalLong deadline = options.timeLimit().isPresent()
        ? OptionalLong.of(start + options.timeLimit().get().toNanos()) : OptionalLong.empty();
    backend.run(jobs, deadline, (j, outcomes) -> {
      int g = jobShape.get(j);
      List<RunVerdicts> todo = jobRuns.get(j);
      for (int i = 0; i < todo.size(); i++) {
        todo.get(i).byShape()[g] = outcomes.get(i).verdicts();
      }
      if (file != null) {
        file.append(outcomes);
      }
      explored.addAndGet(outcomes.size());
      bar.advance(outcomes.size(), 0, outcomes.size() * shapes.get(g).estimatedWork(), 0);
    });
    bar.finish();
    int finished = 0;
    while (finished < shapes.size() && finishedOnAll(runs, finished)) {
      finished++;
    }
    return finished;
  }

  private static boolean finishedOnAll(List<RunVerdicts> runs, int g) {
    return runs.stream().allMatch(r -> r.byShape()[g] != null);
  }

  /**
   * The order shapes are started in. Heaviest first, so the few shapes that take most of the
   * time start at once instead of each running alone at the end; with a time limit smallest
   * first, so what is finished when it strikes is every class up to some size. Either way
   * the report lists shapes smallest first and does not depend on this order.
   */
  private List<Integer> scheduleOrder(List<ShapeGroup> shapes) {
    List<Integer> order = new ArrayList<>();
    for (int g = 0; g < shapes.size(); g++) {
      order.add(g);
    }
    if (options.timeLimit().isEmpty()) {
      // Stable: equally heavy shapes keep their smallest-first order.
      order.sort(Comparator.comparingDouble((Integer g) -> shapes.get(g).estimatedWork())
          .reversed());
    }
    return order;
  }

  /**
   * The per-property summary of one arch and kernel over the finished shapes, exploring
   * classes one by one where a shape violates a property.
   */
  private SweepReport.ArchKernel summarize(RunVerdicts run, List<ShapeGroup> shapes)
      throws IOException {
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
        violates, open);
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
            + " on " + run.run() + " but none of its classes does;"
            + " the shape reduction does not apply here: rerun with --per-class", null);
      }
    }
    return new SweepReport.ArchKernel(run.run().arch(), run.run().kernel(), List.of(ps));
  }

  /**
   * Explores, one by one, the classes of shapes that violate a still-open property, a
   * size tier at a time, smallest first; a property closes at the first tier where one
   * of its classes violates it (that tier holds its smallest violation).
   */
  private Map<CanonicalTopology, TopologyOutcome> searchSmallestViolations(RunVerdicts run,
      List<ShapeGroup> shapes, boolean[][] violates, boolean[] open) throws IOException {
    Map<CanonicalTopology, TopologyOutcome> done = new HashMap<>();
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
      List<ClassJob> jobs = new ArrayList<>();
      for (CanonicalTopology c : todo) {
        String packed = previous.get(run.run().recordKey(c.key(), options.faults()));
        if (packed != null) {
          reused.incrementAndGet();
          done.put(c, new TopologyOutcome(c.key(), run.run().arch(), run.run().kernel(),
              options.faults(), 0, 0, 0, SweepResultsFile.unpack(packed, properties)));
        } else {
          jobs.add(new ClassJob(c, run.run(), options.faults()));
        }
      }
      backend.run(jobs, OptionalLong.empty(), (j, outcomes) -> {
        done.put(jobs.get(j).topology(), outcomes.get(0));
        if (file != null) {
          file.append(outcomes);
        }
        explored.addAndGet(outcomes.size());
      });
      for (CanonicalTopology c : todo) {
        if (!done.containsKey(c)) {
          throw new SweepRunner.SweepException("the sweep backend did not finish class "
              + c.key() + " on " + run.run(), null);
        }
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

  private static Verdict verdict(Map<String, String> verdicts, String property) {
    return TopologyOutcome.verdictOf(verdicts == null ? null : verdicts.get(property));
  }

  /** Property names in model order. */
  static List<String> propertyNames() {
    List<String> out = new ArrayList<>();
    for (org.hotplugchecker.model.rules.PropertyRule p
        : org.hotplugchecker.model.rules.HotplugRules.RULES.properties()) {
      out.add(p.name());
    }
    return out;
  }
}
