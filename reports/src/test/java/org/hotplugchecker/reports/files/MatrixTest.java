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

  private static String cell(Matrix.Group g, String kernel, String property) {
    Matrix.Row row = g.rows().stream().filter(r -> r.kernel().equals(kernel)).findFirst()
        .orElseThrow();
    Optional<PropertyOutcome> o = row.cells().get(g.properties().indexOf(property));
    return o.map(Matrix::verdictText).orElse("-");
  }

  @Test
  void groupsByArchAndShapeWithOneRowPerKernel() {
    Matrix m = Matrix.of(S1);
    assertEquals(2, m.groups().size());
    Matrix.Group x86 = m.groups().get(0);
    assertTrue(x86.title().startsWith("x86, 2 nodes"), x86.title());
    assertEquals(List.of("v4.19", "v5.0", "v5.4-rc", "v5.18", "alt-numa-mem-id", "alt-arch-hook"),
        x86.rows().stream().map(Matrix.Row::kernel).toList());
    assertEquals(9, x86.properties().size());
    assertEquals("cpu_node_has_pgdat", x86.properties().get(0));
  }

  @Test
  void cellsMatchTheReferenceTable() {
    // counts.json: s1 rows
    Matrix m = Matrix.of(S1);
    Matrix.Group x86 = m.groups().get(0);
    Matrix.Group generic = m.groups().get(1);
    assertEquals("violated (4)", cell(x86, "v4.19", "cpu_node_has_pgdat"));
    assertEquals("violated (5)", cell(x86, "v4.19", "no_oops"));
    assertEquals("holds", cell(x86, "v5.0", "no_oops"));
    assertEquals("violated (3)", cell(x86, "v5.4-rc", "memory_on_online_node"));
    assertEquals("violated (6)", cell(generic, "v4.19", "online_node_links_cpus"));
    assertEquals("violated (8)", cell(generic, "alt-numa-mem-id", "alloc_local"));
    assertEquals("holds", cell(generic, "alt-numa-mem-id", "no_oops"));
  }

  @Test
  void markdownHasOneTablePerGroupAndMarksUnexpectedCells() {
    String md = Matrix.of(S1).markdown();
    assertEquals(2, md.lines().filter(l -> l.startsWith("## ")).count());
    assertTrue(md.contains("| v4.19 | s1-x86-v4.19 | violated (4) \u26a0 | holds |"), md);
    assertTrue(md.contains("| v5.0 | s1-x86-v5.0 | holds | holds |"), md);
    // every table row has the same number of cells as its header
    for (String line : md.lines().filter(l -> l.startsWith("| v")).toList()) {
      assertEquals(12, line.chars().filter(c -> c == '|').count(), line);
    }
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
}
