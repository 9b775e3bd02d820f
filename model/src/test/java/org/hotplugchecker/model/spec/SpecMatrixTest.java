package org.hotplugchecker.model.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/** {@code kernel:} and {@code arch:} lists: one check per combination, named NAME[K,A]. */
class SpecMatrixTest {
  private static final Path FILE = Path.of("m.yaml");
  private static final String MACHINE = SpecTexts.S1_MACHINE;

  private static List<Spec> parse(String text) throws SpecException {
    return new SpecLoader().parseAll(FILE, text);
  }

  private static SpecException error(String text) {
    return assertThrows(SpecException.class, () -> parse(text));
  }

  @Test
  void listsExpandToOneCheckPerKernelAndArchInFileOrder() throws SpecException {
    List<Spec> specs = parse("name: s1\narch: [x86, generic]\n"
        + "kernel: [v4.19, {base: v5.0, offline_guard: online_blocks}, "
        + "{base: v5.0, no_node_in_allocator: numa_mem_id}]\n" + MACHINE);
    assertEquals(List.of("s1[v4.19,x86]", "s1[v4.19,generic]", "s1[v5.4-rc,x86]",
        "s1[v5.4-rc,generic]", "s1[v5.0+no_node_in_allocator=numa_mem_id,x86]",
        "s1[v5.0+no_node_in_allocator=numa_mem_id,generic]"),
        specs.stream().map(Spec::name).toList());
    assertEquals(Arch.GENERIC, specs.get(1).topology().arch());
    assertEquals(KernelVariant.V5_4_RC.kernel(), specs.get(2).topology().kernel());
    // the machine is the same in every check
    assertTrue(specs.stream().allMatch(s -> s.topology().withKernel(KernelVariant.V5_0)
        .withArch(Arch.X86).equals(specs.get(0).topology().withKernel(KernelVariant.V5_0))));
  }

  @Test
  void aSingleCheckKeepsItsName() throws SpecException {
    assertEquals("s1", parse("name: s1\narch: x86\nkernel: v5.0\n" + MACHINE).get(0).name());
    assertEquals("s1", parse("name: s1\narch: [x86]\nkernel: [v5.0]\n" + MACHINE).get(0)
        .name());
    assertEquals("m[v5.0,x86]", parse("arch: x86\nkernel: [v5.0, v5.18]\n" + MACHINE).get(0)
        .name());
  }

  @Test
  void loadTakesOnlyOneCheck() {
    SpecException e = assertThrows(SpecException.class, () -> new SpecLoader().parse(FILE,
        "arch: [x86, generic]\nkernel: v5.0\n" + MACHINE));
    assertTrue(e.getMessage().contains("make 2 checks"), e.getMessage());
  }

  @Test
  void expectationsForEveryCheckOrByKernelArchOrBoth() throws SpecException {
    List<Spec> specs = parse("arch: [x86, generic]\nkernel: [v4.19, v5.0]\n" + MACHINE + """
        expect:
          alloc_local: holds
          no_oops:
            v4.19: violated@5
            v4.19,generic: violated@7
            v5.0,x86: holds
          cpu_node_has_pgdat:
            generic: violated
          online_node_has_pgdat: {v5.0: holds, x86: holds}
        """);
    Map<String, Map<String, Expectation>> byName = new java.util.HashMap<>();
    specs.forEach(s -> byName.put(s.name(), s.expect()));
    assertEquals("violated@5", byName.get("m[v4.19,x86]").get("no_oops").toString());
    assertEquals("violated@7", byName.get("m[v4.19,generic]").get("no_oops").toString());
    assertEquals("holds", byName.get("m[v5.0,x86]").get("no_oops").toString());
    assertFalse(byName.get("m[v5.0,generic]").containsKey("no_oops"));
    assertEquals("violated", byName.get("m[v5.0,generic]").get("cpu_node_has_pgdat")
        .toString());
    assertFalse(byName.get("m[v5.0,x86]").containsKey("cpu_node_has_pgdat"));
    assertTrue(specs.stream().allMatch(s -> s.expect().get("alloc_local").toString()
        .equals("holds")));
    // a kernel key and an arch key may both name a check when they agree
    assertEquals("holds", byName.get("m[v5.0,x86]").get("online_node_has_pgdat").toString());
    assertEquals("holds", byName.get("m[v4.19,x86]").get("online_node_has_pgdat").toString());
    assertFalse(byName.get("m[v4.19,generic]").containsKey("online_node_has_pgdat"));
  }

