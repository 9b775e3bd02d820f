package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.reports.CheckRun;
import org.hotplugchecker.reports.PropertyOutcome;
import org.junit.jupiter.api.Test;

class MatrixTest {
  private static final List<CheckRun> S1 = Runs.s1Matrix();

  private static String cell(Matrix.Group g, String kernel, String arch, String property) {
    Matrix.Row row = g.rows().stream().filter(r -> r.kernel().equals(kernel)
        && r.arch().equals(arch)).findFirst().orElseThrow();
    Optional<PropertyOutcome> o = row.cells().get(g.properties().indexOf(property));
    return o.map(Matrix::verdictText).orElse("-");
  }

  @Test
  void oneTablePerMachineWithARowPerKernelAndArch() {
    Matrix m = Matrix.of(S1);
    assertEquals(1, m.groups().size());
    Matrix.Group g = m.groups().get(0);
    assertTrue(g.title().startsWith("2 nodes; cpus: "), g.title());
    assertEquals(List.of("v4.19", "v4.19", "v5.0", "v5.0", "v5.4-rc", "v5.4-rc", "v5.18",
        "v5.18", "alt-numa-mem-id", "alt-numa-mem-id", "alt-arch-hook", "alt-arch-hook"),
        g.rows().stream().map(Matrix.Row::kernel).toList());
    assertEquals(List.of("x86", "generic"),
        g.rows().stream().limit(2).map(Matrix.Row::arch).toList());
    assertEquals(9, g.properties().size());
    assertEquals("cpu_node_has_pgdat", g.properties().get(0));
  }

  @Test
  void cellsMatchTheReferenceTable() {
    // counts.json: s1 rows
    Matrix.Group g = Matrix.of(S1).groups().get(0);
    assertEquals("violated (4)", cell(g, "v4.19", "x86", "cpu_node_has_pgdat"));
    assertEquals("violated (5)", cell(g, "v4.19", "x86", "no_oops"));
    assertEquals("holds", cell(g, "v5.0", "x86", "no_oops"));
    assertEquals("violated (3)", cell(g, "v5.4-rc", "x86", "memory_on_online_node"));
    assertEquals("violated (6)", cell(g, "v4.19", "generic", "online_node_links_cpus"));
    assertEquals("violated (8)", cell(g, "alt-numa-mem-id", "generic", "alloc_local"));
    assertEquals("holds", cell(g, "alt-numa-mem-id", "generic", "no_oops"));
  }

  @Test
  void markdownHasOneTablePerGroupAndMarksUnexpectedCells() {
    String md = Matrix.of(S1).markdown();
    assertEquals(1, md.lines().filter(l -> l.startsWith("## ")).count());
    assertTrue(md.contains("| v4.19 | x86 | s1-x86-v4.19 | violated (4) \u26a0 | holds |"), md);
    assertTrue(md.contains("| v5.0 | x86 | s1-x86-v5.0 | holds | holds |"), md);
    // every table row has the same number of cells as its header
    for (String line : md.lines().filter(l -> l.startsWith("| v")).toList()) {
      assertEquals(13, line.chars().filter(c -> c == '|').count(), line);
    }
  }

  @Test
  void aSpecWithKernelAndArchListsIsOneWholeTable() throws Exception {
    String yaml = """
        name: many
        arch: [x86, generic]
        kernel: [v4.19, v5.0, {base: v5.0, offline_guard: online_blocks},
                 {base: v5.0, no_node_in_allocator: numa_mem_id}]
        nodes: 2
        cpus:
          - {home: 0, boot: true, hotplug: false}
          - {home: 1, boot: true, hotplug: true}
        memory:
          - {home: 0, boot: true, hotplug: false}
          - {home: 1, boot: true, hotplug: true}
        """;
    List<CheckRun> runs = new org.hotplugchecker.model.spec.SpecLoader()
        .parseAll(java.nio.file.Path.of("many.yaml"), yaml).stream().map(Runs::run).toList();
    Matrix m = Matrix.of(runs);
    assertEquals(1, m.groups().size());
    assertEquals(8, m.groups().get(0).rows().size());
    String md = m.markdown();
    assertTrue(md.contains("| v5.4-rc | generic | many[v5.4-rc,generic] |"), md);
    assertTrue(md.contains("| v5.0+no_node_in_allocator=numa_mem_id | x86 | "
        + "many[v5.0+no_node_in_allocator=numa_mem_id,x86] |"), md);
    // the checks' traces keep their names
    TraceFiles files = new TraceFiles(runs);
    assertEquals(java.util.Optional.of("traces/many[v4.19,x86]-no_oops.itf.json"),
        files.of(0, "no_oops"));
  }

  @Test
  void differentShapesAreDifferentGroups() {
    Matrix m = Matrix.of(List.of(
        Runs.run("a", Runs.s1(Arch.X86, KernelVariant.V5_0)),
        Runs.run("b", Runs.s2(Arch.X86, KernelVariant.V5_0)),
        Runs.run("c", Runs.s1(Arch.X86, KernelVariant.V4_19))));
    assertEquals(2, m.groups().size());
    assertEquals(List.of("c", "a"),
        m.groups().get(0).rows().stream().map(Matrix.Row::spec).toList());
    assertTrue(m.groups().get(1).title().contains("2@n2 hot-added"), m.groups().get(1).title());
  }

  @Test
  void aSpecsOwnInvariantsAreColumnsAfterTheBuiltIns() throws Exception {
    String yaml = """
        name: own
        arch: x86
        kernel: [v4.19, v5.0]
        nodes: 2
        cpus:
          - {home: 0, boot: true, hotplug: false}
          - {home: 1, boot: true, hotplug: true}
        memory:
          - {home: 0, boot: true, hotplug: false}
          - {home: 1, boot: true, hotplug: true}
        invariants:
          zz_a_cpu_stays_online: "exists c in cpus: cpu.online[c]"
          aa_node_zero_stays: "node.online[0]"
        """;
    List<CheckRun> runs = new org.hotplugchecker.model.spec.SpecLoader()
        .parseAll(java.nio.file.Path.of("own.yaml"), yaml).stream().map(Runs::run).toList();
    Matrix.Group g = Matrix.of(runs).groups().get(0);
    assertEquals(11, g.properties().size(), g.properties().toString());
    assertEquals("cpu_node_has_pgdat", g.properties().get(0));
    // after the nine built-ins, in the order the spec gives them
    assertEquals(List.of("zz_a_cpu_stays_online", "aa_node_zero_stays"),
        g.properties().subList(9, 11));
    assertEquals("holds", cell(g, "v5.0", "x86", "zz_a_cpu_stays_online"));
    assertTrue(Matrix.of(runs).markdown().contains("aa_node_zero_stays"));
  }
}
