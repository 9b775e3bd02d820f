package org.hotplugchecker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The goal's parameters, set as Maven would (by field injection), without a Maven run. */
class CheckMojoTest {
  @TempDir Path dir;
  private Path specs;
  private Path reports;
  private CheckMojo mojo;

  private void set(String field, Object value) throws ReflectiveOperationException {
    Field f = CheckMojo.class.getDeclaredField(field);
    f.setAccessible(true);
    f.set(mojo, value);
  }

  @BeforeEach
  void defaults() throws Exception {
    specs = dir.resolve("src/hotplug");
    reports = dir.resolve("target/hotplug-reports");
    Files.createDirectories(specs.resolve("old"));
    Files.writeString(specs.resolve("fixed.yaml"), BuildVerdictTest.S1_V419
        .replace("v4.19", "v5.0"));
    Files.writeString(specs.resolve("old/prefix.yaml"), BuildVerdictTest.S1_V419);
    mojo = new CheckMojo();
    set("specDirectory", specs.toFile());
    set("reportsDirectory", reports.toFile());
    set("workers", 1);
    set("engine", "explicit");
    set("failOnViolation", true);
    set("skip", false);
  }

  @Test
  void failsOnAnUnexpectedViolationAfterWritingReports() {
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(e.getMessage().contains("spec 's1-x86-v4.19'"), e.getMessage());
    assertTrue(Files.isRegularFile(reports.resolve("index.html")));
    assertTrue(Files.isRegularFile(reports.resolve("traces/s1-x86-v4.19-no_oops.itf.json")));
  }

  /** A Maven log that keeps every line with its level. */
  static final class RecordingLog extends org.apache.maven.plugin.logging.SystemStreamLog {
    final List<String> lines = new java.util.ArrayList<>();

    @Override
    public void info(CharSequence content) {
      lines.add("[INFO] " + content);
    }

    @Override
    public void warn(CharSequence content) {
      lines.add("[WARNING] " + content);
    }

    @Override
    public void error(CharSequence content) {
      lines.add("[ERROR] " + content);
    }
  }

  @Test
  void logsTheFullTraceOfEveryUnexpectedResultAsCheckPrintsIt() throws Exception {
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);
    assertThrows(MojoFailureException.class, mojo::execute);
    String text = String.join("\n", log.lines);
    assertTrue(text.contains("[ERROR]   no_oops is violated after 5 steps:\n"
        + "[ERROR]      initial: node 0: node_online(0)=true"), text);
    assertTrue(text.contains("[ERROR]                 cpu 1: cpu_present(1)=true"), text);
    assertTrue(text.contains("[ERROR]   5. alloc_for_cpu(1): hardware_setup"), text);
    assertTrue(text.contains("[ERROR]        oops: false \u2192 true"), text);
    assertTrue(text.contains("[ERROR]   cpu_node_has_pgdat is violated after 4 steps:"), text);
    // the fixed kernel's spec has nothing unexpected: no trace of it
    assertEquals(2, log.lines.stream().filter(l -> l.contains(" is violated after ")).count());
  }

  @Test
  void onlyWarnsWhenFailOnViolationIsOff() throws Exception {
    set("failOnViolation", false);
    mojo.execute();
    assertTrue(Files.isRegularFile(reports.resolve("junit.xml")));
  }

  @Test
  void excludesLeaveSpecsOut() throws Exception {
    set("excludes", List.of("old/**"));
    mojo.execute();
    String matrix = Files.readString(reports.resolve("matrix.md"));
    assertTrue(matrix.contains("| v5.0 |"), matrix);
    assertFalse(matrix.contains("| v4.19 |"), matrix);
  }

  @Test
  void includesReplaceTheDefaults() throws Exception {
    set("includes", List.of("*.yaml"));
    mojo.execute();
    assertFalse(Files.readString(reports.resolve("matrix.md")).contains("v4.19"));
  }

  @Test
  void skipDoesNothing() throws Exception {
    set("skip", true);
    mojo.execute();
    assertFalse(Files.exists(reports));
  }

  @Test
  void badSpecFailsWithTheLoadersOneLineMessage() throws Exception {
    Files.writeString(specs.resolve("bad.yaml"), "arch: x86\nkernel: v9.9\n");
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals(specs.resolve("bad.yaml") + ":2: field 'kernel': unknown kernel 'v9.9' "
        + "(one of v4.19, v5.0, v5.4-rc, v5.18, alt-numa-mem-id, alt-arch-hook)", e.getMessage());
    assertFalse(Files.exists(reports), "nothing is checked when a spec is bad");
  }

  @Test
  void unknownEngineIsAConfigurationError() throws Exception {
    set("engine", "smt");
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertEquals("unknown engine 'smt' (available: explicit, bmc, kind)", e.getMessage());
  }

  @Test
  void bmcFindsTheSameUnexpectedViolationAndWritesReports() throws Exception {
    set("engine", "bmc");
    set("depth", 6);
    MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(e.getMessage().contains("spec 's1-x86-v4.19'"), e.getMessage());
    assertTrue(Files.isRegularFile(reports.resolve("traces/s1-x86-v4.19-no_oops.itf.json")));
  }

  @Test
  void symmetryOnlyWithTheExplicitEngine() throws Exception {
    set("engine", "bmc");
    set("symmetry", true);
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertEquals("symmetry works only with engine explicit (got engine bmc)", e.getMessage());
  }

  @Test
  void missingSpecDirectoryIsNotAnError() throws Exception {
    set("specDirectory", new File(dir.toFile(), "nowhere"));
    mojo.execute();
    assertFalse(Files.exists(reports));
  }
}
