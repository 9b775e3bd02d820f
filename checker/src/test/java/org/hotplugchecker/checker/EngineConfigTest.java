package org.hotplugchecker.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.checker.EngineConfig.Engine;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;
import org.hotplugchecker.model.HotplugModel;
import org.junit.jupiter.api.Test;

/** The shared engine choice: validation messages and dispatch to the right engine. */
class EngineConfigTest {
  private static EngineConfig config(Engine e, int depth, boolean sym, int bits) {
    return new EngineConfig(e, 1, depth, sym, bits, false, 0);
  }

  @Test
  void rejectsCombinationsNoEngineAcceptsWithOneLine() {
    assertEquals(Optional.of("--symmetry works only with --engine explicit (got --engine bmc)"),
        config(Engine.BMC, 0, true, 0).problem());
    assertEquals(Optional.of("--fingerprint works only with --engine explicit (got --engine "
        + "kind)"), config(Engine.KIND, 0, false, 64).problem());
    assertEquals(Optional.of("--fingerprint must be 64 or 128, got 32"),
        config(Engine.EXPLICIT, 0, false, 32).problem());
    assertEquals(Optional.of("--depth works only with --engine bmc or kind"),
        config(Engine.EXPLICIT, 4, false, 0).problem());
    assertEquals(Optional.of("--max-states works only with --engine explicit (got --engine "
        + "bmc)"), new EngineConfig(Engine.BMC, 1, 0, false, 0, false, 10).problem());
    assertEquals(Optional.of("--solver works only with --engine bmc or kind"),
        new EngineConfig(Engine.EXPLICIT, 1, 0, false, 0, false, 0, SolverBackend.CHOCO)
            .problem());
    assertTrue(new EngineConfig(Engine.KIND, 1, 0, false, 0, false, 0, SolverBackend.CHOCO)
        .problem().isEmpty());
    assertTrue(config(Engine.EXPLICIT, 0, true, 128).problem().isEmpty());
    assertThrows(IllegalArgumentException.class,
        () -> config(Engine.BMC, 0, true, 0).run(null, Progress.NONE));
  }

  @Test
  void defaultDepthsPerEngine() {
    assertEquals(EngineConfig.DEFAULT_BMC_DEPTH, config(Engine.BMC, 0, false, 0).effectiveDepth());
    assertEquals(EngineConfig.DEFAULT_KIND_DEPTH,
        config(Engine.KIND, 0, false, 0).effectiveDepth());
    assertEquals(7, config(Engine.KIND, 7, false, 0).effectiveDepth());
    assertEquals(Optional.of(Engine.KIND), Engine.fromUserName("kind"));
    assertEquals(Optional.of(Engine.KIND), Engine.fromUserName("KIND"), "in any case");
    assertEquals(Optional.empty(), Engine.fromUserName("kinds"));
  }

  @Test
  void everyEngineAgreesWithTheReferenceOnS1() {
    ReferenceCases.Case s1 = ReferenceCases.all().stream()
        .filter(c -> c.name().startsWith("s1") && c.name().contains("x86")
            && c.name().contains("v4.19"))
        .findFirst().orElseThrow();
    HotplugModel model = new HotplugModel(s1.topology());
    CheckResult explicit = EngineConfig.explicit(1).run(model, Progress.NONE);
    assertEquals(s1.states(), explicit.states());
    assertEquals(s1.verdicts(), notation(explicit));
    CheckResult bmc = config(Engine.BMC, 6, false, 0).run(model, Progress.NONE);
    assertEquals("bmc", bmc.engine());
    assertEquals(-1, bmc.states());
    // Every violation the reference lists is found by BMC with the same length.
    s1.verdicts().forEach((name, v) -> {
      if (v.startsWith("violated")) {
        assertEquals(v, notation(bmc).get(name), name);
      }
    });
    CheckResult kind = config(Engine.KIND, 3, false, 0).run(model, Progress.NONE);
    assertEquals("kind", kind.engine());
    notation(kind).forEach((name, v) -> assertTrue(v.equals("unknown")
        || v.equals(s1.verdicts().get(name)), name + ": " + v));
  }

  private static Map<String, String> notation(CheckResult r) {
    Map<String, String> m = new LinkedHashMap<>();
    r.properties().forEach(p -> m.put(p.property().name(), ReferenceCases.referenceNotation(p)));
    return m;
  }
}
