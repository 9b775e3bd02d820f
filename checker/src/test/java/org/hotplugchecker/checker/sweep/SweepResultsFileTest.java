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
import org.junit.jupiter.api.Test;

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
}
