package org.hotplugchecker.cli;

import java.io.PrintWriter;
import org.hotplugchecker.checker.Progress;

/**
 * Prints search progress on stderr once a run has lasted a second: on a terminal one
 * line rewritten in place, elsewhere one line per BFS level (or per depth of a symbolic
 * engine) and, within a long level, about one a second. Never touches stdout.
 */
final class ProgressPrinter implements Progress {
  private static final long QUIET_MILLIS = 1000;
  private final PrintWriter err;
  private final boolean terminal;
  private final String label;
  private boolean printed;

  ProgressPrinter(PrintWriter err, boolean terminal, String label) {
    this.err = err;
    this.terminal = terminal;
    this.label = label;
  }

  /** Whether stderr looks like a terminal: the launcher tells us, else the JVM's guess. */
  static boolean stderrIsTerminal() {
    String told = System.getProperty("hotplug.stderr.tty");
    if (told != null) {
      return Boolean.parseBoolean(told);
    }
    return System.console() != null;
  }

  @Override
  public void levelDone(long states, int depth, long elapsedMillis) {
    if (elapsedMillis < QUIET_MILLIS) {
      return;
    }
    // Symbolic engines count no states (-1): they report the depth they finished.
    print(states < 0
        ? label + ": depth " + depth + " done, " + elapsedMillis / 1000 + " s"
        : label + ": " + states + " states, depth " + depth + ", "
            + states * 1000 / Math.max(1, elapsedMillis) + " states/s, "
            + elapsedMillis / 1000 + " s");
  }

  /** Within a long BFS level: how much of the level being expanded is done. */
  @Override
  public void levelProgress(long states, int level, long expanded, long levelSize,
      long elapsedMillis) {
    if (elapsedMillis < QUIET_MILLIS) {
      return;
    }
    print(label + ": " + states + " states, level " + level + " "
        + expanded * 100 / Math.max(1, levelSize) + "% expanded, "
        + states * 1000 / Math.max(1, elapsedMillis) + " states/s, "
        + elapsedMillis / 1000 + " s");
  }

  /** A symbolic engine's depth or phase: what, how many solver calls, how long. */
  @Override
  public void symbolicDone(String phase, int depth, long solverCalls, long elapsedMillis) {
    if (elapsedMillis < QUIET_MILLIS) {
      return;
    }
    print(label + ": " + phase + (phase.equals("lemmas") || phase.equals("strengthening")
        ? "" : " depth " + depth) + " done, " + solverCalls + " solver calls, "
        + elapsedMillis / 1000 + " s");
  }

  private void print(String line) {
    if (terminal) {
      err.print("\r\033[K" + line);
    } else {
      err.println(line);
    }
    err.flush();
    printed = true;
  }

  /** Clears the in-place line, if any, before results are printed. */
  void finish() {
    if (printed && terminal) {
      err.print("\r\033[K");
      err.flush();
    }
  }
}
