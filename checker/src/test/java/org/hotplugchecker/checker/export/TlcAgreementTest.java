package org.hotplugchecker.checker.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.TopologyArbitraries;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.hotplugchecker.model.topology.Topology;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentest4j.TestAbortedException;

/**
 * TLC, run on our TLA+ exports, finds our distinct states and our violations (one TLC run
 * per property: TLC reports only the first invariant a state violates). TLC is not on Maven
 * Central, so this runs only when given one: {@code -Dhotplug.tlc.classpath=...} or
 * {@code TLC_CLASSPATH} (tla2tools.jar, or classes built from github.com/tlaplus/tlaplus);
 * otherwise it is skipped and says so.
 */
class TlcAgreementTest {
  @TempDir Path dir;

  private static Optional<String> classpath() {
    String p = System.getProperty("hotplug.tlc.classpath", System.getenv("TLC_CLASSPATH"));
    return p == null || p.isBlank() ? Optional.empty() : Optional.of(p);
  }

  static Stream<String> cases() {
    return Stream.of("s1-generic-v4.19", "s1-generic-alt-numa-mem-id", "s2-x86-v5.4-rc",
        "s2-generic-alt-arch-hook", "s3-x86-knobs3", "s1-x86-invariants", "s2-generic-invariants");
  }

  private static ReferenceCases.Case reference(String name) {
    return Stream.concat(ReferenceCases.all().stream(),
        ReferenceCases.knobsAndInvariants().stream()).filter(c -> c.name().equals(name))
        .findFirst().orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void tlcReproducesTheReferenceNumbers(String name) throws Exception {
    String cp = classpath().orElseThrow(() -> new TestAbortedException("no TLC given "
        + "(-Dhotplug.tlc.classpath or TLC_CLASSPATH): skipping the TLC agreement test"));
    ReferenceCases.Case c = reference(name);
    List<PropertyRule> props = new ArrayList<>(new HotplugModel(c.topology()).propertyRules());
    if (!c.invariants().isEmpty()) {
      props.addAll(TestInvariants.reference());
    }
    RuleMachine m = new RuleMachine(HotplugRules.RULES, c.topology(), props);
    TlaExporter tla = new TlaExporter(m, name);
    Files.writeString(dir.resolve(tla.moduleName() + ".tla"), tla.module());
    String all = tlc(cp, tla, tla.config(), "all");
    Matcher counts = Pattern.compile("(\\d+) states generated, (\\d+) distinct states found, "
        + "0 states left on queue").matcher(all);
    assertTrue(counts.find(), all);
    assertEquals(c.states(), Long.parseLong(counts.group(2)), "distinct states");
    // TLC's "states generated" is not our transitions: on s1 it is transitions + 1, on s2
    // TLC counts some successors more than once; it is never fewer.
    assertTrue(Long.parseLong(counts.group(1)) >= c.transitions() + 1, "states generated");
    Set<String> violated = violations(cp, tla, props);
    Set<String> expected = new LinkedHashSet<>();
    c.verdicts().forEach((k, v) -> {
      if (v.startsWith("violated")) {
        expected.add(k);
      }
    });
    assertEquals(expected, violated);
  }

  /** Hand-built invariants that stress the translation, against a plain search of the rules. */
  @ParameterizedTest
  @MethodSource("org.hotplugchecker.checker.export.SpinAgreementTest#trickyTopologies")
  void tlcAgreesOnTrickyInvariants(Topology t) throws Exception {
    String cp = classpath().orElseThrow(() -> new TestAbortedException("no TLC given "
        + "(-Dhotplug.tlc.classpath or TLC_CLASSPATH): skipping the TLC agreement test"));
    List<PropertyRule> props = new ArrayList<>(new HotplugModel(t).propertyRules());
    props.addAll(TestInvariants.tricky());
    RuleMachine m = new RuleMachine(HotplugRules.RULES, t, props);
    MachineSearch ours = MachineSearch.of(m);
    TlaExporter tla = new TlaExporter(m, "tricky");
    Files.writeString(dir.resolve(tla.moduleName() + ".tla"), tla.module());
    assertEquals(ours.states(), distinctStates(tlc(cp, tla, tla.config(), "all")), "states");
    assertEquals(ours.violated(), violations(cp, tla, props));
  }

  @Provide
  Arbitrary<Topology> knobTopologies() {
    return TopologyArbitraries.smallWithKnobs();
  }

  @Provide
  Arbitrary<TestInvariants.Random> userInvariants() {
    return TestInvariants.random();
  }

  /**
   * Random user invariants on random knob topologies, as {@code SpinAgreementTest} checks
   * them with SPIN: TLC's distinct states are our states, it finds violated exactly the
   * invariants our explorer does, and its first trace of each (breadth first, one worker)
   * is as long as our counterexample.
   */
  @Property(tries = 5)
  @AddLifecycleHook(SkipWithoutTlc.class)
  void tlcAgreesOnRandomUserInvariants(@ForAll("knobTopologies") Topology t,
      @ForAll("userInvariants") TestInvariants.Random random) throws Exception {
    List<PropertyRule> invariants = random.rules();
    dir = Files.createTempDirectory("tlc-agreement");
    try {
      List<PropertyRule> props = new ArrayList<>(new HotplugModel(t).propertyRules());
      props.addAll(invariants);
      CheckResult ours = new ExplicitExplorer().explore(HotplugModel.checking(t, props),
          ExplorerOptions.defaults());
      TlaExporter tla = new TlaExporter(new RuleMachine(HotplugRules.RULES, t, props),
          "random");
      Files.writeString(dir.resolve(tla.moduleName() + ".tla"), tla.module());
      String cp = classpath().orElseThrow();
      // No invariant in the counting run: TLC stops at once on one that is constantly false.
      assertEquals(ours.states(), distinctStates(tlc(cp, tla, config(tla, Set.of()),
          "states")), () -> "states of " + t);
      Map<String, Long> lengths = SpinAgreementTest.violatedLengths(ours);
      lengths.keySet().retainAll(invariants.stream().map(PropertyRule::name).toList());
      Map<String, Long> tlcs = new LinkedHashMap<>();
      for (PropertyRule p : invariants) {
        String out = tlc(cp, tla, onlyInvariant(tla, p), p.name());
        firstTraceLength(out, p).ifPresent(n -> tlcs.put(p.name(), n));
      }
      assertEquals(lengths, tlcs, () -> "violated user invariants and lengths of " + t);
    } finally {
      SpinAgreementTest.deleteDirectory(dir);
    }
  }

  /** Skips a jqwik property, saying why, when no TLC is given. */
  static final class SkipWithoutTlc implements SkipExecutionHook {
    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
      return classpath().isPresent() ? SkipResult.doNotSkip() : SkipResult.skip(
          "no TLC given (-Dhotplug.tlc.classpath or TLC_CLASSPATH): skipping the TLC "
          + "agreement test");
    }
  }

