package org.hotplugchecker.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's install command on a fresh copy of the sources (no build output), as a new
 * user runs it, then its first command and a project that uses the installed plugin.
 *
 * <p>Nothing touches the shared local repository: the copy installs into its own
 * repository under {@code target/}, which reads everything else from the build's local
 * repository as a {@code file://} remote (offline when this build is offline). It costs
 * one build of the project without tests (about a minute on 2 cores).
 */
class InstallCommandTest {
  /** The command as the README gives it; the test fails if the README says otherwise. */
  static final String README_INSTALL = "mvn -q -DskipTests install";
  private static final String VERSION = "0.1.0-SNAPSHOT";

  private static Path work;
  private static Path copy;
  private static Path repo;
  private static Path settings;
  private static Run install;

  /** A finished process: exit code and everything it printed. */
  record Run(int exitCode, String output) {}

  private static Path root() {
    return BundledSpecs.moduleDir().getParent();
  }

  @BeforeAll
  static void installAFreshCopy() throws Exception {
    work = BundledSpecs.moduleDir().resolve("target/install-test");
    deleteTree(work);
    copy = work.resolve("checkout");
    repo = work.resolve("repository");
    copySources(root(), copy);
    settings = work.resolve("settings.xml");
    Files.writeString(settings, settingsXml(outerRepository()));
    List<String> cmd = new ArrayList<>(maven());
    cmd.addAll(Arrays.asList(README_INSTALL.substring("mvn ".length()).split(" ")));
    install = run(copy, cmd, 15);
  }

  /** mvn of the running build, batch mode, the test's settings and local repository. */
  private static List<String> maven() {
    String home = System.getProperty("maven.home", "");
    String mvn = home.isEmpty() ? "mvn" : Path.of(home, "bin", "mvn").toString();
    List<String> cmd = new ArrayList<>(List.of(mvn, "-B", "-s", settings.toString(),
        "-Dmaven.repo.local=" + repo));
    // "offline=true" (see specs/pom.xml)
    if (System.getProperty("hotplug.outer.offline", "").endsWith("=true")) {
      // offline as the outer build, but the file:// repository below may be read
      cmd.addAll(List.of("-o", "-Daether.offline.protocols=file"));
    }
    return cmd;
  }

  private static Path outerRepository() {
    String outer = System.getProperty("hotplug.outer.repository", "");
    return outer.isEmpty() ? Path.of(System.getProperty("user.home"), ".m2", "repository")
        : Path.of(outer);
  }

  /** Everything the outer local repository has, as a remote repository: read-only. */
  private static String settingsXml(Path outer) {
    String repository = """
              <id>outer-local</id>
              <url>%s</url>
              <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
              <snapshots><enabled>false</enabled></snapshots>
        """.formatted(outer.toUri());
    return """
        <settings>
          <profiles>
            <profile>
              <id>outer-local</id>
              <activation><activeByDefault>true</activeByDefault></activation>
              <repositories><repository>
        %s      </repository></repositories>
              <pluginRepositories><pluginRepository>
        %s      </pluginRepository></pluginRepositories>
            </profile>
          </profiles>
        </settings>
        """.formatted(repository, repository);
  }

  /** The sources as a fresh clone has them: no build output, no hidden files. */
  private static void copySources(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path rel = from.relativize(p);
        boolean skip = false;
        for (Path part : rel) {
          String n = part.toString();
          skip |= n.equals("target") || (n.startsWith(".") && !n.equals(".ci"));
        }
        if (skip || rel.toString().isEmpty()) {
          continue;
        }
        Path target = to.resolve(rel.toString());
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Run run(Path dir, List<String> cmd, int minutes) throws Exception {
    Path log = Files.createTempFile(work, "run", ".log");
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(
            new java.io.File("/dev/null"))).start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish in " + minutes
          + " minutes");
    }
    return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  @Test
  void theReadmeGivesThisInstallCommand() throws IOException {
    String readme = Files.readString(root().resolve("README.md"));
    assertTrue(readme.contains("\n" + README_INSTALL + "\n"), "README.md shows "
        + README_INSTALL + " on a line of its own");
  }

  @Test
  void theInstallCommandPutsThePluginAndItsModulesIntoTheLocalRepository() {
    assertEquals(0, install.exitCode(), install.output());
    for (String artifact : List.of("hotplug-checker-maven-plugin", "hotplug-model",
        "hotplug-checker-engine", "hotplug-reports", "hotplug-cli")) {
      Path jar = repo.resolve("org/hotplugchecker/" + artifact + "/" + VERSION + "/" + artifact
          + "-" + VERSION + ".jar");
      assertTrue(Files.isRegularFile(jar), "installed: " + jar);
    }
    assertTrue(Files.isRegularFile(repo.resolve("org/hotplugchecker/hotplug-checker-parent/"
        + VERSION + "/hotplug-checker-parent-" + VERSION + ".pom")));
    // the specs are data, not an artifact
    assertFalse(Files.exists(repo.resolve("org/hotplugchecker/hotplug-specs")));
  }

  @Test
  void theReadmesFirstCommandPassesOnTheFreshCopy() throws Exception {
    assertEquals(0, install.exitCode(), install.output());
    Run check = run(copy, List.of("bash", copy.resolve("bin/hotplug-checker").toString(),
        "check", "--format", "summary", "specs/"), 5);
    assertEquals(0, check.exitCode(), check.output());
    assertFalse(check.output().contains("building"), "the installed jar is used as it is");
    assertTrue(check.output().contains(" specs: "), check.output());
    assertTrue(check.output().contains(" failed, 0 incomplete"), check.output());
  }

  @Test
  void aProjectUsesTheInstalledPluginAsTheReadmeShows() throws Exception {
    assertEquals(0, install.exitCode(), install.output());
    Path demo = work.resolve("demo");
    Files.createDirectories(demo.resolve("src/hotplug"));
    Files.writeString(demo.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>org.example</groupId>
          <artifactId>demo</artifactId>
          <version>1.0</version>
          <packaging>pom</packaging>
          <build>
            <plugins>
              <plugin>
                <groupId>org.hotplugchecker</groupId>
                <artifactId>hotplug-checker-maven-plugin</artifactId>
                <version>%s</version>
                <executions><execution><goals><goal>check</goal></goals></execution></executions>
              </plugin>
            </plugins>
          </build>
        </project>
        """.formatted(VERSION));
    Files.copy(BundledSpecs.storyDir().resolve("2-v5.0-the-fix.yaml"),
        demo.resolve("src/hotplug/fix.yaml"));
    List<String> cmd = new ArrayList<>(maven());
    cmd.add("verify");
    Run verify = run(demo, cmd, 5);
    assertEquals(0, verify.exitCode(), verify.output());
    assertTrue(verify.output().contains("checking 1 hotplug spec(s) with the explicit engine"),
        verify.output());
    assertTrue(Files.isRegularFile(demo.resolve("target/hotplug-reports/index.html")));
    // slf4j-api is pinned: no version range to look up (issue 13, item 11)
    assertFalse(verify.output().contains("slf4j-api/maven-metadata"), verify.output());
  }
}
