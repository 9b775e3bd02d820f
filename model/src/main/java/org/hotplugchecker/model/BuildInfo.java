package org.hotplugchecker.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build this is: the project version, the git revision it was built from and the
 * model revision ({@link HotplugModel#REVISION}), for {@code --version} and report files,
 * so that a result can be traced to the code that produced it.
 *
 * @param version the project version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param gitRevision the abbreviated commit, with {@code -dirty} when the work tree had
 *     changes, or {@code unknown} when built without git
 * @param modelRevision {@link HotplugModel#REVISION}
 */
public record BuildInfo(String version, String gitRevision, String modelRevision) {
  private static final String RESOURCE = "build.properties";
  private static final String UNKNOWN = "unknown";

  /** This build's information, from the {@code build.properties} the build wrote. */
  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String commit = known(p.getProperty("git.commit"));
    String revision = commit == null ? UNKNOWN
        : commit + ("true".equals(known(p.getProperty("git.dirty"))) ? "-dirty" : "");
    String version = known(p.getProperty("version"));
    return new BuildInfo(version == null ? UNKNOWN : version, revision, HotplugModel.REVISION);
  }

  /** Null for a missing value or a placeholder the build could not fill in. */
  private static String known(String v) {
    return v == null || v.isBlank() || v.startsWith("${") ? null : v.strip();
  }
}
