package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/**
 * Jobs shipped to another JVM (serialized, the shape's members left behind) explore the
 * same thing as on the sweep's own threads, and their outcomes come back intact.
 */
class SweepJobTest {
  private static <T> T roundTrip(T o) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      @SuppressWarnings("unchecked")
      T t = (T) in.readObject();
      return t;
    }
  }

  @Test
  void aShippedShapeJobRebuildsItsShapeAndFindsTheSame() throws Exception {
    List<ShapeGroup> shapes = ShapeGroup.of(
        new TopologyEnumerator(new SweepBounds(2, 2, 1)).classes());
    ShapeGroup biggest = shapes.get(shapes.size() - 1);
    List<SweepRun> runs = List.of(new SweepRun(Arch.X86, KernelVariant.V4_19),
        new SweepRun(Arch.GENERIC, KernelVariant.V5_18));
    ShapeJob job = new ShapeJob(biggest, runs, Set.of(Fault.ADD_MEMORY_FAILS),
        SweepProperties.BUILT_IN);
    SweepJob shipped = roundTrip(job);
    List<TopologyOutcome> here = job.run();
    List<TopologyOutcome> there = shipped.run();
    assertEquals(2, there.size());
    for (int i = 0; i < here.size(); i++) {
      // Everything but the wall-clock time.
      TopologyOutcome a = here.get(i);
      TopologyOutcome b = there.get(i);
      assertEquals(a.key(), b.key());
      assertEquals(a.states(), b.states());
      assertEquals(a.transitions(), b.transitions());
      assertEquals(a.verdicts(), b.verdicts());
    }
    assertNotEquals(here.get(0).verdicts(), here.get(1).verdicts());
    assertEquals(job.estimatedWork(), shipped.estimatedWork());
    assertEquals(here.get(0).verdicts(), roundTrip(here.get(0)).verdicts());
  }

  @Test
  void aShippedClassJobExploresItsClass() throws Exception {
    CanonicalTopology c = new TopologyEnumerator(new SweepBounds(2, 1, 1)).classes().get(100);
    ClassJob job = new ClassJob(c, new SweepRun(Arch.X86, KernelVariant.V4_19), Set.of(),
        SweepProperties.BUILT_IN);
    TopologyOutcome a = job.run().get(0);
    TopologyOutcome b = roundTrip((SweepJob) job).run().get(0);
    assertEquals(c.key(), b.classKey());
    assertEquals(a.states(), b.states());
    assertEquals(a.verdicts(), b.verdicts());
  }
}
