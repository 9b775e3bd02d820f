package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A machine shape rebuilt from its key alone (what a remote worker does) has exactly the
 * members that grouping the whole class list gives it, in the same order.
 */
class ShapeKeyTest {
  @ParameterizedTest
  @ValueSource(strings = {"1/2/2", "2/1/2", "2/2/1", "3/1/1", "2/2/2", "3/2/1"})
  void everyShapeRebuiltFromItsKeyHasTheSameMembers(String bound) {
    String[] b = bound.split("/");
    List<CanonicalTopology> classes = new TopologyEnumerator(new SweepBounds(
        Integer.parseInt(b[0]), Integer.parseInt(b[1]), Integer.parseInt(b[2]))).classes();
    List<ShapeGroup> shapes = ShapeGroup.of(classes);
    long members = 0;
    for (ShapeGroup shape : shapes) {
      ShapeGroup rebuilt = ShapeGroup.ofKey(shape.key());
      assertEquals(shape.key(), rebuilt.key());
      assertEquals(shape.members(), rebuilt.members(), shape.key());
      assertEquals(shape.nodes(), rebuilt.nodes());
      assertEquals(shape.estimatedWork(), rebuilt.estimatedWork());
      members += rebuilt.size();
    }
    assertEquals(classes.size(), members);
  }

  @Test
  void keysThatNameNoShapeAreRejected() {
    for (String bad : List.of("", "2n|c:|m:", "2n|c:0,2|m:", "2n|c:0,1,0|m:", "2n|c:0|m:1,0",
        "0n|c:0|m:", "2n|c:0,,1|m:", "x", "2n|c:0f|m:")) {
      assertThrows(IllegalArgumentException.class, () -> ShapeGroup.ofKey(bad), bad);
    }
    // CPU 0 keeps its place: only the other CPUs are sorted.
    assertEquals(List.of("2n|c:1,0|m:"),
        List.of(ShapeGroup.ofKey("2n|c:1,0|m:").key()));
  }
}
