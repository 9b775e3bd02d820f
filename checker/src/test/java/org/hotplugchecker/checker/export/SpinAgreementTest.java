package org.hotplugchecker.checker.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * SPIN, run on our Promela exports, counts the states we count and finds the violations we
 * find: pan's "states, stored" equals our states, its "states, matched" our transitions + 1,
 * its failed assertions are exactly the violated properties, its shortest trail to each
 * ({@code pan -i}, one property exported at a time) is as long as our shortest
 * counterexample, and its vacuity probe finds exercised exactly the action properties that
 * are not vacuous. Against the reference
 * files where they have the case (presets, knob sets, the four user invariants), else
 * against our explorer or a plain search of the rule machine. Skipped, saying so, without
 * {@code spin} and {@code gcc}; {@code -Dhotplug.spin.all=true} runs every reference case
 * instead of a selection.
 */
class SpinAgreementTest {
  private static final boolean ALL = Boolean.getBoolean("hotplug.spin.all");
  private static final Set<String> SELECTED = Set.of("s1-generic-v4.19",
      "s1-generic-alt-numa-mem-id", "s3-x86-v5.4-rc", "s3-generic-v4.19",
      "s2-x86-knobs1", "s2-x86-knobs2", "s2-x86-knobs3", "s2-x86-knobs4", "s2-x86-knobs5",
      "s2-generic-knobs1", "s2-generic-knobs2", "s2-generic-knobs3", "s2-generic-knobs4",
      "s2-generic-knobs5");

  static void assumeSpin() {
    SpinRunner.missingTool().ifPresent(tool -> {
      throw new TestAbortedException("no " + tool + " on PATH: skipping the SPIN agreement "
          + "tests (install them with: apt-get install -y spin gcc)");
    });
  }

  private static SpinResult spin(RuleMachine m) throws IOException, InterruptedException {
    return spin(new PromelaExporter(m).export());
  }

