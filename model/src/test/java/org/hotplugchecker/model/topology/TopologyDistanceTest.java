package org.hotplugchecker.model.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.junit.jupiter.api.Test;

/**
 * Distance matrices follow ACPI SLIT's rules (MODEL.md): 10 on the diagonal, 11..255
 * elsewhere, not necessarily symmetric; anything else is rejected naming the first bad
 * entry, whichever entry point builds the topology.
 */
class TopologyDistanceTest {
  private static final List<Component> CPUS = List.of(new Component(0, true, false));

  private static Topology of(int[][] d) {
    return Topology.of(Arch.X86, KernelVariant.V5_0, d.length, d, CPUS, List.of(), Set.of());
  }

  @Provide
  Arbitrary<int[][]> matrices() {
    // Mostly near the limits, where mistakes are.
    Arbitrary<Integer> entry = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, Arbitraries.of(-1, 0, 9, 10, 11, 12, 20, 254, 255, 256)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(-1000, 1000)));
    return Arbitraries.integers().between(1, 4).flatMap(n -> entry.list().ofSize(n * n)
        .map(v -> {
          int[][] d = new int[n][n];
          for (int i = 0; i < n * n; i++) {
            d[i / n][i % n] = v.get(i);
          }
          return d;
        }));
  }

  @Provide
  Arbitrary<int[][]> validMatrices() {
    return Arbitraries.integers().between(1, 4).flatMap(n ->
        Arbitraries.integers().between(11, 255).list().ofSize(n * n).map(v -> {
          int[][] d = new int[n][n];
          for (int i = 0; i < n * n; i++) {
            d[i / n][i % n] = i / n == i % n ? 10 : v.get(i);
          }
          return d;
        }));
  }

  /** The first entry, row by row, that breaks SLIT's rules, or null. */
  private static int[] firstInvalid(int[][] d) {
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d.length; j++) {
        boolean ok = i == j ? d[i][j] == 10 : d[i][j] >= 11 && d[i][j] <= 255;
        if (!ok) {
          return new int[] {i, j};
        }
      }
    }
    return null;
  }

  @Property(tries = 1000)
  void aMatrixIsAcceptedExactlyWhenItFollowsSlit(@ForAll("matrices") int[][] d) {
    int[] bad = firstInvalid(d);
    if (bad == null) {
      assertEquals(d[d.length - 1][0], of(d).distance(d.length - 1, 0));
      return;
    }
    TopologyException e = assertThrows(TopologyException.class, () -> of(d));
    assertEquals("distance[" + bad[0] + "][" + bad[1] + "]", e.field());
    assertTrue(e.getMessage().contains("got " + d[bad[0]][bad[1]]), e.getMessage());
    assertTrue(e.getMessage().contains(bad[0] == bad[1] ? "must be 10" : "must be 11..255"),
        e.getMessage());
  }

  @Property(tries = 200)
  void everyValidMatrixIsKeptAsGivenAsymmetricOrNot(@ForAll("validMatrices") int[][] d) {
    Topology t = of(d);
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d.length; j++) {
        assertEquals(d[i][j], t.distance(i, j));
      }
    }
  }

  @Test
  void theSpecLoaderNamesTheEntryAndItsLine() {
    String spec = """
        arch: x86
        kernel: v5.0
        nodes: 2
        distance:
          - [10, 20]
          - [5, 10]
        cpus:
          - {home: 0, boot: true, hotplug: false}
        """;
    SpecException e = assertThrows(SpecException.class,
        () -> new SpecLoader().parse(Path.of("d.yaml"), spec));
    assertEquals("d.yaml:6: field 'distance[1][0]': the distance between two nodes must be "
        + "11..255 (ACPI SLIT), got 5", e.getMessage());
    SpecException diagonal = assertThrows(SpecException.class,
        () -> new SpecLoader().parse(Path.of("d.yaml"), spec.replace("[10, 20]", "[20, 20]")
            .replace("[5, 10]", "[20, 10]")));
    assertEquals("d.yaml:5: field 'distance[0][0]': a node's distance to itself must be 10 "
        + "(ACPI SLIT), got 20", diagonal.getMessage());
  }
}
