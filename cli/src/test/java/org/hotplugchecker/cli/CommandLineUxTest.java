package org.hotplugchecker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.KernelKnobs;
import org.hotplugchecker.model.rules.Knob;
import org.hotplugchecker.model.spec.SpecTexts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command line around checking: version, list, completion, man pages, help, errors. */
class CommandLineUxTest {
  @TempDir Path dir;

  @Test
  void versionNamesTheGitAndModelRevisions() {
    CliRun run = CliRun.of("--version");
    assertEquals(ExitCode.OK, run.exitCode());
    List<String> lines = run.out().lines().toList();
    assertEquals(3, lines.size(), run::toString);
    assertTrue(lines.get(0).startsWith("hotplug-checker "), lines.get(0));
    // built from this repository: a commit id, not "unknown"
    assertTrue(lines.get(1).matches("git revision: [0-9a-f]{7,40}(-dirty)?"), lines.get(1));
    assertEquals("model revision: " + HotplugModel.REVISION, lines.get(2));
  }

  @Test
  void listKernelsIsThePresetTable() {
    CliRun run = CliRun.of("list", "kernels", "--format", "json");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    JsonNode items = run.json().get("items");
    assertEquals(KernelKnobs.PRESETS.size(), items.size());
    int i = 0;
    for (Map.Entry<String, Map<String, String>> e : KernelKnobs.PRESETS.entrySet()) {
      JsonNode row = items.get(i++);
      assertEquals(e.getKey(), row.get("kernel").asText());
      e.getValue().forEach((knob, value) -> assertEquals(value, row.get(knob).asText()));
    }
    List<String> text = CliRun.of("list", "kernels").out().lines().toList();
    assertEquals(KernelKnobs.PRESETS.size() + 1, text.size());
    assertTrue(text.get(1).matches("v4\\.19 +always +present_blocks +false +oops"), text.get(1));
  }

  @Test
  void listKnobsIsTheKnobTable() {
    JsonNode items = CliRun.of("list", "knobs", "--format", "json").json().get("items");
    assertEquals(KernelKnobs.KNOBS.size(), items.size());
    for (int i = 0; i < items.size(); i++) {
      Knob k = KernelKnobs.KNOBS.get(i);
      assertEquals(k.name(), items.get(i).get("knob").asText());
      assertEquals(String.join(", ", k.values()), items.get(i).get("values").asText());
      assertEquals(k.meaning(), items.get(i).get("meaning").asText());
    }
  }

