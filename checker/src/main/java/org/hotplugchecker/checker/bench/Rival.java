package org.hotplugchecker.checker.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hotplugchecker.model.HotplugModel;

/**
 * Another model checker that {@code bench --against} runs side by side with ours ({@link
 * SideBySide}): how it is named in the output, and how a model is prepared for it, run and
 * read back.
 */
public interface Rival {
  /** The tool's name in rows and ratios, as {@code --against} takes it: {@code spin}. */
  String tool();

  /** The tool's name in prose: {@code SPIN}. */
  String title();

  /** How the tool is run, for the header: {@code pan -c0 ... after spin -a and gcc ...}. */
  String invocation();

  /** What {@link Prepared#setupSecs()} measured, in a row's note: {@code export and compile}. */
  String setupNote();

  /** The same in the ratio line, "wall with SPIN's {@code compile}". */
  String setupStep();

  /** What is missing to run the tool, or null when nothing is. */
  String missing();

  /**
   * Readies {@code model} (the rung's topology with the compared properties) for runs with
   * {@code workers} threads where the tool can use them, in the scratch directory {@code
   * work}.
   */
  Prepared prepare(HotplugModel model, String name, int workers, Path work)
      throws IOException, InterruptedException;

  /** A model ready to be checked, as often as the comparison repeats. */
  interface Prepared {
    /** Seconds the export (and any compile) took, once. */
    double setupSecs();

    /** Threads the tool runs with. */
    int workers();

    /** Where the command runs. */
    Path directory();

    /** The command for one run, when ours found {@code ourStates} states. */
    List<String> command(long ourStates);

    /** What a run printed, read: its state count, or why it did not complete. */
    Result result(TimedRun run);
  }

  /**
   * One run's reading.
   *
   * @param states distinct states stored
   * @param problem why the run did not complete, or null when it did
   */
  record Result(long states, String problem) {}
}
