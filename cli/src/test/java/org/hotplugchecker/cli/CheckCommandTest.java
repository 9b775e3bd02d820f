package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.spec.SpecTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} end to end: verdicts, traces, JSON keys and exit codes 0, 1 and 3. */
class CheckCommandTest {
  @TempDir
  Path dir;

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  Path s1(String name, String kernel, String extra) throws IOException {
    return write(name, SpecTexts.s1(kernel) + extra);
  }

  @Test
  void acceptanceTheV419OopsTraceHasFiveStepsEndingInAllocForCpuOnNodeDataMinusOne()
      throws IOException {
    Path spec = s1("s1.yaml", "v4.19", "");
    CliRun run = CliRun.of("check", "--format", "json", spec.toString());
    assertEquals(ExitCode.FAILED, run.exitCode(), run::toString); // violated, nothing expected
    JsonNode json = run.json();
    JsonNode noOops = json.at("/properties/no_oops");
    assertEquals("violated", noOops.get("verdict").asText());
    assertEquals(5, noOops.get("length").asInt());
    JsonNode steps = noOops.at("/trace/steps");
    assertEquals(5, steps.size());
    JsonNode last = steps.get(4);
    assertEquals(5, last.get("step").asInt());
    assertEquals("alloc_for_cpu(1)", last.get("action").asText());
    assertTrue(last.get("chain").asText().contains("NODE_DATA(-1)"), last.toString());
    assertTrue(last.get("callChain").toString().contains("NODE_DATA(-1)"), last.toString());
    assertEquals(String.join(" \u2192 ", texts(last.get("callChain"))),
        last.get("chain").asText());
    assertEquals(List.of("oops"), texts(last.get("changes").findValues("variable")));
    assertFalse(last.at("/changes/0/before").asBoolean());
    assertTrue(last.at("/changes/0/after").asBoolean());
    // The step before cleared the CPU's node: cpu_to_node(1): 1 -> -1.
    JsonNode clear = changeOf(steps.get(3), "cpu_to_node(1)");
    assertEquals(1, clear.get("before").asInt());
    assertEquals(-1, clear.get("after").asInt());
    assertEquals(1, noOops.at("/trace/initial/cpu_to_node(1)").asInt());
    assertFalse(noOops.at("/trace/initial/oops").asBoolean());
    // The other violation of the thread, one step shorter.
    assertEquals(4, json.at("/properties/cpu_node_has_pgdat/length").asInt());
    assertTrue(json.at("/properties/alloc_local/trace").isNull());
    assertTrue(json.at("/properties/alloc_local/length").isNull());
  }

  private static JsonNode changeOf(JsonNode step, String variable) {
    for (JsonNode c : step.get("changes")) {
      if (c.get("variable").asText().equals(variable)) {
        return c;
      }
    }
    throw new AssertionError("no change of " + variable + " in " + step);
  }

  private static List<String> texts(Iterable<JsonNode> nodes) {
    List<String> out = new ArrayList<>();
    nodes.forEach(n -> out.add(n.asText()));
    return out;
  }

