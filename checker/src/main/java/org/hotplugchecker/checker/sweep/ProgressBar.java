package org.hotplugchecker.checker.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with rate and ETA, redrawn in place at most a few times a
 * second. Thread-safe; a no-op when constructed without a stream.
 */
final class ProgressBar {
  private static final long REDRAW_MILLIS = 250;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final long total;
  private final long start = System.nanoTime();
  private long done;
  private long explored;
  private long lastDraw;

  ProgressBar(PrintStream out, long total) {
    this.out = out;
    this.total = total;
  }

  /**
   * Records finished checks: {@code fresh} explored now, {@code reused} taken from the
   * results file (nearly free, so left out of the rate).
   */
  synchronized void advance(long fresh, long reused) {
    done += fresh + reused;
    explored += fresh;
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
    double fraction = total == 0 ? 1 : (double) done / total;
    int filled = (int) Math.round(fraction * WIDTH);
    // Classes go smallest first, so the ETA is a lower bound.
    double rate = seconds > 0 ? explored / seconds : 0;
    String eta = done == total ? "0s" : rate > 0 ? duration((total - done) / rate) : "?";
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
