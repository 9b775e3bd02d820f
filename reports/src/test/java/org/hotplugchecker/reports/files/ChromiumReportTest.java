package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.reports.CheckRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders index.html in a real headless Chromium and checks the DOM its script builds.
 * Skipped (with a message) when no Chromium is installed. Set
 * {@code -Dhotplug.screenshot=PATH} to also keep the screenshot (docs/report-screenshot.png
 * is made that way).
 */
class ChromiumReportTest {
  private static Optional<Path> chromium;

  @TempDir Path dir;

  @BeforeAll
  static void findChromium() {
    chromium = locate();
  }

  private static Optional<Path> locate() {
    String env = System.getenv("CHROMIUM");
    if (env != null && Files.isExecutable(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (!d.isEmpty() && Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static void assumeChromium() {
    assumeTrue(chromium.isPresent(), "no chromium on PATH (or $CHROMIUM): skipping the browser "
        + "test; install it with: apt-get install -y chromium");
  }

  /** Runs headless Chromium with {@code args}; returns its standard output. */
  private String run(List<String> args) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> cmd = new ArrayList<>(List.of(chromium.get().toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile));
    cmd.addAll(args);
    Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s");
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** The serialised trace viewer with id {@code id}, up to the next viewer. */
  private static String viewer(String dom, String id) {
    int at = dom.indexOf("id=\"" + id + "\"");
    assertTrue(at >= 0, "no trace viewer " + id);
    int next = dom.indexOf("class=\"trace\"", at + 1);
    return dom.substring(at, next < 0 ? dom.length() : next);
  }

  @Test
  void scriptDrawsMatrixAndTraceViewers() throws Exception {
    assumeChromium();
    List<CheckRun> runs = Runs.s1Matrix();
    ReportFiles files = new ReportWriter().write(dir.resolve("reports"), runs);
    String dom = run(List.of("--dump-dom", files.html().toUri().toString()));

    assertTrue(dom.contains("data-rendered=\"true\""), "the page script ran to the end");
    assertEquals(1, count(dom, "<table class=\"matrix\">"), "one table for the machine");
    int violations = runs.stream().mapToInt(r -> r.traces().size()).sum();
    assertEquals(violations, count(dom, "class=\"cell v-violated"));
    assertEquals(violations, count(dom, "<div class=\"trace\""));

    // s1 x86 v4.19 (the first run): cpu_to_node(1) is cleared by the 4th step
    Trace t = runs.get(0).traces().get("cpu_node_has_pgdat");
    String v = viewer(dom, "trace-0-cpu_node_has_pgdat");
    assertEquals(t.length() + 1, count(v, "<tr class=\"step"), "boot row plus one per step");
    assertTrue(v.contains("numa_clear_node(cpu 1)"), "call chain shown");
    int step4 = v.indexOf("data-step=\"4\"");
    assertTrue(step4 > 0);
    String row4 = v.substring(step4);
    // one picture per step, the change marked in place: before struck through, then after
    assertTrue(Pattern.compile("class=\"item bad chg\" data-var=\"cpu_to_node\\(1\\)\">"
        + "<s class=\"was\">cpu_to_node=1</s> \u2192 <span class=\"now\">cpu_to_node=-1</span>")
        .matcher(row4).find(), row4);
    assertTrue(Pattern.compile("class=\"badge no chg\" data-var=\"node_online\\(1\\)\">"
        + "<s class=\"was\">online</s> \u2192 <span class=\"now\">offline</span>")
        .matcher(row4).find(), row4);
    // compact: the boot row draws every node, each step only the nodes it changed
    int expectedNodes = 2;
    for (var step : t.steps()) {
      java.util.Set<Integer> touched = new java.util.HashSet<>();
      for (var c : step.changes()) {
        Matcher m = Pattern.compile("([a-zA-Z_]+)\\((\\d+)\\)").matcher(c.name());
        if (m.matches()) {
          int i = Integer.parseInt(m.group(2));
          touched.add(m.group(1).startsWith("cpu_") ? runs.get(0).spec().topology().cpus()
              .get(i).home() : m.group(1).startsWith("mem_") ? runs.get(0).spec().topology()
              .memory().get(i).home() : i);
        }
      }
      expectedNodes += touched.size();
    }
    assertEquals(2 + 4, expectedNodes, "every step of this trace changes node 1 only");
    assertEquals(expectedNodes, count(v, "class=\"node "));
    assertEquals(4, count(v, "unchanged: node 0"));
    // the page spells out what its marks mean; no bare symbol for hot-pluggable
    assertTrue(dom.contains("<dt>hot-pluggable</dt><dd>the CPU or block can be physically "
        + "added and removed"), "legend");
    assertTrue(v.contains("<span class=\"tag\">hot-pluggable</span>"), v);
    assertFalse(dom.contains("\u21c4") || dom.contains("\u2260"), "no unexplained symbol");
  }

  @Test
  void bootViolationsAndSameNamedSpecsLinkToTheirOwnTraces() throws Exception {
    assumeChromium();
    // s2 generic v5.0 violates cpu_node_has_pgdat in its boot state (counts.json: violated@0)
    List<CheckRun> runs = List.of(Runs.run("dup", Runs.s2(Arch.GENERIC, KernelVariant.V5_0)),
        Runs.run("dup", Runs.s1(Arch.X86, KernelVariant.V4_19)));
    ReportFiles files = new ReportWriter().write(dir.resolve("reports"), runs);
    String dom = run(List.of("--dump-dom", files.html().toUri().toString()));
    String boot = viewer(dom, "trace-0-cpu_node_has_pgdat");
    assertEquals(1, count(boot, "<tr class=\"step"));
    assertTrue(boot.contains("<tr class=\"step violating\" data-step=\"0\">"), boot);
    assertEquals(5, count(viewer(dom, "trace-1-cpu_node_has_pgdat"), "<tr class=\"step"));
    assertTrue(dom.contains("href=\"#trace-0-cpu_node_has_pgdat\">violated (0)<"));
    assertTrue(dom.contains("href=\"#trace-1-cpu_node_has_pgdat\">violated (4)<"));
  }

  @Test
  void markupInNamesIsShownAsText() throws Exception {
    assumeChromium();
    String evil = "<img src=x onerror=\"document.title='pwned'\">";
    ReportFiles files = new ReportWriter().write(dir.resolve("reports"),
        List.of(Runs.run(evil, Runs.s1(Arch.X86, KernelVariant.V4_19))));
    String dom = run(List.of("--dump-dom", files.html().toUri().toString()));
    assertTrue(dom.contains("data-rendered=\"true\""));
    assertTrue(dom.contains("<title>hotplug-checker report</title>"));
    assertTrue(dom.contains("&lt;img src=x onerror="), "the name is text, not an element");
  }

  @Test
  void screenshotIsAPageSizedPng() throws Exception {
    assumeChromium();
    List<CheckRun> runs = new ArrayList<>(Runs.s1Matrix());
    ReportFiles files = new ReportWriter().write(dir.resolve("reports"), runs);
    Path png = dir.resolve("report.png");
    run(List.of("--hide-scrollbars", "--window-size=1280,2000", "--screenshot=" + png,
        files.html().toUri().toString()));
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 20_000, "a real picture, not a blank page: " + bytes.length);
    assertEquals(0x89504e47, ByteBuffer.wrap(bytes, 0, 4).getInt(), "PNG signature");
    assertEquals(1280, ByteBuffer.wrap(bytes, 16, 4).getInt(), "width");
    assertEquals(2000, ByteBuffer.wrap(bytes, 20, 4).getInt(), "height");
    String keep = System.getProperty("hotplug.screenshot");
    if (keep != null && !keep.isBlank()) {
      Path target = Path.of(keep);
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.copy(png, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
