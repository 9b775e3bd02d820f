package org.hotplugchecker.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hotplugchecker.cli.EngineOptions;
import org.hotplugchecker.cli.SpecChecker;
import org.hotplugchecker.checker.Progress;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The committed specs/reference/*.yaml say exactly what counts.json says: same topology,
 * an expectation equal to the reference verdict for every property, and checking the spec
 * reproduces the reference state and transition counts.
 */
class ReferenceSpecsTest {
  static Stream<JsonNode> cases() {
    return BundledSpecs.referenceCases().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void referenceSpecMatchesCountsJson(JsonNode c) throws SpecException {
    String name = c.get("name").asText();
    Path file = BundledSpecs.referenceDir().resolve(name + ".yaml");
    assertTrue(Files.isRegularFile(file), "missing " + file
        + " (run specs/tools/gen-reference-specs.py)");
    SpecLoader loader = new SpecLoader();
    Spec spec = loader.load(file);
    // counts.json's topology objects use the spec field names, so the loader reads them.
    Spec reference = loader.parse(Path.of("counts.json#" + name), c.get("topology").toString());
    assertEquals(name, spec.name());
    assertEquals(reference.topology(), spec.topology());
    assertEquals(org.hotplugchecker.model.rules.HotplugRules.RULES.properties(), spec.properties());
    Map<String, String> expected = new LinkedHashMap<>();
    c.get("verdicts").properties().forEach(e -> expected.put(e.getKey(),
        e.getValue().asText()));
    Map<String, String> pinned = spec.expect().entrySet().stream().collect(Collectors.toMap(
        Map.Entry::getKey, e -> e.getValue().toString(), (a, b) -> a, LinkedHashMap::new));
    assertEquals(expected, pinned);

    CheckRun run = new SpecChecker(new EngineOptions()).check(spec, Progress.NONE);
    assertEquals(c.get("states").asLong(), run.result().states(), "states");
    assertEquals(c.get("transitions").asLong(), run.result().transitions(), "transitions");
    assertEquals(RunStatus.PASSED, run.status());
    assertTrue(run.asExpected());
  }

  @Test
  void everyReferenceSpecHasACase() {
    Set<String> cases = cases().map(c -> c.get("name").asText() + ".yaml")
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> files = BundledSpecs.yamlFiles(BundledSpecs.referenceDir()).stream()
        .map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(cases, files);
    assertEquals(36, files.size());
  }
}