  @Test
  void listPropertiesGivesTheBuiltInOnesOrThoseASpecChecks() throws IOException {
    JsonNode all = CliRun.of("list", "properties", "--format", "json").json().get("items");
    assertEquals(9, all.size()); // MODEL.md: eight invariants and alloc_local
    assertEquals("cpu_node_has_pgdat", all.get(0).get("property").asText());
    assertEquals("built-in", all.get(0).get("source").asText());
    assertEquals("checked on transitions", all.get(all.size() - 1).get("kind").asText());
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, SpecTexts.s1("v5.0") + "properties: [no_oops, alloc_local]\n");
    JsonNode some = CliRun.of("list", "properties", "--format", "json", spec.toString()).json()
        .get("items");
    assertEquals(List.of("no_oops", "alloc_local"),
        List.of(some.get(0).get("property").asText(), some.get(1).get("property").asText()));
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "arch: x86\n");
    CliRun failed = CliRun.of("list", "properties", bad.toString());
    assertEquals(ExitCode.USAGE, failed.exitCode());
    assertEquals(1, failed.errLines().size(), failed::toString);
    assertEquals(ExitCode.USAGE, CliRun.of("list", "kernels", spec.toString()).exitCode());
    assertEquals(ExitCode.USAGE, CliRun.of("list", "bugs").exitCode());
  }

  @Test
  void genCompletionIsPicocliBashCompletionForEveryCommand() {
    CliRun run = CliRun.of("gen-completion");
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out());
    assertTrue(run.out().contains("complete -F _complete_hotplug-checker"), run.out());
    for (String command : List.of("check", "sweep", "bench", "list")) {
      assertTrue(run.out().contains(command), command);
    }
    assertTrue(run.out().contains("--stop-at-first"));
  }

  @Test
  void genManpageWritesAsciiDocManPagesOfEveryCommand() throws IOException {
    Path out = dir.resolve("man");
    CliRun run = CliRun.of("gen-manpage", "--outdir", out.toString());
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    for (String page : List.of("hotplug-checker", "hotplug-checker-check",
        "hotplug-checker-sweep", "hotplug-checker-list")) {
      Path adoc = out.resolve(page + ".adoc");
      assertTrue(Files.isRegularFile(adoc), page);
      String text = Files.readString(adoc);
      assertTrue(text.contains(":doctype: manpage"), text);
    }
    assertTrue(Files.readString(out.resolve("hotplug-checker-check.adoc"))
        .contains("--stop-at-first"));
  }

  @Test
  void aSubcommandBuiltAloneIsTheOneOfTheWholeTree() {
    CommandLine all = Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()));
    List<String> alone = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : all.getSubcommands().entrySet()) {
      CommandLine cl = Main.configure(HotplugCheckerCommand.forArgs(e.getKey(), "--help"),
          new java.io.PrintWriter(new java.io.StringWriter()),
          new java.io.PrintWriter(new java.io.StringWriter()));
      if (cl.getSubcommands().size() == 1) {
        alone.add(e.getKey());
        assertEquals(e.getValue().getUsageMessage(CommandLine.Help.Ansi.OFF),
            cl.getSubcommands().get(e.getKey()).getUsageMessage(CommandLine.Help.Ansi.OFF));
      } else {
        assertEquals(all.getSubcommands().keySet(), cl.getSubcommands().keySet());
      }
    }
    // the commands a user runs are built alone; help, completion and man pages see all
    assertEquals(List.of("check", "sweep", "bench", "list", "export"), alone);
    assertEquals(all.getSubcommands().keySet(),
        HotplugCheckerCommand.forArgs("chek").getSubcommands().keySet());
  }

  static Stream<List<String>> helpPages() {
    List<List<String>> pages = new ArrayList<>();
    pages.add(List.of("--help"));
    CommandLine cl = Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()),
        new java.io.PrintWriter(new java.io.StringWriter()));
    for (String name : cl.getSubcommands().keySet()) {
      pages.add(List.of(name, "--help"));
      pages.add(List.of("help", name));
    }
    return pages.stream();
  }

  /** The help as picocli lays it out on unlimited lines: the words, unwrapped. */
  private static List<String> unwrappedWords(List<String> args) {
    CommandLine cl = HotplugCheckerCommand.withAllSubcommands();
    setWidth(cl, 10_000);
    CommandLine target = args.get(0).equals("--help") ? cl
        : args.get(0).equals("help") && !args.get(1).startsWith("-")
            ? cl.getSubcommands().get(args.get(1)) : cl.getSubcommands().get(args.get(0));
    String text = target.getUsageMessage(CommandLine.Help.Ansi.OFF);
    return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  private static void setWidth(CommandLine cl, int width) {
    cl.getCommandSpec().usageMessage().width(width);
    cl.getSubcommands().values().forEach(s -> setWidth(s, width));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("helpPages")
  void helpWrapsAtSpacesOnlyWithinEightyColumns(List<String> args) {
    CliRun run = CliRun.of(args.toArray(String[]::new));
    assertEquals(ExitCode.OK, run.exitCode(), run::toString);
    for (String line : run.out().lines().toList()) {
      assertTrue(line.length() <= HelpLayout.WIDTH || !line.strip().contains(" "),
          "too long: " + line);
    }
    // Only whitespace differs from picocli's unwrapped layout: no word was cut.
    List<String> words = Arrays.stream(run.out().split("\\s+")).filter(w -> !w.isEmpty())
        .toList();
    assertEquals(unwrappedWords(args), words);
  }

  @Test
  void wordsPicocliWouldCutStayWhole() {
    String bench = CliRun.of("bench", "--help").out();
    for (String word : List.of("docs/benchmarks.md).", "v5.0,v4.19;",
        "2x1x1,2x2x2,3x1x1,3x2x1,3x2x2;", "[--arch=LIST[,LIST...]]...")) {
      assertTrue(Arrays.asList(bench.split("\\s+")).contains(word), word + " in\n" + bench);
    }
    assertEquals("a b c\n  ddddddddd\n  e", HelpLayout.wrapLine("a b c ddddddddd e", 0, 2, 9));
    assertEquals("xx  aa bb\n      cc", HelpLayout.wrapLine("xx  aa bb cc", 4, 6, 9));
  }

  @Test
  void aBinaryFileIsNamedAsOne() throws IOException {
    Path png = dir.resolve("shot.yaml");
    Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    CliRun run = CliRun.of("check", png.toString());
    assertEquals(ExitCode.USAGE, run.exitCode());
    assertEquals(List.of(png + ": a binary file, not a YAML or JSON spec (it contains a NUL "
        + "byte at offset 4)"), run.errLines());
  }

  @Test
  void anUnwritableReportsDirectoryIsReportedBeforeAnythingIsChecked() throws IOException {
    Path spec = dir.resolve("s.yaml");
    Files.writeString(spec, SpecTexts.s1("v5.0"));
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");
    CliRun onFile = CliRun.of("check", "--reports", file.toString(), spec.toString());
    assertEquals(ExitCode.INCOMPLETE, onFile.exitCode(), onFile::toString);
    assertEquals(List.of("check: cannot write reports to " + file
        + ": it exists and is not a directory"), onFile.errLines());
    assertEquals("", onFile.out(), "nothing was checked");
    Path below = file.resolve("reports");
    CliRun under = CliRun.of("check", "--reports", below.toString(), spec.toString());
    assertEquals(ExitCode.INCOMPLETE, under.exitCode(), under::toString);
    assertEquals(1, under.errLines().size(), under::toString);
    assertTrue(under.err().startsWith("check: cannot write reports to " + below + ": "),
        under::toString);
    assertFalse(under.err().endsWith(": \n"), under::toString);
    assertEquals("", under.out());
  }
}
