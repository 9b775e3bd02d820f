package org.hotplugchecker.checker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The explicit explorer reproduces every number of {@code shared/reference/counts.json} and
 * every case of {@code knobs-invariants.json}: kernel knobs, and user invariants parsed
 * from their source text.
 */
class ExplicitExplorerReferenceTest {

  static Stream<ReferenceCases.Case> cases() {
    return Stream.concat(ReferenceCases.all().stream(),
        ReferenceCases.knobsAndInvariants().stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reproducesReferenceCountsAndVerdicts(ReferenceCases.Case c) {
    HotplugModel model = HotplugModel.checking(c.topology(), c.properties());
    for (int workers : new int[] {1, 2}) {
      CheckResult r = new ExplicitExplorer().explore(model,
          ExplorerOptions.defaults().withWorkers(workers));
      assertTrue(r.complete());
      assertEquals(c.states(), r.states(), "states");
      assertEquals(c.transitions(), r.transitions(), "transitions");
      Map<String, String> got = new LinkedHashMap<>();
      r.properties().forEach(p -> got.put(p.property().name(), ReferenceCases.referenceNotation(p)));
      assertEquals(c.verdicts(), got);
      TraceReplayer replayer = new TraceReplayer(model);
      for (int p = 0; p < r.properties().size(); p++) {
        int prop = p;
        r.properties().get(p).counterexample().ifPresent(cex ->
            assertEquals(java.util.Optional.empty(), replayer.problems(prop, cex),
                "counterexample of " + model.properties().get(prop).name()));
      }
    }
  }
}
