package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.spec.Expectation;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bug catalogue ({@code specs/history/*.yaml}): every expectation holds with the
 * explicit explorer, and every bug has a spec where it shows and one where it is fixed.
 */
class HistorySpecsTest {

  /** {@code specs/history} of the repository, found above the working directory. */
  static Path historyDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("specs/history");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("specs/history not found above "
        + Path.of("").toAbsolutePath());
  }

  static List<Path> specFiles() throws IOException {
    try (Stream<Path> files = Files.list(historyDir())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  List<DynamicTest> everyExpectationIsMet() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : specFiles()) {
      tests.add(DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }
    assertFalse(tests.isEmpty(), "no history specs");
    return tests;
  }

  private static void check(Path file) throws SpecException {
    Spec spec = new SpecLoader().load(file);
    assertFalse(spec.expect().isEmpty(), file + " expects nothing");
    CheckResult r = new ExplicitExplorer().explore(
        HotplugModel.checking(spec.topology(), spec.properties()), ExplorerOptions.defaults());
    for (Map.Entry<String, Expectation> e : spec.expect().entrySet()) {
      PropertyResult p = r.property(e.getKey()).orElseThrow();
      String actual = p.verdict().specName() + (p.length() >= 0 ? "@" + p.length() : "");
      assertTrue(e.getValue().isMetBy(p.verdict().specName(), p.length()),
          () -> file.getFileName() + ": " + e.getKey() + " expected " + e.getValue()
              + ", got " + actual);
    }
  }

  @Test
  void everyBugShowsOnOneVariantAndNotOnAnother() throws IOException, SpecException {
    // Files are named <commit-or-topic>-<what>-<arch>-<kernel>.yaml; group by the part
    // before the arch.
    Map<String, boolean[]> bugs = new TreeMap<>();
    for (Path file : specFiles()) {
      String name = file.getFileName().toString();
      String bug = name.replaceAll("-(x86|generic)-[^-]+(-rc)?\\.yaml$", "");
      Spec spec = new SpecLoader().load(file);
      boolean violated = spec.expect().values().stream()
          .anyMatch(x -> x.verdict().equals("violated"));
      bugs.computeIfAbsent(bug, k -> new boolean[2])[violated ? 0 : 1] = true;
    }
    assertTrue(bugs.size() >= 4, "catalogue has " + bugs.keySet());
    bugs.forEach((bug, seen) -> {
      assertTrue(seen[0], bug + ": no spec shows the bug");
      assertTrue(seen[1], bug + ": no spec shows the fix");
    });
  }
}
