package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/**
 * Shapes start heaviest first, and the report does not depend on the order in which
 * explorations run or finish.
 */
class SweepOrderTest {
  private static final SweepOptions OPTIONS = SweepOptions.defaults(new SweepBounds(2, 2, 1))
      .withPresets(List.of(KernelVariant.V4_19, KernelVariant.V5_18)).withWorkers(1);

  /** Runs jobs one at a time in a shuffled order, recording the order it was given. */
  private static final class ShufflingBackend implements SweepBackend {
    final List<List<Double>> given = new ArrayList<>();
    private final Random random;

    ShufflingBackend(long seed) {
      this.random = new Random(seed);
    }

    @Override
    public int workers() {
      return 1;
    }

    @Override
    public void run(List<? extends SweepJob> jobs, OptionalLong deadline, JobSink sink)
        throws IOException {
      given.add(jobs.stream().map(SweepJob::estimatedWork).toList());
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      for (int i : order) {
        sink.finished(i, jobs.get(i).run());
      }
    }

    @Override
    public void close() {}
  }

  /** The report without its timing line. */
  static String withoutTiming(SweepReport r) {
    return r.toText().lines().filter(l -> !l.startsWith("checks: "))
        .collect(Collectors.joining("\n"));
  }

  @Property(tries = 5)
  void theReportDoesNotDependOnTheOrderExplorationsFinishIn(@ForAll long seed)
      throws IOException {
    SweepReport threads = new SweepRunner().run(OPTIONS);
    ShufflingBackend shuffled = new ShufflingBackend(seed);
    SweepReport other = new SweepRunner().run(OPTIONS, shuffled);
    assertEquals(withoutTiming(threads), withoutTiming(other));
    assertEquals(threads.toJson().replaceAll("\"millis\" : \\d+", ""),
        other.toJson().replaceAll("\"millis\" : \\d+", ""));
    assertTrue(threads.anyViolation());
  }

  @Test
  void shapesStartHeaviestFirstUnlessATimeLimitAsksForTheSmallestFirst() throws IOException {
    ShufflingBackend b = new ShufflingBackend(1);
    new SweepRunner().run(OPTIONS, b);
    List<Double> shapes = b.given.get(0);
    assertTrue(shapes.size() > 10, shapes.toString());
    for (int i = 1; i < shapes.size(); i++) {
      assertTrue(shapes.get(i - 1) >= shapes.get(i), shapes.toString());
    }
    ShufflingBackend limited = new ShufflingBackend(1);
    new SweepRunner().run(OPTIONS.withTimeLimit(java.time.Duration.ofHours(1)), limited);
    List<Double> smallestFirst = limited.given.get(0);
    assertTrue(smallestFirst.get(0) < smallestFirst.get(smallestFirst.size() - 1));
  }
}
