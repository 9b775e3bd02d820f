package org.hotplugchecker.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the launcher works out before it starts the JVM, in a copy of it inside a made-up
 * checkout, with a {@code java} and an {@code mvn} on the PATH that only record how they
 * were called: the checkout it belongs to, however it is invoked; a rebuild when a source
 * or pom is newer than the jar; a class-data archive dumped again when the {@code java}
 * on the PATH is newer than it or is not the one that dumped it.
 */
class LauncherPathsTest {
  @TempDir Path dir;
  private Path checkout;
  private Path fake;
  private Path calls;
  private Path jar;
  private Path archive;
  private Path source;

  @BeforeEach
  void makeACheckout() throws IOException {
    checkout = dir.resolve("checkout");
    fake = dir.resolve("fake-bin");
    calls = dir.resolve("calls.txt");
    Path launcher = checkout.resolve("bin/hotplug-checker");
    Files.createDirectories(launcher.getParent());
    Files.copy(LauncherRuns.launcher(), launcher);
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    source = checkout.resolve("model/src/main/java/Source.java");
    Files.createDirectories(source.getParent());
    Files.writeString(checkout.resolve("model/pom.xml"), "<project/>\n");
    Files.writeString(source, "class Source {}\n");
    jar = checkout.resolve("cli/target/hotplug-checker.jar");
    archive = Path.of(jar + ".jsa");
    Files.createDirectories(jar.getParent());
    Files.writeString(jar, "not a jar\n");
    Files.createDirectories(fake);
    // java: one line per call with its arguments; a training run writes its archive.
    script(fake.resolve("java"), "printf 'java' >> '" + calls + "'\n"
        + "for a in \"$@\"; do printf ' %s' \"$a\" >> '" + calls + "'\n"
        + "  case \"$a\" in -XX:ArchiveClassesAtExit=*) echo dumped > \"${a#*=}\" ;; esac\n"
        + "done\necho >> '" + calls + "'\n");
    script(fake.resolve("mvn"), "echo \"mvn $* in $PWD\" >> '" + calls + "'\nexit 1\n");
    // Everything older than the jar, the archive newer than it and than the fake java.
    long now = System.currentTimeMillis();
    for (Path p : List.of(checkout.resolve("pom.xml"), checkout.resolve("model/pom.xml"),
        source)) {
      Files.setLastModifiedTime(p, FileTime.fromMillis(now - 600_000));
    }
    Files.setLastModifiedTime(fake.resolve("java"), FileTime.fromMillis(now - 600_000));
    Files.setLastModifiedTime(jar, FileTime.fromMillis(now - 300_000));
    Files.writeString(archive, "archive\n");
    Files.createSymbolicLink(Path.of(archive + ".java"), fake.resolve("java"));
  }

  private static void script(Path file, String body) throws IOException {
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Runs {@code launcher check spec.yaml} from {@code cwd}; returns the exit code. */
  private int launch(Path cwd, String launcher) throws Exception {
    return launch(cwd, launcher, fake);
  }

  /** The same with the {@code java} of directory {@code javaDir} first on the PATH. */
  private int launch(Path cwd, String launcher, Path javaDir) throws Exception {
    List<String> cmd = List.of("bash", "-c", "cd '" + cwd + "' && exec bash '" + launcher
        + "' check spec.yaml");
    return LauncherRuns.run(cmd, Map.of("PATH", javaDir + ":" + System.getenv("PATH")),
        dir.resolve("out.txt"), dir.resolve("err.txt"));
  }

  private List<String> calls() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  /** The value of the argument starting with {@code prefix} in the last java call. */
  private String argument(String prefix) throws IOException {
    List<String> all = calls();
    String last = all.get(all.size() - 1);
    List<String> words = List.of(last.split(" "));
    for (int i = 0; i < words.size(); i++) {
      if (words.get(i).startsWith(prefix)) {
        return prefix.equals("-jar") ? words.get(i + 1) : words.get(i).substring(
            prefix.length());
      }
    }
    throw new AssertionError("no " + prefix + " in " + last);
  }

  private void assertRunsTheCheckoutsJar(String how) throws IOException {
    List<String> all = calls();
    assertEquals(1, all.size(), how + ": " + all);
    assertTrue(all.get(0).startsWith("java "), how + ": " + all);
    assertTrue(all.get(0).endsWith(" check spec.yaml"), how + ": " + all);
    assertEquals(jar.toRealPath(), Path.of(argument("-jar")).toRealPath(), how);
    assertEquals(checkout.resolve("bin/hotplug-checker").toRealPath(),
        Path.of(argument("-Dhotplug.launcher=")).toRealPath(), how);
    assertEquals(archive.toRealPath(), Path.of(argument("-XX:SharedArchiveFile="))
        .toRealPath(), how);
    Files.deleteIfExists(calls);
  }

  @Test
  void theCheckoutIsFoundHoweverTheLauncherIsInvoked() throws Exception {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Path link = dir.resolve("links/hc");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, checkout.resolve("bin/hotplug-checker"));
    assertEquals(0, launch(elsewhere, checkout.resolve("bin/hotplug-checker").toString()));
    assertRunsTheCheckoutsJar("absolute path");
    assertEquals(0, launch(checkout, "bin/hotplug-checker"));
    assertRunsTheCheckoutsJar("relative to the checkout");
    assertEquals(0, launch(checkout, "./bin/./hotplug-checker"));
    assertRunsTheCheckoutsJar("with ./ components");
    assertEquals(0, launch(elsewhere, "../checkout/bin/hotplug-checker"));
    assertRunsTheCheckoutsJar("relative from a sibling directory");
    assertEquals(0, launch(elsewhere, link.toString()));
    assertRunsTheCheckoutsJar("through a symbolic link outside the checkout");
    assertEquals(0, launch(link.getParent(), "hc"));
    assertRunsTheCheckoutsJar("through a relative symbolic link");
  }

