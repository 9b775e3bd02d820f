package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.spec.Expectation;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.reports.CheckRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path dir;

  private static JsonNode property(JsonNode spec, String name) {
    for (JsonNode p : spec.get("properties")) {
      if (p.get("name").asText().equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no property " + name);
  }

  @Test
  void resultsJsonHoldsVerdictsCountsAndTraces() throws IOException {
    CheckRun v419 = Runs.run(Runs.spec("s1-x86-v4.19", Runs.s1(Arch.X86, KernelVariant.V4_19),
        Map.of("no_oops", Expectation.parse("violated@5"))));
    CheckRun v50 = Runs.run("s1-x86-v5.0", Runs.s1(Arch.X86, KernelVariant.V5_0));
    ReportFiles files = new ReportWriter().write(dir, List.of(v419, v50));

    JsonNode root = new ObjectMapper().readTree(files.results().toFile());
    assertEquals("hotplug-checker-results", root.get("format").asText());
    // the build that produced it: git and model revisions
    assertTrue(root.get("gitRevision").asText().matches("[0-9a-f]{7,40}(-dirty)?"),
        root.toString());
    assertEquals(org.hotplugchecker.model.HotplugModel.REVISION,
        root.get("modelRevision").asText());
    assertFalse(root.get("toolVersion").asText().isBlank());
    JsonNode s = root.get("specs").get(0);
    assertEquals("s1-x86-v4.19", s.get("name").asText());
    assertEquals(19, s.get("states").asLong());
    assertEquals(76, s.get("transitions").asLong());
    assertEquals("v4.19", s.get("topology").get("kernel").asText());
    assertEquals(2, s.get("topology").get("cpus").size());

    JsonNode cpu = property(s, "cpu_node_has_pgdat");
    assertEquals("violated", cpu.get("verdict").asText());
    assertEquals(4, cpu.get("length").asInt());
    assertFalse(cpu.get("asExpected").asBoolean());
    assertEquals("explicit", cpu.get("engine").asText());
    assertEquals(19, cpu.get("states").asLong());
    JsonNode trace = cpu.get("trace");
    assertEquals(4, trace.get("steps").size());
    assertEquals(true, trace.get("initial").get("node_online(1)").asBoolean());
    JsonNode last = trace.get("steps").get(3);
    assertEquals("hotremove_cpu(1)", last.get("action").asText());
    assertTrue(last.get("callChain").toString().contains("numa_clear_node(cpu 1)"));
    boolean cleared = false;
    for (JsonNode c : last.get("changes")) {
      if (c.get("variable").asText().equals("cpu_to_node(1)")) {
        assertEquals(1, c.get("before").asInt());
        assertEquals(-1, c.get("after").asInt());
        cleared = true;
      }
    }
    assertTrue(cleared, "the last step clears cpu_to_node(1)");
    assertEquals("traces/s1-x86-v4.19-cpu_node_has_pgdat.itf.json", trace.get("itf").asText());

    JsonNode oops = property(s, "no_oops");
    assertEquals("violated@5", oops.get("expected").asText());
    assertTrue(oops.get("asExpected").asBoolean());
    assertTrue(property(s, "alloc_local").get("trace").isNull());

    JsonNode fixed = root.get("specs").get(1);
    for (JsonNode p : fixed.get("properties")) {
      assertEquals("holds", p.get("verdict").asText(), p.get("name").asText());
    }
  }

  @Test
  void writesOneItfFilePerViolationAndRemovesStaleOnes() throws IOException {
    CheckRun v419 = Runs.run("s1", Runs.s1(Arch.GENERIC, KernelVariant.V4_19));
    ReportFiles first = new ReportWriter().write(dir, List.of(v419));
    // generic v4.19 violates four properties (counts.json)
    assertEquals(4, first.traces().size());
    for (Path p : first.traces()) {
      assertTrue(Files.isRegularFile(p), p.toString());
    }
    ReportFiles second = new ReportWriter().write(dir,
        List.of(Runs.run("s1", Runs.s1(Arch.GENERIC, KernelVariant.V5_0))));
    assertTrue(second.traces().isEmpty());
    try (var left = Files.list(dir.resolve("traces"))) {
      assertEquals(0, left.count(), "stale traces of the first run are gone");
    }
    assertTrue(Files.isRegularFile(second.junit()));
    assertTrue(Files.isRegularFile(second.matrix()));
    assertTrue(Files.isRegularFile(second.html()));
  }

  @Test
  void traceFileNamesAreSafeAndUnique() throws IOException {
    CheckRun a = Runs.run("same/name", Runs.s1(Arch.X86, KernelVariant.V4_19));
    CheckRun b = Runs.run("same/name", Runs.s1(Arch.X86, KernelVariant.V5_4_RC));
    ReportFiles files = new ReportWriter().write(dir, List.of(a, b, a));
    List<String> names = files.traces().stream()
        .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
    assertEquals(List.of(
        "traces/same_name-cpu_node_has_pgdat-2.itf.json",
        "traces/same_name-cpu_node_has_pgdat.itf.json",
        "traces/same_name-memory_on_online_node.itf.json",
        "traces/same_name-no_oops-2.itf.json",
        "traces/same_name-no_oops.itf.json"), names);
  }
}
