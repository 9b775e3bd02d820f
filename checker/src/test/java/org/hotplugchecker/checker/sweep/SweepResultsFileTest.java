package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.topology.Kernel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records survive writing, reading and packing; torn lines are ignored. */
class SweepResultsFileTest {
  private static TopologyOutcome sample() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("cpu_node_has_pgdat", "violated@0");
    v.put("no_oops", "violated@1234");
    v.put("registered_iff_online", "holds");
    v.put("alloc_local", "vacuous");
    return new TopologyOutcome("2n|c:0f,1a|m:", Arch.GENERIC, KernelVariant.V5_4_RC,
        Set.of(Fault.ADD_MEMORY_FAILS), 9, 40, 3, v);
  }

  @Test
  void lineRoundTrip() {
    TopologyOutcome o = sample();
    TopologyOutcome back = SweepResultsFile.parse(SweepResultsFile.format(o));
    assertEquals(o, back);
    assertEquals("2n|c:0f,1a|m:|generic|v5.4-rc|faults=add_memory_fails", back.key());
  }

  @Test
  void packedVerdictsRoundTrip() {
    TopologyOutcome o = sample();
    List<String> props = List.copyOf(o.verdicts().keySet());
    assertEquals(o.verdicts(), SweepResultsFile.unpack(SweepResultsFile.pack(o, props), props));
  }

  @Test
  void tornOrForeignLinesAreNotRecords() {
    String line = SweepResultsFile.format(sample());
    assertNull(SweepResultsFile.parse(line.substring(0, line.length() - 5)));
    assertNull(SweepResultsFile.parse("{\"topology\":\"x\",\"arch\":\"arm\"}"));
    assertNull(SweepResultsFile.parse("[1,2]"));
  }

  @Test
  void recordsOfAnotherModelRevisionAreNotReused() {
    String line = SweepResultsFile.format(sample());
    assertNotNull(SweepResultsFile.parse(line));
    String revision = "\"model\":\"" + org.hotplugchecker.model.HotplugModel.REVISION + "\"";
    assertTrue(line.contains(revision), line);
    assertNull(SweepResultsFile.parse(line.replace(revision, "\"model\":\"0-old\"")));
    assertNull(SweepResultsFile.parse(line.replace(revision + ",", "")));
  }

  /** The line {@code format} wrote before knob sweeps: no kernelKnobs, no invariants. */
  private static String oldLine(TopologyOutcome o) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode n = (ObjectNode) json.readTree(SweepResultsFile.format(o));
    n.remove("kernelKnobs");
    n.remove("invariants");
    return json.writeValueAsString(n);
  }

  @Test
  void aPresetRecordWrittenBeforeKnobSweepsIsReadAsThatPreset() throws Exception {
    TopologyOutcome o = sample();
    String old = oldLine(o);
    assertTrue(!old.contains("kernelKnobs") && old.contains("\"kernel\":\"v5.4-rc\""), old);
    TopologyOutcome back = SweepResultsFile.parse(old);
    assertEquals(o, back);
    assertEquals(KernelVariant.V5_4_RC.kernel(), back.kernel());
    // the key is unchanged, so a knob sweep that includes the preset reuses the record
    assertEquals(o.key(), TopologyOutcome.key(o.classKey(), o.arch(), Kernel.fromLabel(
        "v5.0+offline_guard=online_blocks"), o.faults()));
  }

  @Test
  void anOldRecordNamingNoPresetIsNotARecord() throws Exception {
    assertNull(SweepResultsFile.parse(oldLine(sample()).replace("v5.4-rc", "v9.9")));
  }

  @Provide
  Arbitrary<Kernel> kernels() {
    return Arbitraries.of(Kernel.every());
  }

  @Property(tries = 60)
  void aRecordOfAnyKnobSetAndInvariantsRoundTrips(@ForAll("kernels") Kernel kernel,
      @ForAll boolean withInvariant) {
    TopologyOutcome base = sample();
    Map<String, String> v = new LinkedHashMap<>(base.verdicts());
    Map<String, String> sources = new LinkedHashMap<>();
    if (withInvariant) {
      v.put("mine", "violated@2");
      sources.put("mine", "forall n in nodes: node.online[n] -> node.pgdat[n]");
    }
    TopologyOutcome o = new TopologyOutcome(base.classKey(), base.arch(), kernel,
        base.faults(), 1, 2, 3, v, sources);
    String line = SweepResultsFile.format(o);
    TopologyOutcome back = SweepResultsFile.parse(line);
    assertEquals(o, back);
    assertTrue(back.key().contains("|" + kernel.label() + "|"), back.key());
    // a record whose kernel name and knobs disagree is not trusted
    Kernel other = Kernel.every().stream().filter(k -> !k.equals(kernel)).findFirst()
        .orElseThrow();
    assertNull(SweepResultsFile.parse(line.replace("\"kernel\":\"" + kernel.label() + "\"",
        "\"kernel\":\"" + other.label() + "\"")));
  }

  @Test
  void verdictsOfAnInvariantAreReusedOnlyForTheSameSourceText(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("r.jsonl");
    SweepProperties mine = SweepProperties.with(List.of(SweepArguments.invariant(
        "mine=forall n in nodes: node.online[n] -> node.pgdat[n]")));
    SweepProperties changed = SweepProperties.with(List.of(SweepArguments.invariant(
        "mine=forall n in nodes: node.pgdat[n] -> node.online[n]")));
    Map<String, String> v = new LinkedHashMap<>();
    for (String p : mine.names()) {
      v.put(p, "holds");
    }
    TopologyOutcome o = new TopologyOutcome("1n|c:0f|m:", Arch.X86, Kernel.every().get(5),
        Set.of(), 1, 1, 1, v, mine.userSources());
    try (SweepResultsFile f = SweepResultsFile.openForAppend(file)) {
      f.append(List.of(o));
    }
    assertEquals(Set.of(o.key()), SweepResultsFile.readPacked(file, mine).keySet());
    assertTrue(SweepResultsFile.readPacked(file, changed).isEmpty());
    // the built-ins alone are reused from a record that also has an invariant
    assertEquals(1, SweepResultsFile.readPacked(file, SweepProperties.BUILT_IN).size());
    assertTrue(Files.readString(file).contains("\"invariants\""));
  }
}