  /** pan's full search of {@code promela}, which must complete. */
  private static SpinResult spin(String promela) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("spin-agreement");
    try {
      SpinResult r = new SpinRunner(dir, 600, SpinRunner.QUICK).verify(promela, 10_000_000, 20);
      assertTrue(r.complete(), () -> "pan stopped early: " + r.problem().orElse("") + "\n"
          + r.output());
      return r;
    } finally {
      deleteDirectory(dir);
    }
  }

  /** Deletes {@code dir} and everything under it (TLC leaves nested state directories). */
  static void deleteDirectory(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }


  private static Set<String> spinViolations(SpinResult r, List<PropertyRule> props) {
    Set<String> out = new LinkedHashSet<>();
    props.stream().map(PropertyRule::name).filter(r::violates).forEach(out::add);
    assertEquals(out.size(), r.violated().size(), "pan failed assertions other than the "
        + "properties': " + r.violated());
    return out;
  }

  private static Set<String> referenceViolations(ReferenceCases.Case c) {
    Set<String> out = new LinkedHashSet<>();
    c.verdicts().forEach((name, v) -> {
      if (v.startsWith("violated")) {
        out.add(name);
      }
    });
    return out;
  }

  static Stream<ReferenceCases.Case> referenceCases() {
    Stream<ReferenceCases.Case> presets = ReferenceCases.all().stream()
        .filter(c -> ALL || c.name().startsWith("s2-") || SELECTED.contains(c.name()));
    Stream<ReferenceCases.Case> knobs = ReferenceCases.knobs().stream()
        .filter(c -> ALL || SELECTED.contains(c.name()));
    return Stream.concat(presets, knobs);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceCases")
  void spinReproducesTheReferenceNumbers(ReferenceCases.Case c) throws Exception {
    assumeSpin();
    HotplugModel model = new HotplugModel(c.topology());
    SpinResult r = spin(model.machine());
    assertEquals(c.states(), r.stored(), "states");
    assertEquals(c.transitions() + 1, r.matched(), "transitions + 1");
    assertEquals(referenceViolations(c), spinViolations(r, model.propertyRules()));
  }

  /**
   * pan's own shortest trail (iterative deepening, {@code pan -i} on {@code -DREACH}) to each
   * violated property, exported alone, is as long as the reference's shortest counterexample.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceCases")
  void spinsShortestTrailsHaveTheReferenceLengths(ReferenceCases.Case c) throws Exception {
    assumeSpin();
    Map<String, Long> lengths = referenceLengths(c);
    assertEquals(referenceViolations(c), lengths.keySet(), "violated verdicts with a length");
    assertShortestTrails(c.topology(), new HotplugModel(c.topology()).propertyRules(), lengths,
        c.states());
  }

  /** The reference's shortest lengths, by property: {@code violated@K} is K. */
  private static Map<String, Long> referenceLengths(ReferenceCases.Case c) {
    Map<String, Long> out = new LinkedHashMap<>();
    c.verdicts().forEach((name, v) -> {
      if (v.startsWith("violated@")) {
        out.put(name, Long.parseLong(v.substring("violated@".length())));
      }
    });
    return out;
  }

  /**
   * For each of {@code props} with a length in {@code lengths}, pan -i's shortest trail on
   * {@code t} (the property exported alone) fails it at the depth that length means.
   */
  private static void assertShortestTrails(Topology t, List<PropertyRule> props,
      Map<String, Long> lengths, long states) throws IOException, InterruptedException {
    for (PropertyRule p : props) {
      Long length = lengths.get(p.name());
      if (length != null) {
        assertEquals(spinDepth(p, length), shortestTrail(t, p, states),
            () -> "shortest " + p.name() + " of " + t);
      }
    }
  }

  /**
   * The depth at which pan fails {@code p}'s assertion on a shortest counterexample of
   * {@code length} steps: an action property's counterexample ends with a step of its
   * action, while the export asserts it, as a state invariant, in the state before.
   */
  private static OptionalLong spinDepth(PropertyRule p, long length) {
    return OptionalLong.of(p instanceof PropertyRule.ActionProperty ? length - 1 : length);
  }

  /**
   * The action properties among {@code props} that SPIN's vacuity probe finds judging a
   * step somewhere on {@code t}, i.e. those not vacuous; the probe's search must still store
   * our {@code states}.
   */
  private static Set<String> spinJudged(Topology t, List<PropertyRule> props, long states)
      throws IOException, InterruptedException {
    RuleMachine m = new RuleMachine(HotplugRules.RULES, t, props);
    SpinResult r = spin(new PromelaExporter(m, PromelaExporter.Assertions.NO_STEP_JUDGED)
        .export());
    assertEquals(states, r.stored(), "states stored by the vacuity probe's search");
    Set<String> out = new LinkedHashSet<>();
    props.stream().filter(p -> p instanceof PropertyRule.ActionProperty)
        .map(PropertyRule::name).filter(r::judges).forEach(out::add);
    return out;
  }

  /** The action properties of {@code props} whose verdict in {@code verdicts} is not vacuous. */
  private static Set<String> notVacuous(List<PropertyRule> props, Map<String, String> verdicts) {
    Set<String> out = new LinkedHashSet<>();
    props.stream().filter(p -> p instanceof PropertyRule.ActionProperty)
        .map(PropertyRule::name).filter(n -> !verdicts.get(n).equals("vacuous"))
        .forEach(out::add);
    return out;
  }

  /** SPIN's vacuity probe finds exercised exactly the action properties the reference does. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("referenceCases")
  void spinsVacuityProbeAgreesWithTheReference(ReferenceCases.Case c) throws Exception {
    assumeSpin();
    List<PropertyRule> props = new HotplugModel(c.topology()).propertyRules();
    assertEquals(notVacuous(props, c.verdicts()), spinJudged(c.topology(), props, c.states()));
  }

  /**
   * Without memory no allocation is served, so {@code alloc_local} is vacuous: the probe
   * must find it never judged, where the reference cases all have it judged.
   */
  @Test
  void spinsVacuityProbeFindsAVacuousProperty() throws Exception {
    assumeSpin();
    Topology t = Topology.of(Arch.X86, KernelVariant.V5_0, 2, new int[][] {{10, 20}, {20, 10}},
        List.of(new Component(0, true, false), new Component(1, true, true)), List.of(),
        Set.of());
    HotplugModel model = new HotplugModel(t);
    CheckResult ours = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    assertEquals(Verdict.VACUOUS, ours.verdicts().get("alloc_local"));
    assertEquals(Set.of(), spinJudged(t, model.propertyRules(), ours.states()));
  }

  /** pan -i's shortest trail to {@code p}'s failure on {@code t}, {@code p} exported alone. */
  private static OptionalLong shortestTrail(Topology t, PropertyRule p, long states)
      throws IOException, InterruptedException {
    RuleMachine m = new RuleMachine(HotplugRules.RULES, t, List.of(p));
    Path dir = Files.createTempDirectory("spin-shortest");
    try {
      // The first pass is an unbounded DFS: its depth is at most the number of states.
      return new SpinRunner(dir, 600, SpinRunner.QUICK).shortestTrail(
          new PromelaExporter(m, PromelaExporter.Assertions.EVERY_FAILURE).export(), states + 1, 18);
    } finally {
      deleteDirectory(dir);
    }
  }

  static Stream<ReferenceCases.Case> invariantCases() {
    return ReferenceCases.knobsAndInvariants().stream().filter(c -> !c.invariants().isEmpty());
  }

  /** The four user invariants of knobs-invariants.json, built by hand as the parser would. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("invariantCases")
  void spinChecksUserInvariantsAsTheReferenceSays(ReferenceCases.Case c) throws Exception {
    assumeSpin();
    List<PropertyRule> props = new ArrayList<>(new HotplugModel(c.topology()).propertyRules());
    props.addAll(TestInvariants.reference());
    assertEquals(c.invariants().keySet(), Set.copyOf(TestInvariants.reference().stream()
        .map(PropertyRule::name).toList()), "the reference's invariants");
    RuleMachine m = new RuleMachine(HotplugRules.RULES, c.topology(), props);
    SpinResult r = spin(m);
    assertEquals(c.states(), r.stored(), "states");
    assertEquals(c.transitions() + 1, r.matched(), "transitions + 1");
    assertEquals(referenceViolations(c), spinViolations(r, props));
    assertShortestTrails(c.topology(), TestInvariants.reference(), referenceLengths(c),
        c.states());
  }

  static Stream<Topology> trickyTopologies() {
    List<Component> cpus = List.of(new Component(0, true, false), new Component(1, false, true),
        new Component(2, false, true));
    List<Component> blocks = List.of(new Component(0, true, false), new Component(1, true, true),
        new Component(2, false, true));
    int[][] distance = {{10, 30, 12}, {14, 10, 40}, {25, 11, 10}};
    return Stream.of(
        ReferenceCases.all().stream().filter(c -> c.name().equals("s2-generic-v4.19"))
            .findFirst().orElseThrow().topology(),
        Topology.of(Arch.X86, KernelVariant.ALT_NUMA_MEM_ID, 3, distance, cpus, blocks,
            Set.of(Fault.ADD_MEMORY_FAILS)),
        Topology.of(Arch.GENERIC, KernelVariant.V4_19, 3, distance, cpus, blocks,
            Set.of(Fault.ADD_MEMORY_FAILS)));
  }

  /** Hand-built invariants that stress the translation, against a plain search of the rules. */
  @ParameterizedTest
  @MethodSource("trickyTopologies")
  void spinAgreesOnTrickyInvariants(Topology t) throws Exception {
    assumeSpin();
    List<PropertyRule> props = new ArrayList<>(new HotplugModel(t).propertyRules());
    props.addAll(TestInvariants.tricky());
    RuleMachine m = new RuleMachine(HotplugRules.RULES, t, props);
    MachineSearch ours = MachineSearch.of(m);
    SpinResult r = spin(m);
    assertEquals(ours.states(), r.stored(), "states");
    assertEquals(ours.transitions() + 1, r.matched(), "transitions + 1");
    assertEquals(ours.violated(), spinViolations(r, props));
    assertShortestTrails(t, props, ours.shortest(), ours.states());
  }

  /** Two bench rungs, larger than the reference cases, against the explicit explorer. */
  @Test
  void spinAgreesOnBenchRungs() throws Exception {
    assumeSpin();
    // No shortest trails here: pan -i searches the whole space again for each depth it
    // lowers its bound by, which took three minutes on these two.
    agreeWithExplorer(Bench.topology(BenchOptions.Rung.parse("2x2x2"), Arch.X86,
        KernelVariant.V5_0), false);
    agreeWithExplorer(Bench.topology(BenchOptions.Rung.parse("3x2x1"), Arch.GENERIC,
        KernelVariant.V4_19), false);
  }

  @Provide
  Arbitrary<Topology> knobTopologies() {
    return TopologyArbitraries.smallWithKnobs();
  }

  /**
   * Random topologies, knob sets, faults and distances (small: each try compiles pan).
   * jqwik would count an aborted try as a rejected sample, so the skip is a hook.
   */
  @Property(tries = 6)
  @AddLifecycleHook(SkipWithoutSpin.class)
  void spinAgreesOnRandomTopologies(@ForAll("knobTopologies") Topology t) throws Exception {
    agreeWithExplorer(t, true);
  }

  @Provide
  Arbitrary<TestInvariants.Random> userInvariants() {
    return TestInvariants.random();
  }

  /**
   * Random user invariants (every construct of the language, out-of-range reads among
   * them) on random knob topologies: the export's translation of the expressions must make
   * pan fail exactly the invariants our explorer finds violated, at the same depth, on the
   * same state space.
   */
  @Property(tries = 10)
  @AddLifecycleHook(SkipWithoutSpin.class)
  void spinAgreesOnRandomUserInvariants(@ForAll("knobTopologies") Topology t,
      @ForAll("userInvariants") TestInvariants.Random random) throws Exception {
    List<PropertyRule> invariants = random.rules();
    List<PropertyRule> props = new ArrayList<>(new HotplugModel(t).propertyRules());
    props.addAll(invariants);
    CheckResult ours = new ExplicitExplorer().explore(HotplugModel.checking(t, props),
        ExplorerOptions.defaults());
    SpinResult r = spin(new RuleMachine(HotplugRules.RULES, t, props));
    assertEquals(ours.states(), r.stored(), () -> "states of " + t);
    assertEquals(ours.transitions() + 1, r.matched(), () -> "transitions + 1 of " + t);
    Map<String, Long> lengths = violatedLengths(ours);
    assertEquals(lengths.keySet(), spinViolations(r, props), () -> "violations of " + t);
    lengths.keySet().retainAll(invariants.stream().map(PropertyRule::name).toList());
    Statistics.label("user invariants violated").collect(lengths.size() + " of "
        + invariants.size());
    assertShortestTrails(t, invariants, lengths, ours.states());
  }

  /** The properties {@code ours} finds violated, each with its counterexample's length. */
  static Map<String, Long> violatedLengths(CheckResult ours) {
    Map<String, Long> lengths = new LinkedHashMap<>();
    for (PropertyResult p : ours.properties()) {
      if (p.verdict() == Verdict.VIOLATED) {
        lengths.put(p.property().name(), (long) p.length());
      }
    }
    return lengths;
  }

  /** Skips a jqwik property, saying why, when spin or gcc is missing. */
  static final class SkipWithoutSpin implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return SpinRunner.missingTool().map(tool -> SkipResult.skip("no " + tool + " on PATH: "
          + "skipping the SPIN agreement tests (install them with: apt-get install -y spin "
          + "gcc)")).orElse(SkipResult.doNotSkip());
    }
  }

  /**
   * SPIN's counts and violations on {@code t} are ours; and, if asked, its shortest trails
   * and the action properties its vacuity probe finds exercised.
   */
  private static void agreeWithExplorer(Topology t, boolean trailsAndVacuity) throws Exception {
    HotplugModel model = new HotplugModel(t);
    CheckResult ours = new ExplicitExplorer().explore(model, ExplorerOptions.defaults());
    SpinResult r = spin(model.machine());
    assertEquals(ours.states(), r.stored(), () -> "states of " + t);
    assertEquals(ours.transitions() + 1, r.matched(), () -> "transitions + 1 of " + t);
    Map<String, Long> lengths = violatedLengths(ours);
    assertEquals(lengths.keySet(), spinViolations(r, model.propertyRules()),
        () -> "violations of " + t);
    if (!trailsAndVacuity) {
      return;
    }
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (PropertyResult p : ours.properties()) {
      verdicts.put(p.property().name(), p.verdict().specName());
    }
    assertEquals(notVacuous(model.propertyRules(), verdicts),
        spinJudged(t, model.propertyRules(), ours.states()), () -> "vacuity of " + t);
    assertShortestTrails(t, model.propertyRules(), lengths, ours.states());
  }
}