  @Test
  void aKernelAndAnArchThatDisagreeOnACheckAreAnError() {
    SpecException e = error("arch: [x86, generic]\nkernel: [v4.19, v5.0]\n" + MACHINE + """
        expect:
          no_oops:
            v4.19: violated@5
            x86: holds
        """);
    assertEquals("expect.no_oops.x86", e.field());
    assertTrue(e.getMessage().contains("'v4.19' and 'x86' both name check [v4.19,x86]"),
        e.getMessage());
    assertEquals(13, e.line());
  }

  @Test
  void aKeyThatNamesNoCheckIsAnError() {
    SpecException e = error("arch: x86\nkernel: [v4.19, v5.0]\n" + MACHINE + """
        expect:
          no_oops:
            v5.18: holds
        """);
    assertEquals("expect.no_oops.v5.18", e.field());
    assertTrue(e.getMessage().contains("names no check of this spec (a kernel, an arch or "
        + "KERNEL,ARCH of: v4.19, v5.0, x86)"), e.getMessage());
    SpecException unquoted = error("arch: [x86, generic]\nkernel: [v4.19, v5.0]\n" + MACHINE
        + "expect:\n  no_oops: {v4.19,generic: holds}\n");
    assertEquals("expect.no_oops.v4.19", unquoted.field());
    assertTrue(unquoted.getMessage().contains("a KERNEL,ARCH key needs quotes"),
        unquoted.getMessage());
    assertEquals("expect.no_oops.v5.0,generic", error("arch: x86\nkernel: [v4.19, v5.0]\n"
        + MACHINE + "expect:\n  no_oops:\n    v5.0,generic: holds\n").field());
  }

  @Test
  void listsAreCheckedEntryByEntry() {
    assertEquals("kernel[1]", error("arch: x86\nkernel: [v4.19, v9]\n" + MACHINE).field());
    SpecException same = error("arch: x86\nkernel: [v5.0, {base: v4.19, "
        + "clear_cpu_node_on_offline: never}]\n" + MACHINE);
    assertEquals("kernel[1]", same.field());
    assertTrue(same.getMessage().contains("the same kernel as kernel[0] (v5.0)"),
        same.getMessage());
    assertEquals("kernel[1].offline_guard", error("arch: x86\nkernel: [v5.0, {base: v5.0, "
        + "offline_guard: sometimes}]\n" + MACHINE).field());
    assertEquals("arch[1]", error("arch: [x86, x86]\nkernel: v5.0\n" + MACHINE).field());
    assertEquals("arch[1]", error("arch: [x86, arm]\nkernel: v5.0\n" + MACHINE).field());
    assertEquals("kernel", error("arch: x86\nkernel: []\n" + MACHINE).field());
  }

  @Provide
  Arbitrary<List<Kernel>> kernelLists() {
    Arbitrary<Kernel> kernel = Arbitraries.of("never", "always", "generic_only").flatMap(c ->
        Arbitraries.of("present_blocks", "online_blocks").flatMap(g ->
            Arbitraries.of("true", "false").flatMap(p ->
                Arbitraries.of("oops", "numa_mem_id").map(a -> Kernel.of(Map.of(
                    "clear_cpu_node_on_offline", c, "offline_guard", g,
                    "pgdat_for_every_possible_node", p, "no_node_in_allocator", a))))));
    return kernel.list().ofMinSize(1).ofMaxSize(5).uniqueElements();
  }

  /** Any kernel list, presets or knob sets: every check is named, uniquely, by its label. */
  @Property(tries = 200)
  void everyKernelListExpandsWithUniqueReadableNames(@ForAll("kernelLists") List<Kernel> ks,
      @ForAll boolean bothArches) throws SpecException {
    List<String> entries = new ArrayList<>();
    for (Kernel k : ks) {
      entries.add(k.specName());
    }
    String text = "name: x\narch: " + (bothArches ? "[x86, generic]" : "generic") + "\n"
        + "kernel:\n" + entries.stream().map(e -> "  - " + e + "\n").reduce("", String::concat)
        + MACHINE;
    List<Spec> specs = parse(text);
    int arches = bothArches ? 2 : 1;
    assertEquals(ks.size() * arches, specs.size());
    assertEquals(specs.size(), specs.stream().map(Spec::name).distinct().count());
    for (int i = 0; i < specs.size(); i++) {
      Spec s = specs.get(i);
      Kernel k = ks.get(i / arches);
      assertEquals(k, s.topology().kernel());
      if (specs.size() > 1) {
        assertEquals("x[" + k.label() + "," + s.topology().arch() + "]", s.name());
      }
      assertFalse(k.label().contains(" ") || k.label().contains(","), k.label());
    }
  }
}
