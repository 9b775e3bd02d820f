package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The sweep subcommand's options, output and exit codes. */
class SweepCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = new CommandLine(new SweepCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void fixedKernelHoldsOnEveryClass() {
    assertEquals(0, run("--max-nodes", "2", "--max-cpus-per-node", "1",
        "--max-blocks-per-node", "1", "--kernels", "v5.18", "--workers", "1"));
    assertTrue(out.toString().contains("topology classes: 244"), out.toString());
    assertTrue(out.toString().contains("x86 v5.18: every property holds on every class"));
    assertTrue(out.toString().contains("generic v5.18: every property holds on every class"));
  }

  @Test
  void perClassAndPerShapeFindTheSameSmallestViolation() {
    String[] args = {"--max-nodes", "2", "--max-cpus-per-node", "1", "--max-blocks-per-node",
        "2", "--kernels", "v5.4-rc", "--arch", "generic", "--format", "json"};
    assertEquals(1, run(args));
    String byShape = out.toString();
    out.getBuffer().setLength(0);
    String[] perClass = java.util.Arrays.copyOf(args, args.length + 1);
    perClass[args.length] = "--per-class";
    assertEquals(1, run(perClass));
    String byClass = out.toString();
    assertTrue(byShape.contains("\"method\" : \"shapes\""), byShape);
    assertTrue(byClass.contains("\"method\" : \"classes\""), byClass);
    // 2c91f8fc6c99's regression: two DIMMs on an empty node, in both reports.
    String smallest = "\"class\" : \"2n|c:0f|m:1a,1a\"";
    assertTrue(byShape.contains(smallest), byShape);
    assertTrue(byClass.contains(smallest), byClass);
  }

  @Test
  void buggyKernelReportsTheSmallestViolationAsJson() {
    assertEquals(1, run("--max-nodes", "2", "--max-cpus-per-node", "1",
        "--max-blocks-per-node", "1", "--kernels", "v4.19", "--arch", "x86",
        "--format", "json"));
    String json = out.toString();
    assertTrue(json.contains("\"class\" : \"2n|c:0f,1a|m:\""), json);
    assertTrue(json.contains("\"anyViolation\" : true"), json);
  }

  @Test
  void badArgumentsExitWithTwoAndOneLine() {
    assertEquals(2, run("--kernels", "v9.9"));
    assertTrue(err.toString().startsWith("sweep: --kernels: unknown value 'v9.9'"),
        err.toString());
    assertEquals(1, err.toString().lines().count());
    assertEquals(2, run("--max-nodes", "0"));
    assertEquals(2, run("--format", "xml"));
    assertEquals(2, run("--max-nodes", "two"));
  }

  @Test
  void resultsFileIsResumed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("r.jsonl");
    String[] args = {"--max-nodes", "1", "--max-cpus-per-node", "2", "--max-blocks-per-node",
        "1", "--kernels", "v5.0", "--results", file.toString()};
    assertEquals(0, run(args));
    long lines = Files.readAllLines(file).size();
    assertTrue(lines > 0);
    assertEquals(0, run(args));
    assertTrue(out.toString().contains("0 explored now, " + lines + " reused"), out.toString());
  }

  @Test
  void isASubcommandOfHotplugChecker(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sweep.jsonl");
    CliRun run = CliRun.of("sweep", "--max-nodes", "1", "--max-cpus-per-node", "1",
        "--max-blocks-per-node", "1", "--kernels", "v4.19", "--arch", "x86", "--workers", "1",
        "--results", file.toString());
    assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run::toString);
    assertTrue(run.out().contains("topology classes:"), run::toString);
    assertTrue(Files.readAllLines(file).size() > 0);
    CliRun bad = CliRun.of("sweep", "--arch", "arm");
    assertEquals(2, bad.exitCode(), bad::toString);
    assertEquals(1, bad.errLines().size(), bad::toString);
  }

  @Test
  void knobSetsAndAnInvariantGiveMinimalFixesInMarkdown() {
    assertEquals(1, run("--max-nodes", "2", "--max-cpus-per-node", "1",
        "--max-blocks-per-node", "0", "--arch", "x86", "--workers", "1",
        // the second is v5.18; the third is no preset, which makes this a knob sweep
        "--kernels", "v5.0,v5.0+pgdat_for_every_possible_node=true,"
            + "v5.0+no_node_in_allocator=numa_mem_id", "--format", "markdown",
        "--invariant", "online_cpu_home=forall c in cpus: cpu.online[c] -> "
            + "node.online[cpu.home[c]]"));
    String md = out.toString();
    assertTrue(md.contains("* `online_cpu_home`: `forall c in cpus:"), md);
    assertTrue(md.contains("| x86 | `v5.0` | no | cpu_node_has_pgdat@1"), md);
    assertTrue(md.contains("| x86 | `v5.18` | yes | - |"), md);
    assertTrue(md.contains("| x86 | `v5.0+no_node_in_allocator=numa_mem_id` | no |"), md);
    assertTrue(md.contains("## Minimal fixes"), md);
    assertTrue(md.contains("| `v5.0` | 1 | `pgdat_for_every_possible_node=true` |"), md);
  }

  @Test
  void badInvariantsExitWithTwoAndOneLineWithTheColumn() {
    assertEquals(2, run("--max-nodes", "1", "--invariant", "x=node.online[0] &&"));
    assertEquals(1, err.toString().lines().count(), err.toString());
    assertTrue(err.toString().startsWith("sweep: --invariant x: column "), err.toString());
    assertEquals(2, run("--max-nodes", "1", "--invariant", "no_oops=true"));
    assertEquals(2, run("--max-nodes", "1", "--invariant", "a=true", "--invariant",
        "a=false"));
    assertEquals(2, run("--max-nodes", "1", "--invariant", "noequals"));
  }
}
