package org.hotplugchecker.checker.oracle;

import org.hotplugchecker.model.spec.SpecWriter;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.hotplugchecker.checker.ReferenceCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The clean-room oracle reproduces every number of {@code shared/reference/counts.json} and
 * the kernel-knob cases of {@code knobs-invariants.json}.
 */
class OracleReferenceTest {

  static Stream<ReferenceCases.Case> cases() {
    return Stream.concat(ReferenceCases.all().stream(), ReferenceCases.knobs().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oracleReproducesReference(ReferenceCases.Case c) {
    OracleExplorer.Result r = OracleExplorer.explore(c.topology());
    String spec = SpecWriter.of(c.topology());
    assertEquals(c.states(), r.states(), "states of\n" + spec);
    assertEquals(c.transitions(), r.transitions(), "transitions of\n" + spec);
    assertEquals(c.verdicts(), r.verdicts(), "verdicts of\n" + spec);
  }
}
