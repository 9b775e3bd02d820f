package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceStep;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.reports.CheckRun;
import org.junit.jupiter.api.Test;

class ItfRoundTripTest {
  private final ItfTraceReader reader = new ItfTraceReader();
  private static final ItfTraceReader READER = new ItfTraceReader();

  /** Every state read back equals the trace's state, variable for variable. */
  static void assertRoundTrip(CheckRun run, Trace trace) throws IOException {
    String json = new ObjectMapper().writeValueAsString(
        new ItfTraceWriter().toItf(run.spec(), run.result().engine(), trace));
    ItfTrace itf = READER.parse(json, "test");
    assertEquals("ITF", itf.meta().get("format"));
    assertEquals(trace.property(), itf.meta().get("property"));
    assertEquals(trace.initial().stream().map(StateVariable::name).toList(), itf.vars());
    assertEquals(trace.length() + 1, itf.states().size());
    assertState(trace.initial(), itf.states().get(0));
    for (TraceStep s : trace.steps()) {
      ItfTrace.State st = itf.states().get(s.number());
      assertEquals((long) s.number(), st.meta().get("index"));
      assertEquals(s.action(), st.meta().get("action"));
      assertEquals(s.callChain(), st.meta().get("callChain"));
      assertState(s.stateAfter(), st);
    }
  }

  private static void assertState(List<StateVariable> expected, ItfTrace.State actual) {
    assertEquals(expected.size(), actual.values().size());
    for (StateVariable v : expected) {
      Object want = v.value() instanceof Integer i ? (Object) i.longValue() : v.value();
      assertEquals(want, actual.values().get(v.name()), v.name());
    }
  }

  @Test
  void referenceCounterexampleRoundTrips() throws IOException {
    CheckRun run = Runs.run("s1", Runs.s1(Arch.GENERIC, KernelVariant.V4_19));
    assertEquals(4, run.traces().size());
    for (Trace t : run.traces().values()) {
      assertRoundTrip(run, t);
    }
  }

  @Test
  void readsFilesWrittenByReportWriter(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    CheckRun run = Runs.run("s2", Runs.s2(Arch.X86, KernelVariant.V4_19));
    ReportFiles files = new ReportWriter().write(dir, List.of(run));
    Path itf = dir.resolve("traces/s2-no_oops.itf.json");
    assertTrue(files.traces().contains(itf));
    ItfTrace read = reader.read(itf);
    assertEquals(3, read.states().size()); // violated@2 in counts.json
    assertEquals(true, read.states().get(2).values().get("oops"));
  }

  @Test
  void decodesTheOtherItfEncodings() throws IOException {
    String json = """
        {"#meta": {"format": "ITF"}, "vars": ["big", "tup", "set", "map", "rec"],
         "states": [{"#meta": {"index": 0}, "big": {"#bigint": "123456789012345678901234"},
           "tup": {"#tup": [1, "a"]}, "set": {"#set": [3, 1]},
           "map": {"#map": [[1, true], [2, false]]}, "rec": {"x": -1}}]}
        """;
    ItfTrace.State s = reader.parse(json, "test").states().get(0);
    assertEquals(new BigInteger("123456789012345678901234"), s.values().get("big"));
    assertEquals(List.of(1L, "a"), s.values().get("tup"));
    assertEquals(Set.of(1L, 3L), s.values().get("set"));
    assertEquals(Map.of(1L, true, 2L, false), s.values().get("map"));
    assertEquals(Map.of("x", -1L), s.values().get("rec"));
  }

  @Test
  void rejectsWhatIsNotAnItfTrace() {
    assertThrows(IOException.class, () -> reader.parse("[1]", "t"));
    assertThrows(IOException.class, () -> reader.parse("{\"vars\": [], \"states\": {}}", "t"));
    assertThrows(IOException.class,
        () -> reader.parse("{\"vars\": [\"a\"], \"states\": [{\"b\": 1}]}", "t"));
    IOException missing = assertThrows(IOException.class,
        () -> reader.parse("{\"vars\": [\"a\", \"b\"], \"states\": [{\"a\": 1}]}", "x.itf.json"));
    assertTrue(missing.getMessage().startsWith("x.itf.json: states[0]: variable 'b'"),
        missing.getMessage());
  }

  @Test
  void readsFromDisk(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
    Path f = dir.resolve("t.itf.json");
    Files.writeString(f, "{\"vars\": [\"x\"], \"states\": [{\"x\": true}, {\"x\": false}]}");
    assertEquals(List.of(true, false),
        reader.read(f).states().stream().map(s -> s.values().get("x")).toList());
  }
}
