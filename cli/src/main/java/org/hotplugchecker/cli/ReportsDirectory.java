package org.hotplugchecker.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** Whether report files can be written into a directory, asked before a run starts. */
final class ReportsDirectory {
  private ReportsDirectory() {}

  /**
   * Creates {@code dir} if needed and writes (then removes) a probe file in it; returns
   * why that failed, in words, or null when reports can be written.
   */
  static String problem(Path dir) {
    try {
      if (Files.exists(dir) && !Files.isDirectory(dir)) {
        return "it exists and is not a directory";
      }
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".hotplug-write-test", ".tmp");
      Files.delete(probe);
      return null;
    } catch (AccessDeniedException e) {
      return "permission denied" + where(e, dir);
    } catch (FileAlreadyExistsException | NotDirectoryException e) {
      return "a file is in the way" + where(e, dir);
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
      return reason.toLowerCase(java.util.Locale.ROOT) + where(e, dir);
    } catch (IOException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /** {@code (on PATH)} when the failing path is not the directory itself. */
  private static String where(FileSystemException e, Path dir) {
    String f = e.getFile();
    return f == null || Path.of(f).equals(dir) ? "" : " (" + f + ")";
  }
}
