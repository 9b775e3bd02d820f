package org.hotplugchecker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.reports.files.SpecRun;
import org.junit.jupiter.api.Test;

class BuildVerdictTest {
  static final String S1_V419 = """
      name: s1-x86-v4.19
      arch: x86
      kernel: v4.19
      nodes: 2
      cpus:
        - {home: 0, boot: true, hotplug: false}
        - {home: 1, boot: true, hotplug: true}
      memory:
        - {home: 0, boot: true, hotplug: false}
        - {home: 1, boot: true, hotplug: true}
      """;

  static final SpecCheck CHECK = new SpecCheck(Engines.of("explicit", 1));

  static SpecRun check(String yaml) throws SpecException {
    return CHECK.run(new SpecLoader().parse(Path.of("s1.yaml"), yaml));
  }

  @Test
  void failureNamesSpecPropertyAndFirstSteps() throws SpecException {
    String msg = BuildVerdict.failureMessage(List.of(check(S1_V419)), "see index.html");
    assertTrue(msg.startsWith("2 properties are not as expected:\n"), msg);
    assertTrue(msg.contains("spec 's1-x86-v4.19' (s1.yaml): property 'cpu_node_has_pgdat' is "
        + "violated (4), expected holds or vacuous; counterexample: 1. "), msg);
    assertTrue(msg.contains("2. remove_memory(1) \u2192 arch_remove_memory \u2192 "
        + "try_offline_node(1); 3. cpu_down(1)"), msg);
    assertTrue(msg.contains("... (4 steps)"), msg);
    assertTrue(msg.contains("property 'no_oops' is violated (5)"), msg);
    assertTrue(msg.endsWith("see index.html"), msg);
  }

  @Test
  void nothingToSayWhenEverythingIsAsExpected() throws SpecException {
    String yaml = S1_V419 + "expect:\n  cpu_node_has_pgdat: violated@4\n  no_oops: violated@5\n";
    assertEquals("", BuildVerdict.failureMessage(List.of(check(yaml)), "x"));
  }

  @Test
  void wrongPinnedLengthFails() throws SpecException {
    String yaml = S1_V419 + "expect:\n  cpu_node_has_pgdat: violated@3\n  no_oops: violated@5\n";
    String msg = BuildVerdict.failureMessage(List.of(check(yaml)), "x");
    assertTrue(msg.startsWith("1 property is not as expected:\n"), msg);
    assertTrue(msg.contains("'cpu_node_has_pgdat' is violated (4), expected violated@3"), msg);
  }

  @Test
  void logLines() throws SpecException {
    SpecRun run = check(S1_V419);
    assertTrue(BuildVerdict.specLine(run).startsWith(
        "s1-x86-v4.19 (x86, v4.19): 19 states, 76 transitions, "), BuildVerdict.specLine(run));
    assertEquals("  cpu_node_has_pgdat: violated (4), expected holds or vacuous - NOT AS EXPECTED",
        BuildVerdict.propertyLine(run.outcomes().get(0)));
    assertEquals("  no_dangling_links: holds, expected holds or vacuous - ok",
        BuildVerdict.propertyLine(run.outcomes().get(2)));
  }

  @Test
  void unknownEngineOrWorkersAreRejectedWithOneLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Engines.of("symbolic", 1));
    assertEquals("unknown engine 'symbolic' (available: explicit)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Engines.of("explicit", 0));
  }
}
