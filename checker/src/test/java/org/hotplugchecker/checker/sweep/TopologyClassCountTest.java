package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The enumerator lists exactly one representative per brute-force class. */
class TopologyClassCountTest {

  @ParameterizedTest(name = "bounds {0}/{1}/{2}")
  @CsvSource({"1,1,1", "1,3,2", "2,1,1", "2,2,1", "3,1,1", "2,1,2"})
  void enumeratorMatchesBruteForceClasses(int n, int c, int b) {
    SweepBounds bounds = new SweepBounds(n, c, b);
    List<Topology> labelled = Labelled.all(bounds);
    // Group labelled topologies by the brute-force invariant, and check that the
    // canonical key induces exactly the same partition.
    Map<String, String> bruteToKey = new HashMap<>();
    Map<String, String> keyToBrute = new HashMap<>();
    for (Topology t : labelled) {
      String brute = Labelled.bruteForceClass(t);
      String key = CanonicalTopology.of(t).key();
      String k0 = bruteToKey.putIfAbsent(brute, key);
      String b0 = keyToBrute.putIfAbsent(key, brute);
      assertTrue(k0 == null || k0.equals(key), () -> "one brute class, two keys: " + brute);
      assertTrue(b0 == null || b0.equals(brute), () -> "one key, two brute classes: " + key);
    }
    List<CanonicalTopology> classes = new TopologyEnumerator(bounds).classes();
    assertEquals(bruteToKey.size(), classes.size(), "number of classes");
    Set<String> enumerated = new HashSet<>();
    for (CanonicalTopology t : classes) {
      assertTrue(enumerated.add(t.key()), () -> "listed twice: " + t);
      assertTrue(bounds.contains(t), () -> "outside the bounds: " + t);
      // A representative is its own representative.
      assertEquals(t.key(), CanonicalTopology.of(t.toTopology(
          org.hotplugchecker.model.topology.Arch.GENERIC,
          org.hotplugchecker.model.topology.KernelVariant.V5_18, Set.of())).key());
    }
    assertEquals(keyToBrute.keySet(), enumerated, "enumerated keys vs keys of all labelled");
  }

  @ParameterizedTest(name = "bounds {0}/{1}/{2}")
  @CsvSource({"2,2,2", "3,1,2"})
  void largerBoundsEnumerateCanonicalClassesOnce(int n, int c, int b) {
    List<CanonicalTopology> classes = new TopologyEnumerator(new SweepBounds(n, c, b)).classes();
    Set<String> keys = new HashSet<>();
    for (CanonicalTopology t : classes) {
      assertTrue(keys.add(t.key()));
    }
    for (int i = 1; i < classes.size(); i++) {
      assertTrue(classes.get(i - 1).compareTo(classes.get(i)) < 0, "sorted smallest first");
    }
  }
}
