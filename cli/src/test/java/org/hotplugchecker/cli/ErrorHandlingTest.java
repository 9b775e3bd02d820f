package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hotplugchecker.model.spec.SpecTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Bad input exits 2 with one line naming the file, line and field; never a stack trace. */
class ErrorHandlingTest {
  private static final String GOOD = SpecTexts.s1("v4.19");

  @TempDir
  Path dir;

  static Stream<Arguments> badSpecs() {
    return Stream.of(
        Arguments.of("malformed YAML", GOOD.replace("nodes: 2", "nodes: [2"),
            List.of("malformed YAML")),
        Arguments.of("unknown field", GOOD + "colour: blue\n",
            List.of(":10:", "field 'colour'", "unknown field")),
        Arguments.of("unknown kernel", GOOD.replace("v4.19", "v9.9"),
            List.of(":2:", "field 'kernel'", "unknown kernel 'v9.9'")),
        Arguments.of("unknown arch", GOOD.replace("x86", "sparc"),
            List.of(":1:", "field 'arch'", "unknown arch 'sparc'")),
        Arguments.of("unknown property", GOOD + "properties: [no_oops, no_bugs]\n",
            List.of(":10:", "properties[1]", "unknown property 'no_bugs'")),
        Arguments.of("unknown property in expect", GOOD + "expect:\n  no_bugs: holds\n",
            List.of(":11:", "expect.no_bugs", "unknown property")),
        Arguments.of("out-of-range node", GOOD.replace("{home: 1, boot: true, hotplug: true}\n"
                + "memory", "{home: 5, boot: true, hotplug: true}\nmemory"),
            List.of(":6:", "cpus[1].home", "out of range 0..1")),
        Arguments.of("non-hotplug non-boot", GOOD.replace(
                "- {home: 0, boot: true, hotplug: false}\n  - {home: 1, boot: true, hotplug: true}"
                    + "\n", "- {home: 0, boot: true, hotplug: false}\n"
                    + "  - {home: 1, boot: false, hotplug: false}\n"),
            List.of("cpus[1].boot", "not hotplug must be boot")),
        Arguments.of("wrong type", GOOD.replace("nodes: 2", "nodes: two"),
            List.of(":3:", "field 'nodes'", "expected an integer, got 'two'")),
        Arguments.of("wrong type of a flag", GOOD.replace("boot: true, hotplug: true}\nmemory",
                "boot: maybe, hotplug: true}\nmemory"),
            List.of("cpus[1].boot", "expected true or false")),
        Arguments.of("bad expectation", GOOD + "expect:\n  no_oops: broken\n",
            List.of("expect.no_oops", "got 'broken'")),
        Arguments.of("empty file", "", List.of("empty")),
        Arguments.of("unknown knob", GOOD.replace("kernel: v4.19",
                "kernel: {base: v4.19, clear_cpu_node: never}"),
            List.of(":2:", "field 'kernel.clear_cpu_node'", "unknown field")),
        Arguments.of("bad knob value", GOOD.replace("kernel: v4.19",
                "kernel: {base: v4.19, no_node_in_allocator: panic}"),
            List.of(":2:", "field 'kernel.no_node_in_allocator'", "unknown value 'panic'")),
        Arguments.of("invariant that does not type-check",
            GOOD + "invariants:\n  x: \"forall c in cpus: cpu.nid[c] && cpu.online[c]\"\n",
            List.of(":11:", "field 'invariants.x'", "column 19", "&& needs bool operands")),
        Arguments.of("invariant that does not parse",
            GOOD + "invariants:\n  x: \"node.online[0] -> \"\n",
            List.of(":11:", "field 'invariants.x'", "column")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSpecs")
  void aBadSpecIsOneLineNamingFileLineAndField(String what, String text, List<String> parts)
      throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, text);
    CliRun run = CliRun.of("check", file.toString());
    assertOneLineError(run, ExitCode.USAGE);
    String line = run.errLines().get(0);
    assertTrue(line.startsWith(file + ":"), line);
    for (String part : parts) {
      assertTrue(line.contains(part), "'" + part + "' missing in: " + line);
    }
  }

  @Test
  void aMissingFileIsOneLine() {
    Path missing = dir.resolve("nope.yaml");
    CliRun run = CliRun.of("check", missing.toString());
    assertOneLineError(run, ExitCode.USAGE);
    assertEquals(missing + ": no such file", run.errLines().get(0));
  }

  @Test
  void everyBadSpecIsReportedAndNothingIsChecked() throws IOException {
    Path good = dir.resolve("good.yaml");
    Files.writeString(good, GOOD);
    Path bad1 = dir.resolve("bad1.yaml");
    Files.writeString(bad1, GOOD.replace("x86", "arm"));
    CliRun run = CliRun.of("check", bad1.toString(), good.toString(),
        dir.resolve("missing.yaml").toString());
    assertEquals(ExitCode.USAGE, run.exitCode(), run::toString);
    assertEquals(2, run.errLines().size(), run::toString);
    assertEquals("", run.out());
  }

  static Stream<Arguments> badCommandLines() {
    return Stream.of(
        Arguments.of(List.of("check", "--nope", "x.yaml"), "Unknown option: '--nope'"),
        Arguments.of(List.of("check", "--workers", "0", "SPEC"), "--workers must be at least 1"),
        Arguments.of(List.of("check", "--workers", "many", "SPEC"), "'many' is not an int"),
        Arguments.of(List.of("check", "--format", "xml", "SPEC"), "--format"),
        Arguments.of(List.of("check", "--max-states", "-1", "SPEC"), "--max-states"),
        Arguments.of(List.of("check", "--property", "no_bugs", "SPEC"),
            "unknown property 'no_bugs'"),
        Arguments.of(List.of("check"), "Missing required parameter"),
        Arguments.of(List.of("frobnicate"), "unknown command 'frobnicate' (commands: check, "),
        Arguments.of(List.of("chek"), "hotplug-checker: unknown command 'chek' (did you mean check?)"),
        Arguments.of(List.of("check", "--worker", "2", "SPEC"), "unknown option '--worker' (did you mean --workers?)"),
        Arguments.of(List.of(), "missing a command"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badCommandLines")
  void aBadCommandLineIsOneLine(List<String> args, String expected) throws IOException {
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, GOOD);
    String[] argv = args.stream().map(a -> a.equals("SPEC") ? spec.toString() : a)
        .toArray(String[]::new);
    CliRun run = CliRun.of(argv);
    assertOneLineError(run, ExitCode.USAGE);
    assertTrue(run.err().contains(expected), run::toString);
  }

  @Test
  void aPropertyTheSpecDoesNotCheckIsABadCommandLine() throws IOException {
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, GOOD + "properties: [no_oops]\n");
    CliRun run = CliRun.of("check", "--property", "alloc_local", spec.toString());
    assertOneLineError(run, ExitCode.USAGE);
    assertTrue(run.err().contains("--property alloc_local: the spec does not check it"),
        run::toString);
  }

  @Test
  void helpAndVersionExitZero() {
    CliRun help = CliRun.of("check", "--help");
    assertEquals(ExitCode.OK, help.exitCode());
    assertTrue(help.out().contains("--stop-at-first"));
    assertEquals(ExitCode.OK, CliRun.of("--version").exitCode());
  }

  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("the model broke");
    }
  }