  /** {@code tla}'s configuration checking only {@code p}. */
  private static String onlyInvariant(TlaExporter tla, PropertyRule p) {
    return config(tla, Set.of(p.name()));
  }

  /** {@code tla}'s configuration checking only the invariants of the properties named. */
  private static String config(TlaExporter tla, Set<String> properties) {
    return tla.config().lines().filter(l -> !l.startsWith("INVARIANT ")
        || properties.contains(l.substring("INVARIANT Inv_".length())))
        .reduce("", (a, b) -> a + b + "\n");
  }

  /**
   * The steps of TLC's first trace violating {@code p} (its states less one), empty if it
   * found none; the run must otherwise have completed.
   */
  private static Optional<Long> firstTraceLength(String out, PropertyRule p) {
    List<String> lines = out.lines().toList();
    if (lines.contains("Error: The invariant of Inv_" + p.name() + " is equal to FALSE")) {
      return Optional.of(0L); // TLC's word for an invariant false in every state
    }
    String error = "Error: Invariant Inv_" + p.name() + " is violated";
    int at = 0;
    while (at < lines.size() && !lines.get(at).startsWith(error)) {
      at++;
    }
    if (at == lines.size()) {
      assertTrue(out.contains("Model checking completed. No error has been found."), out);
      return Optional.empty();
    }
    if (lines.get(at).equals(error + " by the initial state:")) {
      return Optional.of(0L); // printed with the state, without a behaviour
    }
    int states = 0;
    Pattern state = Pattern.compile("^State (\\d+): .*");
    for (int i = at + 1; i < lines.size() && !lines.get(i).startsWith("Error: Invariant");
        i++) {
      Matcher m = state.matcher(lines.get(i));
      if (m.matches()) {
        states = Integer.parseInt(m.group(1));
      }
    }
    assertTrue(states > 0, out);
    return Optional.of(states - 1L);
  }

  private static long distinctStates(String out) {
    // The closing line; progress lines also count distinct states, so far.
    Matcher counts = Pattern.compile("(\\d+) states generated, (\\d+) distinct states found, "
        + "0 states left on queue").matcher(out);
    assertTrue(counts.find(), out);
    return Long.parseLong(counts.group(2));
  }

  /** The properties TLC finds violated, one run per property. */
  private Set<String> violations(String cp, TlaExporter tla, List<PropertyRule> props)
      throws IOException, InterruptedException {
    Set<String> violated = new LinkedHashSet<>();
    for (PropertyRule p : props) {
      String out = tlc(cp, tla, onlyInvariant(tla, p), p.name());
      if (out.contains("Error: Invariant Inv_" + p.name() + " is violated")) {
        violated.add(p.name());
      } else {
        assertTrue(out.contains("Model checking completed. No error has been found."), out);
      }
    }
    return violated;
  }

  /** Runs TLC (one worker, going on past violations) with configuration {@code cfg}. */
  private String tlc(String cp, TlaExporter tla, String cfg, String tag)
      throws IOException, InterruptedException {
    Path cfgFile = dir.resolve(tla.moduleName() + "_" + tag.replaceAll("\\W", "_") + ".cfg");
    Files.writeString(cfgFile, cfg);
    Path log = dir.resolve("tlc-" + tag + ".log");
    Process p = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseParallelGC", "-cp", cp, "tlc2.TLC", "-workers", "1", "-continue",
        "-nowarning", "-metadir", dir.resolve("meta-" + tag).toString(),
        "-config", cfgFile.getFileName().toString(), tla.moduleName() + ".tla"))
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(600, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("TLC did not finish within 600 s");
    }
    String out = Files.readString(log, StandardCharsets.UTF_8);
    for (String line : out.lines().toList()) {
      if (line.startsWith("Error:") && !line.startsWith("Error: Invariant")
          && !(line.startsWith("Error: The invariant of Inv_")
              && line.endsWith(" is equal to FALSE"))
          && !line.startsWith("Error: The behavior up to this point is:")) {
        throw new AssertionError("TLC: " + line + "\n" + out);
      }
    }
    return out;
  }
}
