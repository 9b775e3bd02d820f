package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugchecker.checker.sweep.SweepResultsFile;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a sweep prints: report, ready-made specs, progress bar, the message on Ctrl-C. */
class SweepOutputTest {
  private static final String[] SMALL = {"sweep", "--max-nodes", "2", "--max-cpus-per-node",
      "1", "--max-blocks-per-node", "1", "--kernels", "v4.19,v5.0", "--arch", "x86",
      "--workers", "1"};

  @TempDir Path dir;

  private static CliRun sweep(String... more) {
    List<String> args = new ArrayList<>(List.of(SMALL));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void theTextReportEndsWithTheMatrixAndNamesClassesInWords() {
    CliRun run = sweep("--no-progress");
    assertEquals(1, run.exitCode(), run::toString);
    String text = run.out();
    int matrix = text.indexOf("\nkernel x property over every class of the bound");
    assertTrue(matrix > 0, text);
    List<String> table = text.substring(matrix).lines().skip(3).toList();
    assertTrue(table.get(0).matches("x86 +v4\\.19 +v5\\.0"), table.get(0));
    // a CPU hot-added on a memoryless node: NODE_DATA(1) is NULL on both (see history/)
    assertTrue(table.stream().anyMatch(l -> l.matches("no_oops +violated@2 +violated@2")),
        String.join("\n", table));
    assertTrue(table.stream().anyMatch(l -> l.matches("online_node_links_cpus +holds +holds")),
        String.join("\n", table));
    assertEquals(10, table.size(), "a header and nine properties, nothing after");
    assertTrue(text.contains("      smallest class: 2 nodes; CPU 0 fixed on node 0, CPU 1 "
        + "hot-added on node 1; no memory"), text);
    assertTrue(text.contains("shortest counterexample 1 step, class 2n|c:0f,1a|m:"), text);
    assertFalse(text.contains(" 1 steps"), text);
    assertTrue(text.contains("        expect:\n          no_oops: violated@2\n"), text);
  }

  /** Every ready-made spec of the report loads, and its expect: block holds when checked. */
  @Test
  void theReadyMadeSpecsCarryTheirExpectationAndPass() throws IOException {
    CliRun run = sweep("--format", "json", "--no-progress");
    JsonNode json = new ObjectMapper().readTree(run.out());
    int specs = 0;
    for (JsonNode r : json.get("runs")) {
      for (JsonNode p : (Iterable<JsonNode>) r.get("properties")::elements) {
        JsonNode smallest = p.get("smallest");
        if (smallest == null) {
          continue;
        }
        String text = smallest.get("spec").asText();
        Path file = dir.resolve("spec-" + specs++ + ".yaml");
        Files.writeString(file, text);
        Spec spec = assertLoads(file);
        assertEquals("violated@" + smallest.get("length").asInt(),
            spec.expect().values().iterator().next().toString());
        CliRun check = CliRun.of("check", "--format", "summary", "--property",
            spec.expect().keySet().iterator().next(), file.toString());
        assertEquals(ExitCode.OK, check.exitCode(), check::toString);
        // the trace is structured as check prints it, not preformatted lines
        JsonNode steps = smallest.at("/trace/steps");
        assertEquals(smallest.get("length").asInt(), steps.size());
        JsonNode last = steps.get(steps.size() - 1);
        assertTrue(last.get("callChain").isArray() && last.get("changes").isArray(), last
            .toString());
        assertEquals(steps.size(), last.get("step").asInt());
        assertTrue(smallest.at("/trace/initial").isObject());
        assertFalse(smallest.get("description").asText().isBlank());
      }
    }
    assertTrue(specs >= 2, "v4.19 violates two properties");
  }

  private static Spec assertLoads(Path file) {
    try {
      return new SpecLoader().load(file);
    } catch (org.hotplugchecker.model.spec.SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** check's rule: a bar on stderr when stderr is a terminal, whatever stdout is. */
  @Test
  void theProgressBarFollowsWhetherStderrIsATerminal() {
    String before = System.getProperty("hotplug.stderr.tty");
    try {
      System.setProperty("hotplug.stderr.tty", "true");
      CliRun tty = sweep();
      assertTrue(tty.err().contains("\r["), tty::toString);
      Matcher m = Pattern.compile("(\\d+\\.\\d)% (\\d+)/(\\d+) checks").matcher(tty.err());
      String last = null;
      while (m.find()) {
        double percent = Double.parseDouble(m.group(1));
        double share = 100.0 * Long.parseLong(m.group(2)) / Long.parseLong(m.group(3));
        assertEquals(share, percent, 0.05, m.group());
        last = m.group();
      }
      assertTrue(last != null && last.startsWith("100.0%"), tty::toString);
      assertFalse(tty.out().contains("\r"), "stdout has the report only");
      System.setProperty("hotplug.stderr.tty", "false");
      assertEquals("", sweep().err());
    } finally {
      if (before == null) {
        System.clearProperty("hotplug.stderr.tty");
      } else {
        System.setProperty("hotplug.stderr.tty", before);
      }
    }
  }

  @Test
  void ctrlCSaysHowManyResultsAreSavedAndHowToContinue() throws Exception {
    Path results = dir.resolve("sweep.jsonl");
    Path err = dir.resolve("err.txt");
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dhotplug.stderr.tty=true", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "sweep", "--max-nodes", "2", "--max-cpus-per-node", "2",
        "--max-blocks-per-node", "2", "--per-class", "--workers", "1", "--results",
        results.toString()));
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile())
        .redirectOutput(dir.resolve("out.txt").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (lines(results) < 20 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(p.isAlive(), "the sweep is still running");
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String text = Files.readString(err, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\ninterrupted: (\\d+) results saved in "
        + Pattern.quote(results.toString()) + "; rerun with --results "
        + Pattern.quote(results.toString()) + " to continue\n$").matcher(text);
    assertTrue(m.find(), text);
    int saved = Integer.parseInt(m.group(1));
    assertTrue(saved >= 20 && saved <= SweepResultsFile.read(results).size(),
        saved + " vs " + SweepResultsFile.read(results).size());
    // the bar's line was ended before the message: nothing after it on its line
    assertTrue(text.substring(0, m.start() + 1).endsWith("\n"));
    assertEquals("", Files.readString(dir.resolve("out.txt")));
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    try (var l = Files.lines(file)) {
      return l.count();
    }
  }
}
