package org.hotplugchecker.checker.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SPIN, run on our Promela exports, counts the states we count and finds the violations we find. */
class SpinAgreementTest {
  @TempDir Path dir;

  static Stream<ReferenceCases.Case> cases() {
    return ReferenceCases.all().stream().limit(3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void spinAgreesOnReferenceCases(ReferenceCases.Case c) throws Exception {
    assumeTrue(SpinRunner.missingTool().isEmpty(), "no " + SpinRunner.missingTool().orElse("")
        + " on PATH: skipping the SPIN agreement test (apt-get install spin gcc)");
    HotplugModel model = new HotplugModel(c.topology());
    CheckResult ours = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    String promela = new PromelaExporter(model.machine()).export();
    SpinResult spin = new SpinRunner(dir, 300, SpinRunner.QUICK).verify(promela, 1_000_000, 20);
    assertTrue(spin.complete(), spin.output());
    assertEquals(ours.states(), spin.stored(), "states");
    assertEquals(ours.transitions() + 1, spin.matched(), "transitions + 1");
    Set<String> violatedOurs = new LinkedHashSet<>();
    Set<String> violatedSpin = new LinkedHashSet<>();
    ours.properties().forEach(p -> {
      if (p.verdict() == Verdict.VIOLATED) {
        violatedOurs.add(p.property().name());
      }
      if (spin.violates(p.property().name())) {
        violatedSpin.add(p.property().name());
      }
    });
    assertEquals(violatedOurs, violatedSpin);
  }
}
