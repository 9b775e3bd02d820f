package org.hotplugchecker.checker.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with rate and ETA, redrawn in place at most a few times a
 * second. Thread-safe; a no-op when constructed without a stream.
 *
 * <p>Checks may carry unequal estimated work (a machine shape with one more CPU costs
 * several times more to explore); the bar's fill and ETA follow the work, the counts and
 * rate follow the checks.
 */
final class ProgressBar {
  private static final long REDRAW_MILLIS = 250;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final long total;
  private final double totalWork;
  private final long start = System.nanoTime();
  private long done;
  private long explored;
  private double workDone;
  private double workExplored;
  private long lastDraw;

  /** A bar over {@code total} checks of equal work. */
  ProgressBar(PrintStream out, long total) {
    this(out, total, total);
  }

  /** A bar over {@code total} checks whose estimated work adds up to {@code totalWork}. */
  ProgressBar(PrintStream out, long total, double totalWork) {
    this.out = out;
    this.total = total;
    this.totalWork = totalWork;
  }

  /**
   * Records finished checks: {@code fresh} explored now, {@code reused} taken from the
   * results file (nearly free, so left out of the rate).
   */
  synchronized void advance(long fresh, long reused) {
    advance(fresh, reused, fresh, reused);
  }

  /** {@link #advance(long, long)} for checks of the given estimated work. */
  synchronized void advance(long fresh, long reused, double freshWork, double reusedWork) {
    done += fresh + reused;
    explored += fresh;
    workDone += freshWork + reusedWork;
    workExplored += freshWork;
    long now = System.nanoTime();
    if (out != null && (now - lastDraw) / 1_000_000 >= REDRAW_MILLIS) {
      lastDraw = now;
      draw(now);
    }
  }

  /** Draws the final state and ends the line. */
  synchronized void finish() {
    if (out != null) {
      draw(System.nanoTime());
      out.println();
      out.flush();
    }
  }

  private void draw(long now) {
    double seconds = (now - start) / 1e9;
    double fraction = totalWork <= 0 ? 1 : Math.min(1, workDone / totalWork);
    int filled = (int) Math.round(fraction * WIDTH);
    double rate = seconds > 0 ? explored / seconds : 0;
    double workRate = seconds > 0 ? workExplored / seconds : 0;
    // Work is an estimate and big checks come last, so the ETA is a guess from below.
    String eta = done == total ? "0s"
        : workRate > 0 ? duration(Math.max(0, totalWork - workDone) / workRate) : "?";
    out.print(String.format(Locale.ROOT, "\r[%s%s] %5.1f%% %d/%d checks, %.1f/s, ETA >= %s   ",
        "=".repeat(filled), " ".repeat(WIDTH - filled), fraction * 100, done, total, rate, eta));
    out.flush();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
