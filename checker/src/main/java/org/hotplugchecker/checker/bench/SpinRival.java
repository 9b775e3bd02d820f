package org.hotplugchecker.checker.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.export.PromelaExporter;
import org.hotplugchecker.checker.export.SpinResult;
import org.hotplugchecker.checker.export.SpinRunner;
import org.hotplugchecker.model.HotplugModel;

/**
 * SPIN as a {@link Rival}: the Promela export, {@code spin -a}, {@code gcc -O2}, then the
 * compiled {@code pan}, one core, with a depth and hash-table size fitted to our state
 * count.
 */
public final class SpinRival implements Rival {
  private static final long TIMEOUT_SECONDS = 6 * 3600;

  @Override
  public String tool() {
    return "spin";
  }

  @Override
  public String title() {
    return "SPIN";
  }

  @Override
  public String invocation() {
    return "pan " + String.join(" ", SpinRunner.panArguments(0, 0))
        .replace("-m0 -w0", "-mDEPTH -wBITS") + " after spin -a and gcc "
        + String.join(" ", SpinRunner.OPTIMISED);
  }

  @Override
  public String setupNote() {
    return "export and compile";
  }

  @Override
  public String setupStep() {
    return "compile";
  }

  @Override
  public String missing() {
    return SpinRunner.missingTool().map(t -> "no " + t + " on PATH (apt-get install -y spin gcc)")
        .orElse(null);
  }

  @Override
  public Prepared prepare(HotplugModel model, String name, int workers, Path work)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    String promela = new PromelaExporter(model.machine()).export();
    Path pan = new SpinRunner(work.resolve("spin"), TIMEOUT_SECONDS, SpinRunner.OPTIMISED)
        .compile(promela);
    double secs = (System.nanoTime() - t0) / 1e9;
    return new Prepared() {
      @Override
      public double setupSecs() {
        return secs;
      }

      @Override
      public int workers() {
        return 1;
      }

      @Override
      public Path directory() {
        return pan.getParent();
      }

      @Override
      public List<String> command(long ourStates) {
        List<String> cmd = new ArrayList<>(List.of(pan.toString()));
        cmd.addAll(SpinRunner.panArguments(Math.max(ourStates + 1, 10_000),
            hashBits(ourStates)));
        return cmd;
      }

      @Override
      public Result result(TimedRun run) {
        SpinResult r = SpinResult.parse(run.output());
        return new Result(r.stored(), r.complete() ? null
            : "pan stopped early: " + r.problem().orElse("?"));
      }
    };
  }

  /** A hash table of about twice as many slots as states (pan's -w), within reason. */
  static int hashBits(long states) {
    int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, states)) + 1;
    return Math.max(16, Math.min(32, bits));
  }
}