  @Test
  void aSourceOrPomNewerThanTheJarIsBuiltFirst() throws Exception {
    for (Path newer : List.of(source, checkout.resolve("model/pom.xml"),
        checkout.resolve("pom.xml"))) {
      FileTime before = Files.getLastModifiedTime(newer);
      Files.setLastModifiedTime(newer, FileTime.fromMillis(System.currentTimeMillis()));
      assertEquals(3, launch(dir, checkout.resolve("bin/hotplug-checker").toString()),
          newer.toString());
      assertEquals(List.of("mvn -B -DskipTests package -pl cli -am in " + checkout),
          calls(), "the fake mvn fails the build, so java never runs: " + newer);
      assertTrue(Files.readString(dir.resolve("err.txt")).contains("the build failed"));
      Files.delete(calls);
      Files.setLastModifiedTime(newer, before);
    }
    // A directory newer than the jar (a file added, then removed) is not a source.
    Files.setLastModifiedTime(source.getParent(), FileTime.fromMillis(
        System.currentTimeMillis()));
    assertEquals(0, launch(dir, checkout.resolve("bin/hotplug-checker").toString()));
    assertRunsTheCheckoutsJar("only a directory is newer");
  }

  @Test
  void anArchiveOlderThanTheJavaOnThePathIsDumpedAgain() throws Exception {
    long now = System.currentTimeMillis();
    Files.setLastModifiedTime(archive, FileTime.fromMillis(now - 200_000)); // after the jar
    Files.setLastModifiedTime(fake.resolve("java"), FileTime.fromMillis(now - 100_000));
    assertTrue(Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar))
        > 0);
    assertEquals(0, launch(dir, checkout.resolve("bin/hotplug-checker").toString()));
    List<String> all = calls();
    assertEquals(2, all.size(), all.toString());
    assertTrue(all.get(0).contains(" -XX:ArchiveClassesAtExit="), all.get(0));
    assertFalse(all.get(1).contains("ArchiveClassesAtExit"), all.get(1));
    assertTrue(Files.getLastModifiedTime(archive).compareTo(
        Files.getLastModifiedTime(fake.resolve("java"))) > 0, "the archive is new again");
    Files.delete(calls);
    assertEquals(0, launch(dir, checkout.resolve("bin/hotplug-checker").toString()));
    assertRunsTheCheckoutsJar("the archive is fresh now");
    assertEquals("", Files.readString(dir.resolve("err.txt")), "nothing on stderr");
  }

  @Test
  void anArchiveDumpedByAnotherJavaIsDumpedAgainWhicheverIsNewer() throws Exception {
    // A second JDK, older than the archive and than the first fake java: mtimes alone
    // would take the archive for its own.
    Path other = Files.createDirectories(dir.resolve("other-jdk/bin"));
    Files.copy(fake.resolve("java"), other.resolve("java"),
        StandardCopyOption.COPY_ATTRIBUTES);
    Files.setLastModifiedTime(other.resolve("java"), FileTime.fromMillis(
        System.currentTimeMillis() - 900_000));
    String launcher = checkout.resolve("bin/hotplug-checker").toString();
    for (Path javaDir : List.of(other, fake, other)) {
      assertEquals(0, launch(dir, launcher, javaDir));
      List<String> all = calls();
      assertEquals(2, all.size(), javaDir + ": " + all);
      assertTrue(all.get(0).contains(" -XX:ArchiveClassesAtExit="), javaDir + ": " + all);
      assertEquals(javaDir.resolve("java").toRealPath(),
          Path.of(archive + ".java").toRealPath(), "the archive names its java");
      Files.delete(calls);
      assertEquals(0, launch(dir, launcher, javaDir));
      assertRunsTheCheckoutsJar("the archive is " + javaDir + "'s now");
    }
  }
}