  @Test
  void anInternalErrorIsOneLineWithAHintAndExitsThree() {
    StringWriter err = new StringWriter();
    CommandLine cl = Main.configure(new CommandLine(new HotplugCheckerCommand())
        .addSubcommand("boom", new Boom()), new PrintWriter(new StringWriter()),
        new PrintWriter(err, true));
    assertEquals(ExitCode.INCOMPLETE, cl.execute("boom"));
    assertEquals(List.of("internal error: java.lang.IllegalStateException: the model broke",
        "rerun with --debug for the stack trace"), err.toString().lines().toList());

    StringWriter debugErr = new StringWriter();
    CommandLine debug = Main.configure(new CommandLine(new HotplugCheckerCommand())
        .addSubcommand("boom", new Boom()), new PrintWriter(new StringWriter()),
        new PrintWriter(debugErr, true));
    assertEquals(ExitCode.INCOMPLETE, debug.execute("boom", "--debug"));
    assertTrue(debugErr.toString().contains("\tat "), debugErr::toString);
  }

  private static void assertOneLineError(CliRun run, int code) {
    assertEquals(code, run.exitCode(), run::toString);
    assertEquals(1, run.errLines().size(), run::toString);
    assertFalse(run.err().contains("Exception"), run::toString);
    assertFalse(run.err().contains("\tat "), run::toString);
    assertEquals("", run.out(), run::toString);
  }
}
