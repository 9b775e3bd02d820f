package org.hotplugchecker.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpecFilesTest {
  private static final SpecFiles DEFAULTS = SpecFiles.defaults();

  @Test
  void doubleStarMatchesZeroOrMoreDirectories() {
    assertTrue(DEFAULTS.matches("s1.yaml"));
    assertTrue(DEFAULTS.matches("x86/s1.yml"));
    assertTrue(DEFAULTS.matches("a/b/c/s1.json"));
    assertFalse(DEFAULTS.matches("s1.yaml.bak"));
    assertFalse(DEFAULTS.matches("notes.txt"));
  }

  @Test
  void singleStarStaysWithinOneDirectory() {
    SpecFiles top = new SpecFiles(List.of("*.yaml"), List.of());
    assertTrue(top.matches("s1.yaml"));
    assertFalse(top.matches("x86/s1.yaml"));
    SpecFiles one = new SpecFiles(List.of("s?.yaml"), List.of());
    assertTrue(one.matches("s1.yaml"));
    assertFalse(one.matches("s10.yaml"));
  }

  @Test
  void excludesWin() {
    SpecFiles f = new SpecFiles(SpecFiles.DEFAULT_INCLUDES, List.of("broken/", "**/*-slow.yaml"));
    assertFalse(f.matches("broken/a.yaml"));
    assertFalse(f.matches("big/s9-slow.yaml"));
    assertTrue(f.matches("big/s9.yaml"));
  }

  @Test
  void regexCharactersInPatternsAreLiteral() {
    SpecFiles f = new SpecFiles(List.of("a+b(1).yaml"), List.of());
    assertTrue(f.matches("a+b(1).yaml"));
    assertFalse(f.matches("aab1.yaml"));
  }

  @Test
  void scanListsMatchingFilesSorted(@TempDir Path dir) throws IOException {
    for (String f : List.of("z.yaml", "a/b.yml", "a/notes.md", "c.json", "sub/dir/d.yaml",
        "target/hotplug-reports/results.json", "sub/target/t.yaml", ".git/x.json")) {
      Path p = dir.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x");
    }
    assertEquals(List.of("a/b.yml", "c.json", "sub/dir/d.yaml", "z.yaml"),
        DEFAULTS.scan(dir).stream().map(p -> dir.relativize(p).toString().replace('\\', '/'))
            .toList());
  }

  @Test
  void expandKeepsFilesInArgumentOrderAndScansDirectories(@TempDir Path dir) throws IOException {
    Path specs = dir.resolve("specs");
    for (String f : List.of("b.yaml", "a/c.json", "notes.txt")) {
      Path p = specs.resolve(f);
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x");
    }
    Path missing = dir.resolve("missing.yaml");
    assertEquals(List.of(missing, specs.resolve("a/c.json"), specs.resolve("b.yaml")),
        DEFAULTS.expand(List.of(missing, specs)));
  }
}
