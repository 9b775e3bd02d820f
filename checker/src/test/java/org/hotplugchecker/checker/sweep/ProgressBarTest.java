package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  /** Any mix of light and heavy checks: the percentage is the count's. */
  @Property(tries = 300)
  void thePercentageIsTheCountsShare(@ForAll @IntRange(min = 1, max = 5000) int total,
      @ForAll @IntRange(min = 0, max = 5000) int done,
      @ForAll @IntRange(min = 1, max = 1000) int heavy) {
    int d = Math.min(done, total);
    ProgressBar bar = new ProgressBar(null, total, (double) total * heavy);
    bar.advance(d, 0, d, 0); // the light checks first, as smallest-first sweeps do
    String line = bar.line(60);
    String percent = String.format(java.util.Locale.ROOT, "%5.1f%%", 100.0 * d / total);
    assertTrue(line.contains(percent + " " + d + "/" + total + " checks"), line);
    int filled = (int) line.chars().filter(c -> c == '=').count();
    assertEquals((int) Math.floor(30.0 * d / total), filled, line);
  }

  @Test
  void noEtaUntilARateMeansSomething() {
    ProgressBar bar = new ProgressBar(null, 1296, 1296 * 100.0);
    bar.advance(10, 0, 10, 0); // 10 of 129,600 work units
    assertTrue(bar.line(1).endsWith("ETA estimating"), bar.line(1));
    assertTrue(bar.line(600).endsWith("ETA estimating"), "0.01 % of the work says nothing");
    bar.advance(1034, 0, 20_000, 0);
    String later = bar.line(600);
    assertTrue(later.contains(" 80.6% 1044/1296 checks"), later);
    // 20,010 units in 600 s: 109,590 left at 33.35/s, about 55 minutes
    assertTrue(later.endsWith("ETA ~54m46s"), later);
    bar.advance(252, 0, 109_590, 0);
    assertTrue(bar.line(700).endsWith("100.0% 1296/1296 checks, 1.9/s, done"), bar.line(700));
  }
}