  @Test
  void jsonHasTheDocumentedTopLevelKeysAndEchoesTheTopology() throws IOException {
    CliRun run = CliRun.of("check", "--format=json", s1("s1.yaml", "v5.0", "").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode json = run.json();
    Set<String> keys = new java.util.TreeSet<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(new java.util.TreeSet<>(List.of("spec", "name", "description", "topology",
        "engine", "states", "transitions", "depth", "complete", "stopReason", "stats",
        "resourceLimitHit", "millis", "properties", "status")), keys);
    assertEquals(13, json.get("states").asLong());
    assertEquals(63, json.get("transitions").asLong());
    assertEquals("explicit", json.get("engine").asText());
    assertTrue(json.get("complete").asBoolean());
    assertEquals("s1", json.get("name").asText());
    assertTrue(json.get("spec").asText().endsWith("s1.yaml"));
    assertEquals("v5.0", json.at("/topology/kernel").asText());
    assertEquals(20, json.at("/topology/distance/0/1").asInt());
    assertTrue(json.at("/topology/cpus/1/hotplug").asBoolean());
    assertEquals(9, json.get("properties").size());
    json.get("properties").forEach(p -> assertEquals("holds", p.get("verdict").asText()));
    assertEquals("passed", json.get("status").asText());
  }

  @Test
  void expectationsMetExitZeroAndAreEchoed() throws IOException {
    Path spec = s1("s1.yaml", "v4.19", """
        expect:
          no_oops: violated@5
          cpu_node_has_pgdat: violated
          alloc_local: holds
        """);
    CliRun run = CliRun.of("check", "--format", "json", spec.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode json = run.json();
    assertTrue(json.get("asExpected").asBoolean());
    assertEquals("violated@5", json.at("/properties/no_oops/expected").asText());
    assertTrue(json.at("/properties/no_oops/asExpected").asBoolean());
    assertTrue(json.at("/properties/cpu_node_has_pgdat/asExpected").asBoolean());
    assertTrue(json.at("/properties/online_node_links_cpus/expected").isMissingNode());
  }

  @Test
  void aWrongExpectationExitsOneAndIsMarked() throws IOException {
    Path spec = s1("s1.yaml", "v4.19", """
        expect:
          no_oops: violated@4
          online_node_links_cpus: holds
        """);
    CliRun json = CliRun.of("check", "--format", "json", spec.toString());
    assertEquals(ExitCode.FAILED, json.exitCode(), json::toString);
    assertFalse(json.json().get("asExpected").asBoolean());
    assertFalse(json.json().at("/properties/no_oops/asExpected").asBoolean());
    assertEquals("failed", json.json().get("status").asText());

    CliRun text = CliRun.of("check", spec.toString());
    assertEquals(ExitCode.FAILED, text.exitCode());
    String noOops = text.out().lines().filter(l -> l.contains("no_oops ")).findFirst()
        .orElseThrow();
    assertTrue(noOops.contains("\u2717") && noOops.contains("violated (5 steps)")
        && noOops.contains("expected violated@4"), noOops);
    String links = text.out().lines().filter(l -> l.contains("online_node_links_cpus"))
        .findFirst().orElseThrow();
    assertTrue(links.contains("\u2713") && links.contains("holds"), links);
  }

  @Test
  void textShowsEachStepsCallChainAndOnlyTheChangedVariables() throws IOException {
    CliRun run = CliRun.of("check", s1("s1.yaml", "v4.19", "").toString());
    assertEquals(ExitCode.FAILED, run.exitCode());
    String out = run.out();
    assertTrue(out.startsWith("s1 (x86, v4.19): 19 states, 76 transitions, depth "), out);
    assertTrue(out.contains("no_oops is violated after 5 steps:"), out);
    assertTrue(out.contains("try_offline_node(1) \u2192 check_and_unmap_cpu_on_node \u2192 "
        + "unmap_cpu_on_node \u2192 numa_clear_node(cpu 1) \u2192 node_set_offline(1) \u2192 "
        + "unregister_one_node(1)"), out);
    assertTrue(out.contains("cpu_to_node(1): 1 \u2192 -1"), out);
    // Step 5 changes only oops.
    String afterStep5 = out.substring(out.lastIndexOf("5. alloc_for_cpu(1)"));
    List<String> changeLines = afterStep5.lines().skip(1).filter(l -> l.contains("\u2192"))
        .toList();
    assertEquals(List.of("oops: false \u2192 true"), changeLines.stream().map(String::trim)
        .toList());
    assertTrue(run.err().isEmpty(), run.err());
  }

  @Test
  void userInvariantsAreReportedLikeBuiltInOnesWithKernelTermTraces() throws IOException {
    Path spec = write("inv.yaml", SpecTexts.s1("v4.19") + """
        invariants:
          kvm_finds_a_pgdat: "forall c in cpus: node.pgdat[cpu.nid[c]]"
        expect:
          kvm_finds_a_pgdat: violated@4
        """);
    CliRun json = CliRun.of("check", "--format", "json", "--property", "kvm_finds_a_pgdat",
        spec.toString());
    assertEquals(ExitCode.OK, json.exitCode(), json::toString);
    JsonNode p = json.json().at("/properties/kvm_finds_a_pgdat");
    assertEquals("violated", p.get("verdict").asText());
    assertEquals(4, p.get("length").asInt());
    assertEquals(1, json.json().get("properties").size(), "only the named property");
    JsonNode last = p.at("/trace/steps/3");
    assertEquals("hotremove_cpu(1)", last.get("action").asText());
    assertTrue(last.get("chain").asText().contains("numa_clear_node(cpu 1)"), last::toString);
    CliRun text = CliRun.of("check", spec.toString());
    assertTrue(text.out().contains("kvm_finds_a_pgdat"), text::toString);
    assertTrue(text.out().contains("kvm_finds_a_pgdat is violated after 4 steps"),
        text::toString);
  }

  @Test
  void anInvariantTheSymmetryAnalysisCannotClassifyTurnsSymmetryOffWithANote()
      throws IOException {
    Path off = write("symoff.yaml", SpecTexts.s1("v4.19") + """
        invariants:
          ordered: "forall c in cpus: forall d in cpus: c < d -> cpu.nid[c] <= cpu.nid[d]"
        """);
    CliRun plain = CliRun.of("check", "--format", "json", off.toString());
    CliRun sym = CliRun.of("check", "--symmetry", "--format", "json", off.toString());
    assertEquals(plain.json().at("/properties/ordered/verdict"),
        sym.json().at("/properties/ordered/verdict"), sym::toString);
    assertEquals(plain.json().get("states"), sym.json().get("states"), "every state explored");
    List<String> notes = sym.err().lines().filter(l -> l.startsWith("note: ")).toList();
    assertEquals(1, notes.size(), sym::toString);
    assertTrue(notes.get(0).contains("--symmetry is off for this run: invariant ordered"),
        notes.get(0));
    Path pinned = write("symon.yaml", SpecTexts.s1("v4.19") + """
        invariants:
          cpu1_on_its_node: "cpu.online[1] -> cpu.nid[1] == 1"
        """);
    CliRun on = CliRun.of("check", "--symmetry", "--format", "json", pinned.toString());
    assertTrue(on.err().lines().noneMatch(l -> l.startsWith("note: ")), on::toString);
  }

  @Test
  void aKnobSetIsNamedAfterItsPresetOrByItsKnobs() throws IOException {
    Path preset = write("k1.yaml", SpecTexts.s1("{base: v5.0, offline_guard: online_blocks}"));
    CliRun a = CliRun.of("check", "--format", "json", preset.toString());
    assertEquals("v5.4-rc", a.json().at("/topology/kernel").asText(), a::toString);
    assertEquals("online_blocks", a.json().at("/topology/kernelKnobs/offline_guard").asText());
    Path own = write("k2.yaml", SpecTexts.s1("{base: v5.18, clear_cpu_node_on_offline: always}"));
    CliRun b = CliRun.of("check", own.toString());
    assertTrue(b.out().contains("clear_cpu_node_on_offline: always"), b::toString);
    assertTrue(b.out().contains("pgdat_for_every_possible_node: true"), b::toString);
  }

  @Test
  void aViolationInTheBootStateHasLengthZeroAndNoSteps() throws IOException {
    // Generic arch keeps firmware's node 2 for CPU 2, but node 2 has no pgdat at boot.
    Path spec = write("s2.yaml", """
        arch: generic
        kernel: v5.0
        nodes: 3
        cpus:
          - {home: 0, boot: true, hotplug: false}
          - {home: 1, boot: true, hotplug: true}
          - {home: 2, boot: false, hotplug: true}
        memory:
          - {home: 0, boot: true, hotplug: false}
          - {home: 1, boot: true, hotplug: true}
        expect:
          cpu_node_has_pgdat: violated@0
        """);
    CliRun json = CliRun.of("check", "--format", "json", "--property", "cpu_node_has_pgdat",
        spec.toString());
    assertEquals(ExitCode.OK, json.exitCode(), json::toString);
    JsonNode p = json.json().at("/properties/cpu_node_has_pgdat");
    assertEquals(0, p.get("length").asInt());
    assertEquals(0, p.at("/trace/steps").size());
    assertEquals(2, p.at("/trace/initial/cpu_to_node(2)").asInt());
    assertFalse(p.at("/trace/initial/NODE_DATA(2)").asBoolean());
    CliRun text = CliRun.of("check", "--property", "cpu_node_has_pgdat", spec.toString());
    assertTrue(text.out().contains("violated (initial state) as expected"), text::toString);
    assertTrue(text.out().contains("cpu_node_has_pgdat is violated in the initial state:"),
        text::toString);
  }

  @Test
  void aSpecThatHoldsWithoutExpectationsExitsZero() throws IOException {
    CliRun run = CliRun.of("check", s1("fixed.yaml", "v5.0", "").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertFalse(run.out().contains("\u2717"));
  }

  @Test
  void vacuousWithoutExpectationPassesWithAWarning() throws IOException {
    Path spec = write("nomem.yaml", """
        arch: generic
        kernel: v5.0
        nodes: 1
        cpus:
          - {home: 0, boot: true, hotplug: false}
        """);
    CliRun text = CliRun.of("check", spec.toString());
    assertEquals(ExitCode.OK, text.exitCode(), text::toString);
    String line = text.out().lines().filter(l -> l.contains("alloc_local")).findFirst()
        .orElseThrow();
    assertTrue(line.startsWith("  ! alloc_local") && line.contains("vacuous")
        && line.contains("warning"), line);
    CliRun json = CliRun.of("check", "--format", "json", spec.toString());
    assertEquals(ExitCode.OK, json.exitCode());
    assertEquals("vacuous", json.json().at("/properties/alloc_local/verdict").asText());
    assertEquals(List.of("warning: nomem: alloc_local is vacuous (no reachable transition "
        + "exercised it)"), json.errLines());
  }

  @Test
  void aStateLimitLeavesVerdictsUnknownAndExitsThree() throws IOException {
    CliRun run = CliRun.of("check", "--format", "json", "--max-states", "3",
        s1("s1.yaml", "v5.0", "").toString());
    assertEquals(ExitCode.INCOMPLETE, run.exitCode(), run::toString);
    JsonNode json = run.json();
    assertFalse(json.get("complete").asBoolean());
    assertTrue(json.get("resourceLimitHit").asBoolean());
    assertTrue(json.get("stopReason").asText().contains("state limit"));
    assertEquals("unknown", json.at("/properties/no_oops/verdict").asText());
    assertEquals("incomplete", json.get("status").asText());
  }

  @Test
  void aStateLimitDoesNotHideAViolationFoundBeforeIt() throws IOException {
    // The oops needs 5 steps; the limit stops the search after a few levels but the
    // unexpected violation of memory_on_online_node (3 steps on v5.4-rc) is definite.
    CliRun run = CliRun.of("check", "--format", "json", "--max-states", "13",
        s1("rc.yaml", "v5.4-rc", "").toString());
    assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
    assertEquals(3, run.json().at("/properties/memory_on_online_node/length").asInt());
  }

  @Test
  void stopAtFirstLeavesLaterPropertiesUnknownWithoutFailingWhenNothingIsExpectedOfThem()
      throws IOException {
    Path spec = s1("s1.yaml", "v4.19", """
        expect:
          cpu_node_has_pgdat: violated@4
        properties: [cpu_node_has_pgdat, no_oops]
        """);
    CliRun run = CliRun.of("check", "--format", "json", "--stop-at-first", spec.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode json = run.json();
    assertEquals(4, json.at("/properties/cpu_node_has_pgdat/length").asInt());
    assertEquals("unknown", json.at("/properties/no_oops/verdict").asText());
    assertTrue(json.get("asExpected").asBoolean());
    assertEquals(0, json.get("undecidedExpectations").size());
    assertEquals("passed", json.get("status").asText());
  }

  /**
   * An expect: entry the run could not decide was not confirmed: exit 3, whatever left it
   * undecided (an early stop, k-induction, bmc below the expected length, a limit).
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"--stop-at-first",
      "--engine=kind", "--engine=bmc --depth=4", "--max-states=12"})
  void anExpectationLeftUndecidedIsIncomplete(String options) throws IOException {
    Path spec = s1("s1.yaml", "v4.19", """
        expect:
          cpu_node_has_pgdat: violated@4
          no_oops: violated@5
        properties: [cpu_node_has_pgdat, no_oops]
        """);
    List<String> args = new ArrayList<>(List.of("check", "--format", "json"));
    args.addAll(List.of(options.split(" ")));
    args.add(spec.toString());
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(ExitCode.INCOMPLETE, run.exitCode(), run::toString);
    JsonNode json = run.json();
    assertEquals("incomplete", json.get("status").asText());
    assertEquals("unknown", json.at("/properties/no_oops/verdict").asText());
    assertFalse(json.get("asExpected").asBoolean());
    JsonNode all = json.get("undecidedExpectations");
    JsonNode undecided = all.get(all.size() - 1);
    assertEquals("no_oops", undecided.get("property").asText());
    assertEquals("violated@5", undecided.get("expected").asText());
    assertFalse(undecided.get("reason").asText().isBlank());

    CliRun text = CliRun.of(args.stream().map(a -> a.equals("json") ? "text" : a)
        .toArray(String[]::new));
    assertEquals(ExitCode.INCOMPLETE, text.exitCode(), text::toString);
    assertTrue(text.out().contains(" not decided, so not confirmed:\n"), text.out());
    assertTrue(text.out().contains("\n    no_oops: expected violated@5, unknown: "),
        text.out());
    CliRun summary = CliRun.of(args.stream().map(a -> a.equals("json") ? "summary" : a)
        .toArray(String[]::new));
    assertTrue(summary.out().startsWith("? s1: "), summary.out());
    assertTrue(summary.out().contains("no_oops violated@5)"), summary.out());
  }

  @Test
  void bmcDeepEnoughConfirmsTheExpectation() throws IOException {
    Path spec = s1("s1.yaml", "v4.19", "expect:\n  no_oops: violated@5\nproperties: [no_oops]\n");
    assertEquals(ExitCode.OK, CliRun.of("check", "--engine", "bmc", "--depth", "5",
        spec.toString()).exitCode());
  }

  @Test
  void resultsDoNotDependOnTheNumberOfWorkers() throws IOException {
    Path spec = s1("s1.yaml", "v4.19", "");
    ObjectNode one = (ObjectNode) CliRun.of("check", "--format", "json", "--workers", "1",
        spec.toString()).json();
    ObjectNode three = (ObjectNode) CliRun.of("check", "--format", "json", "--workers", "3",
        spec.toString()).json();
    assertEquals(1, one.at("/stats/workers").asInt());
    // More workers than cores are capped at the cores (with a warning, WorkersCapTest).
    assertEquals(Math.min(3, Runtime.getRuntime().availableProcessors()),
        three.at("/stats/workers").asInt());
    // Timing and the engine's own statistics (workers) describe the run, not its results.
    for (ObjectNode run : List.of(one, three)) {
      run.remove("millis");
      run.remove("stats");
    }
    assertEquals(one, three);
  }

  @Test
  void severalSpecsPrintOneJsonObjectPerLineAndTheWorstExitCode() throws IOException {
    Path fixed = s1("a-fixed.yaml", "v5.0", "");
    Path broken = s1("b-broken.yaml", "v4.19", "");
    CliRun run = CliRun.of("check", "--format", "json", fixed.toString(), broken.toString());
    assertEquals(ExitCode.FAILED, run.exitCode(), run::toString);
    List<JsonNode> lines = run.jsonLines();
    assertEquals(List.of("a-fixed", "b-broken"),
        lines.stream().map(j -> j.get("name").asText()).toList());
    assertEquals(2, run.out().lines().count());
    // A directory stands for the specs below it, sorted.
    CliRun fromDir = CliRun.of("check", "--format", "summary", dir.toString());
    assertEquals(ExitCode.FAILED, fromDir.exitCode());
    List<String> lines2 = fromDir.out().lines().toList();
    assertEquals(3, lines2.size(), fromDir::toString);
    assertTrue(lines2.get(0).startsWith("\u2713 a-fixed: 9 of 9 without violation"),
        lines2.get(0));
    assertTrue(lines2.get(1).startsWith("\u2717 b-broken: 2 of 9 unexpected"), lines2.get(1));
    assertEquals("2 specs: 1 passed, 1 failed, 0 incomplete", lines2.get(2));
  }

  @Test
  void propertyFilterChecksOnlyTheNamedProperties() throws IOException {
    CliRun run = CliRun.of("check", "--format", "json", "--property", "alloc_local",
        "--property", "registered_iff_online", s1("s1.yaml", "v4.19", "").toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    List<String> names = new ArrayList<>();
    run.json().get("properties").fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("registered_iff_online", "alloc_local"), names);
  }

  @Test
  void progressGoesToStderrOnlyAndNeverIntoJson() throws IOException {
    CliRun run = CliRun.of("check", "--format", "json", "--progress",
        s1("s1.yaml", "v4.19", "").toString());
    run.json(); // stdout is still exactly one JSON object
    assertNotEquals(ExitCode.USAGE, run.exitCode());
  }

  @Test
  void reportsOptionWritesTheReportFilesAndKeepsStdoutClean() throws IOException {
    Path oops = s1("old.yaml", "v4.19", "expect:\n  cpu_node_has_pgdat: violated@4\n"
        + "  no_oops: violated@5\n");
    Path fixed = s1("fixed.yaml", "v5.0", "");
    Path reports = dir.resolve("out/reports");
    CliRun run = CliRun.of("check", "--format", "json", "--no-progress", "--reports",
        reports.toString(), oops.toString(), fixed.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertEquals(2, run.jsonLines().size(), run::toString);
    assertTrue(run.err().contains("reports: " + reports.resolve("index.html")), run::toString);
    for (String f : List.of("results.json", "junit.xml", "matrix.md", "index.html",
        "traces/old-no_oops.itf.json", "traces/old-cpu_node_has_pgdat.itf.json")) {
      assertTrue(Files.isRegularFile(reports.resolve(f)), f);
    }
    JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(reports.resolve("results.json").toFile());
    assertEquals("passed", results.get("status").asText());
    assertEquals(2, results.get("specs").size());
  }

  @Test
  void withoutReportsOptionNoReportFilesAreWritten() throws IOException {
    Path spec = s1("s1.yaml", "v5.0", "");
    CliRun run = CliRun.of("check", "--format", "summary", "--no-progress", spec.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertFalse(run.err().contains("reports:"), run::toString);
  }

  @Test
  void aSpecWithKernelAndArchListsIsOneCheckPerCombinationNamedEverywhere() throws IOException {
    Path spec = write("many.yaml", """
        name: many
        arch: [x86, generic]
        kernel: [v4.19, {base: v5.0, offline_guard: online_blocks}]
        """ + SpecTexts.S1_MACHINE + """
        expect:
          no_oops:
            v4.19: violated@5
            v5.4-rc: holds
          cpu_node_has_pgdat: {v4.19: violated@4, v5.4-rc: holds}
          memory_on_online_node: {v5.4-rc: violated@3}
          online_node_links_cpus: {"v4.19,generic": violated@6}
          online_cpu_on_online_node:
            v4.19,generic: violated@6
        """);
    Path reports = dir.resolve("reports");
    CliRun json = CliRun.of("check", "--format", "json", "--reports", reports.toString(),
        spec.toString());
    assertEquals(ExitCode.OK, json.exitCode(), json::toString);
    assertEquals(List.of("many[v4.19,x86]", "many[v4.19,generic]", "many[v5.4-rc,x86]",
        "many[v5.4-rc,generic]"), json.jsonLines().stream().map(j -> j.get("name").asText())
        .toList());
    assertEquals("generic", json.jsonLines().get(1).at("/topology/arch").asText());
    CliRun summary = CliRun.of("check", "--format", "summary", spec.toString());
    assertTrue(summary.out().contains("\u2713 many[v5.4-rc,generic]: 9 of 9 as expected"),
        summary.out());
    assertTrue(summary.out().contains("4 specs: 4 passed, 0 failed, 0 incomplete"),
        summary.out());
    CliRun text = CliRun.of("check", spec.toString());
    assertTrue(text.out().contains("many[v4.19,generic] (generic, v4.19): "), text.out());
    assertTrue(Files.isRegularFile(reports.resolve("traces/many[v4.19,x86]-no_oops.itf.json")));
    String junit = Files.readString(reports.resolve("junit.xml"));
    assertTrue(junit.contains("classname=\"many[v5.4-rc,x86]\""), junit);
    assertTrue(Files.readString(reports.resolve("matrix.md"))
        .contains("| v5.4-rc | generic | many[v5.4-rc,generic] |"));
  }
}
