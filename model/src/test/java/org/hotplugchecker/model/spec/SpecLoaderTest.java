package org.hotplugchecker.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecLoaderTest {
  private static final Path FILE = Path.of("specs/test.yaml");
  private static final String VALID = """
      name: s1
      arch: x86
      kernel: v4.19
      nodes: 2
      cpus:
        - {home: 0, boot: true, hotplug: false}
        - {home: 1, boot: true, hotplug: true}
      memory:
        - {home: 0, boot: true, hotplug: false}
        - {home: 1, boot: true, hotplug: true}
      expect:
        no_oops: violated@5
        cpu_node_has_pgdat: violated
        alloc_local: holds
      """;

  private static Spec parse(String text) throws SpecException {
    return new SpecLoader().parse(FILE, text);
  }

  private static SpecException error(String text) {
    return assertThrows(SpecException.class, () -> parse(text));
  }

  @Test
  void readsEveryField() throws SpecException {
    Spec s = parse(VALID);
    assertEquals("s1", s.name());
    assertEquals(Arch.X86, s.topology().arch());
    assertEquals(KernelVariant.V4_19.kernel(), s.topology().kernel());
    assertEquals(2, s.topology().nodes());
    assertEquals(new Component(1, true, true), s.topology().cpus().get(1));
    assertEquals(20, s.topology().distance(0, 1));
    assertEquals(HotplugRules.RULES.properties(), s.properties());
    assertTrue(s.expect().get("no_oops").isMetBy("violated", 5));
    assertFalse(s.expect().get("no_oops").isMetBy("violated", 4));
    assertTrue(s.expect().get("cpu_node_has_pgdat").isMetBy("violated", 9));
  }

  @Test
  void jsonWithTheSameFieldsIsASpec() throws SpecException {
    Spec s = parse("""
        {"arch": "generic", "kernel": "v5.18", "nodes": 2,
         "distance": [[10, 30], [30, 10]],
         "cpus": [{"home": 0, "boot": true, "hotplug": false}],
         "memory": [], "faults": ["add_memory_fails"],
         "properties": ["no_oops", "cpu_node_has_pgdat"]}
        """);
    assertEquals(30, s.topology().distance(1, 0));
    assertEquals(List.of("cpu_node_has_pgdat", "no_oops"), s.propertyNames());
    assertEquals("test", s.name());
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("kernel: v4.19", "kernel: v9.9", 3, "kernel", "unknown kernel 'v9.9'"),
        Arguments.of("arch: x86", "arch: sparc", 2, "arch", "unknown arch 'sparc'"),
        Arguments.of("- {home: 1, boot: true, hotplug: true}\nmemory",
            "- {home: 7, boot: true, hotplug: true}\nmemory", 7, "cpus[1].home",
            "out of range 0..1"),
        Arguments.of("- {home: 1, boot: true, hotplug: true}\nmemory",
            "- {home: 1, boot: false, hotplug: false}\nmemory", 7, "cpus[1].boot",
            "not hotplug must be boot"),
        Arguments.of("nodes: 2", "nodes: two", 4, "nodes", "expected an integer"),
        Arguments.of("alloc_local: holds", "alloc_local: maybe", 14, "expect.alloc_local",
            "expected holds"),
        Arguments.of("alloc_local: holds", "alloc_loco: holds", 14, "expect.alloc_loco",
            "unknown property 'alloc_loco'"),
        Arguments.of("name: s1", "name: s1\ncolour: blue", 2, "colour", "unknown field"),
        Arguments.of("- {home: 0, boot: true, hotplug: false}\n  - {home: 1",
            "- {home: 0, boot: yes please, hotplug: false}\n  - {home: 1", 6, "cpus[0].boot",
            "expected true or false"),
        Arguments.of("  - {home: 1, boot: true, hotplug: true}\nexpect",
            "  - {home: 1, boot: true, hotplug: true, size: 2}\nexpect", 10, "memory[1].size",
            "unknown field"),
        Arguments.of("kernel: v4.19", "kernel: {base: v4.19, offline_gaurd: online_blocks}", 3,
            "kernel.offline_gaurd", "unknown field"),
        Arguments.of("kernel: v4.19", "kernel: {base: v4.19, offline_guard: spanned}", 3,
            "kernel.offline_guard", "unknown value 'spanned' (one of present_blocks, online_blocks)"),
        Arguments.of("kernel: v4.19", "kernel: {base: v4.20, offline_guard: online_blocks}", 3,
            "kernel.base", "unknown base kernel 'v4.20'"),
        Arguments.of("kernel: v4.19", "kernel:\n  offline_guard: online_blocks\n  "
            + "clear_cpu_node_on_offline: never\n  no_node_in_allocator: oops", 3,
            "kernel.pgdat_for_every_possible_node", "required knob is missing"),
        Arguments.of("kernel: v4.19", "kernel:\n  base: v5.0\n  "
            + "pgdat_for_every_possible_node: sometimes", 5,
            "kernel.pgdat_for_every_possible_node", "expected true or false"),
        Arguments.of("kernel: v4.19", "kernel: {base: [v5.0]}", 3,
            "kernel.base", "expected a single value"));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void badInputNamesFileLineAndField(String from, String to, int line, String field,
      String reason) {
    SpecException e = error(VALID.replace(from, to));
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().startsWith("specs/test.yaml:" + line + ": field '" + field + "'"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void userInvariantsJoinTheBuiltInProperties() throws SpecException {
    Spec s = parse(VALID.replace("expect:", """
        invariants:
          linked: "forall c in cpus: cpu.online[c] -> cpu.link[c] == cpu.nid[c]"
          some_cpu: >-
            forall n in nodes: node.online[n] ->
              exists c in cpus: cpu.online[c] && cpu.nid[c] == n
        expect:
          some_cpu: violated@1"""));
    List<String> names = s.propertyNames();
    assertEquals(11, names.size());
    assertEquals(List.of("alloc_local", "linked", "some_cpu"), names.subList(8, 11));
    assertTrue(s.expect().get("some_cpu").isMetBy("violated", 1));
    Spec only = parse(VALID.substring(0, VALID.indexOf("expect:")) + """
        invariants:
          linked: "forall c in cpus: cpu.online[c] -> cpu.link[c] == cpu.nid[c]"
        properties: [linked, no_oops]
        """);
    assertEquals(List.of("no_oops", "linked"), only.propertyNames());
  }

  static Stream<Arguments> badInvariants() {
    return Stream.of(
        Arguments.of("x: \"forall c in cpus: cpu.onlin[c]\"", "invariants.x", "column 19"),
        Arguments.of("x: \"forall c in cpus: cpu.nid[c]\"", "invariants.x", "column"),
        Arguments.of("x: \"node.online[0] &&\"", "invariants.x", "column"),
        Arguments.of("no_oops: \"!oops\"", "invariants.no_oops", "built-in property"),
        Arguments.of("bad-name: \"!oops\"", "invariants.bad-name", "letters, digits"),
        Arguments.of("x: [1, 2]", "invariants.x", "expected a single value"));
  }

  @ParameterizedTest
  @MethodSource("badInvariants")
  void badInvariantNamesFileLineFieldAndColumn(String entry, String field, String reason) {
    SpecException e = error(VALID.replace("expect:", "invariants:\n  " + entry + "\nexpect:"));
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(12, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    assertTrue(e.getMessage().startsWith("specs/test.yaml:12: field '" + field + "'"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  void expectationsAndPropertiesMayNameOnlyKnownInvariants() {
    SpecException e = error(VALID.replace("alloc_local: holds", "linked: holds"));
    assertEquals("expect.linked", e.field());
    assertTrue(e.getMessage().contains("unknown property 'linked'"), e.getMessage());
  }

  @Test
  void kernelKnobsOverrideTheirBase() throws SpecException {
    Spec s = parse(VALID.replace("kernel: v4.19",
        "kernel: {base: v5.0, offline_guard: online_blocks}"));
    assertEquals(KernelVariant.V5_4_RC.kernel(), s.topology().kernel());
    assertEquals("v5.4-rc", s.topology().kernel().specName());
    Spec own = parse(VALID.replace("kernel: v4.19", """
        kernel:
          clear_cpu_node_on_offline: always
          offline_guard: online_blocks
          pgdat_for_every_possible_node: true
          no_node_in_allocator: oops"""));
    assertTrue(own.topology().kernel().preset().isEmpty());
    assertEquals("always", own.topology().kernel().value("clear_cpu_node_on_offline"));
    assertEquals("true", own.topology().kernel().value("pgdat_for_every_possible_node"));
    // The name a report gives it reads back as the same kernel.
    Spec again = parse(VALID.replace("kernel: v4.19",
        "kernel: " + own.topology().kernel().specName()));
    assertEquals(own.topology().kernel(), again.topology().kernel());
  }

  @Test
  void everyPresetWrittenAsKnobsIsThatPreset() throws SpecException {
    for (KernelVariant v : KernelVariant.values()) {
      StringBuilder knobs = new StringBuilder("kernel:");
      v.kernel().knobs().forEach((k, value) -> knobs.append("\n  ").append(k).append(": ")
          .append(value));
      Spec s = parse(VALID.replace("kernel: v4.19", knobs.toString()));
      assertEquals(v.specName(), s.topology().kernel().specName());
    }
  }

  @Test
  void malformedYamlGivesTheLine() {
    SpecException e = error("arch: x86\nkernel: [v4.19\nnodes: 2\n");
    assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    assertTrue(e.line() >= 2, e.getMessage());
  }

  @Test
  void missingRequiredFieldIsNamed() {
    SpecException e = error(VALID.replace("nodes: 2\n", ""));
    assertEquals("nodes", e.field());
  }

  @Test
  void cpuZeroMustBeBoot() {
    SpecException e = error(VALID.replace("- {home: 0, boot: true, hotplug: false}\n  - {home: 1",
        "- {home: 0, boot: false, hotplug: true}\n  - {home: 1"));
    assertEquals("cpus[0].boot", e.field());
    assertEquals(6, e.line());
  }

  @Test
  void expectationForUncheckedPropertyIsRejected() {
    SpecException e = error(VALID.replace("expect:", "properties: [no_oops]\nexpect:"));
    assertEquals("expect.cpu_node_has_pgdat", e.field());
  }

  @Test
  void emptyAndMissingFiles() {
    assertTrue(error("").getMessage().contains("empty"));
    SpecException e = assertThrows(SpecException.class,
        () -> new SpecLoader().load(Path.of("no/such/spec.yaml")));
    assertTrue(e.getMessage().startsWith("no/such/spec.yaml: no such file"), e.getMessage());
  }
}
