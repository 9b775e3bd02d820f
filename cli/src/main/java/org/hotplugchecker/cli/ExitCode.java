package org.hotplugchecker.cli;

import org.hotplugchecker.reports.RunStatus;

/** The process exit codes; scripts rely on them (README "Exit codes"). */
public final class ExitCode {
  /** Every verdict as expected (without {@code expect:}: nothing violated). */
  public static final int OK = 0;
  /** A property is violated unexpectedly, or a verdict differs from {@code expect:}. */
  public static final int FAILED = 1;
  /** Bad command line or bad spec: nothing was checked. */
  public static final int USAGE = 2;
  /** A resource limit left verdicts unknown, or an internal error. */
  public static final int INCOMPLETE = 3;

  private ExitCode() {}

  /** The exit code of a (combined) run status. */
  public static int of(RunStatus status) {
    return switch (status) {
      case PASSED -> OK;
      case FAILED -> FAILED;
      case INCOMPLETE -> INCOMPLETE;
    };
  }
}
