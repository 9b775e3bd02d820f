package org.hotplugchecker.checker.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with rate and ETA, redrawn in place at most a few times a
 * second. Thread-safe; a no-op when constructed without a stream.
 *
 * <p>Checks may carry unequal estimated work (a machine shape with one more CPU costs
 * several times more to explore): the fill, percentage, counts and rate follow the
 * checks, the ETA follows the work.
 */
final class ProgressBar {
  private static final long REDRAW_MILLIS = 250;
  private static final int WIDTH = 30;
  /** No ETA before this long: the first checks are the smallest and say little. */
  private static final double ETA_AFTER_SECONDS = 5;
  /** Nor before this share of the estimated work is done. */
  private static final double ETA_AFTER_WORK = 0.02;

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
    out.print("\r" + line((now - start) / 1e9) + "   ");
    out.flush();
  }

  /**
   * The bar after {@code seconds}: its fill and percentage are the share of checks done,
   * the same number as the count next to it; the ETA follows the estimated work (a big
   * check costs more than a small one) and is shown only once enough work is done for a
   * rate to mean something.
   */
  synchronized String line(double seconds) {
    double fraction = total <= 0 ? 1 : Math.min(1, (double) done / total);
    int filled = (int) Math.floor(fraction * WIDTH);
    double rate = seconds > 0 ? explored / seconds : 0;
    double workFraction = totalWork <= 0 ? 1 : Math.min(1, workDone / totalWork);
    String eta;
    if (done == total) {
      eta = "done";
    } else if (seconds < ETA_AFTER_SECONDS || workFraction < ETA_AFTER_WORK
        || workExplored <= 0) {
      eta = "ETA estimating";
    } else {
      double workRate = workExplored / seconds;
      eta = "ETA ~" + duration(Math.max(0, totalWork - workDone) / workRate);
    }
    return String.format(Locale.ROOT, "[%s%s] %5.1f%% %d/%d checks, %.1f/s, %s",
        "=".repeat(filled), " ".repeat(WIDTH - filled), fraction * 100, done, total, rate, eta);
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60);
    }
    return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
  }
}
