package org.hotplugchecker.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecTexts;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.reports.CheckRun;
import org.junit.jupiter.api.Test;

class BuildVerdictTest {
  static final String S1_V419 = "name: s1-x86-v4.19\n" + SpecTexts.s1("v4.19");


  static final org.hotplugchecker.checker.EngineConfig ENGINE = Engines.of("explicit", 1);

  static CheckRun check(String yaml) throws SpecException {
    return CheckRun.check(new SpecLoader().parse(Path.of("s1.yaml"), yaml), ts -> ENGINE.run(ts, org.hotplugchecker.checker.Progress.NONE));
  }

  @Test
  void failureNamesSpecPropertyAndTheCounterexampleUpToItsLastStep() throws SpecException {
    String msg = BuildVerdict.failureMessage(List.of(check(S1_V419)), "see index.html");
    assertTrue(msg.startsWith("2 properties are not as expected:\n"), msg);
    // 4 steps: the first three and the last are all of them
    assertTrue(msg.contains("spec 's1-x86-v4.19' (s1.yaml): property 'cpu_node_has_pgdat' is "
        + "violated (4 steps), expected holds or vacuous; counterexample: 1. "), msg);
    assertTrue(msg.contains("2. remove_memory(1) \u2192 arch_remove_memory \u2192 "
        + "try_offline_node(1); 3. cpu_down(1)"), msg);
    String pgdat = msg.lines().filter(l -> l.contains("'cpu_node_has_pgdat'")).findFirst()
        .orElseThrow();
    assertTrue(pgdat.contains("; 4. hotremove_cpu(1): acpi_processor_remove(1)"), pgdat);
    assertFalse(pgdat.contains("..."), pgdat);
    // 5 steps: three, then the oops step itself
    String oops = msg.lines().filter(l -> l.contains("'no_oops'")).findFirst().orElseThrow();
    assertTrue(oops.contains("property 'no_oops' is violated (5 steps)"), oops);
    assertTrue(oops.contains("; 3. cpu_down(1) \u2192 _cpu_down(1); ...; 5. alloc_for_cpu(1)"),
        oops);
    assertTrue(oops.endsWith("oops: NODE_DATA(-1) out of bounds (5 steps)"), oops);
    assertFalse(oops.contains("4. "), oops);
    assertTrue(msg.endsWith("see index.html"), msg);
  }

  @Test
  void anExpectationTheRunDidNotDecideFailsTheBuildWithTheReason() throws SpecException {
    String yaml = S1_V419 + "expect:\n  cpu_node_has_pgdat: violated@4\n  no_oops: violated@5\n";
    CheckRun run = CheckRun.check(new SpecLoader().parse(Path.of("s1.yaml"), yaml),
        ts -> Engines.of("kind", 1, 2, false, 0).run(ts,
            org.hotplugchecker.checker.Progress.NONE));
    String msg = BuildVerdict.failureMessage(List.of(run), "x");
    assertTrue(msg.startsWith("2 expectations were not decided:\n"), msg);
    assertTrue(msg.contains("spec 's1-x86-v4.19' (s1.yaml): property 'no_oops' was not "
        + "decided, so its expectation violated@5 is not confirmed: "), msg);
    assertTrue(msg.contains("no counterexample up to depth 1"), msg);
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
    assertTrue(msg.contains("'cpu_node_has_pgdat' is violated (4 steps), expected violated@3"), msg);
  }

  @Test
  void aResourceLimitFailsTheBuildAsIncomplete() throws SpecException {
    String yaml = S1_V419.replace("v4.19", "v5.0");
    CheckRun run = CheckRun.check(new SpecLoader().parse(Path.of("s1.yaml"), yaml),
        ts -> new ExplicitExplorer().explore(ts, ExplorerOptions.defaults().withMaxStates(3)));
    String msg = BuildVerdict.failureMessage(List.of(run), "x");
    assertEquals("1 spec was not checked to the end:\nspec 's1-x86-v5.0' (s1.yaml): "
        + "state limit of 3 reached, so some properties are unknown\nx", msg);
  }

  @Test
  void unknownEngineOrWorkersAreRejectedWithOneLine() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Engines.of("symbolic", 1));
    assertEquals("unknown engine 'symbolic' (available: explicit, bmc, kind)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Engines.of("explicit", 0));
  }
}
