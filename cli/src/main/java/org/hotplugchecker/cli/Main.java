package org.hotplugchecker.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Entry point of {@code hotplug-checker}. Maps every way a run can end to an exit code
 * ({@link ExitCode}) and keeps errors to one line: stack traces only with {@code --debug}.
 */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // UTF-8 whatever the locale: traces print arrows and check marks.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
        StandardCharsets.UTF_8);
    System.exit(run(out, err, args));
  }

  /**
   * Runs the command line with the given streams and returns the exit code instead of
   * exiting (for tests and embedding).
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    PrintWriter outWriter = new PrintWriter(out, true);
    PrintWriter errWriter = new PrintWriter(err, true);
    try {
      return configure(HotplugCheckerCommand.forArgs(args), outWriter, errWriter)
          .execute(args);
    } catch (OutOfMemoryError e) {
      errWriter.println("out of memory (max heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
          + " MiB): raise it with JAVA_OPTS=-Xmx..., or bound the search with --max-states");
      return ExitCode.INCOMPLETE;
    } finally {
      outWriter.flush();
      errWriter.flush();
    }
  }

  /** The command line with every subcommand (listed in {@link HotplugCheckerCommand}). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return configure(HotplugCheckerCommand.withAllSubcommands(), out, err);
  }

  /**
   * Sets streams, exit codes and error handling on {@code cl} and on every subcommand it
   * has so far (picocli copies settings only to existing subcommands).
   */
  public static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExitCodeExceptionMapper(t -> ExitCode.INCOMPLETE);
    HelpLayout.install(cl);
    cl.setParameterExceptionHandler((ex, args) -> {
      CommandLine failed = ex.getCommandLine();
      String name = failed.getCommandSpec().qualifiedName();
      String message = ex instanceof UnmatchedArgumentException u ? unmatched(u, failed) : null;
      failed.getErr().println(name + ": " + (message != null ? message
          : ex.getMessage() + " (see '" + name + " --help')"));
      return ExitCode.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
      PrintWriter e = failed.getErr();
      e.println("internal error: " + ex);
      if (debug(parseResult)) {
        ex.printStackTrace(e);
      } else {
        e.println("rerun with --debug for the stack trace");
      }
      return ExitCode.INCOMPLETE;
    });
    return cl;
  }

  /**
   * An unknown command or option in words, with picocli's suggestions: {@code unknown
   * command 'chek' (did you mean check?)}; null to keep picocli's own message.
   */
  private static String unmatched(UnmatchedArgumentException u, CommandLine failed) {
    List<String> unmatched = u.getUnmatched();
    if (unmatched.isEmpty()) {
      return null;
    }
    String arg = unmatched.get(0);
    List<String> suggestions = u.getSuggestions();
    String hint = suggestions.isEmpty() ? null
        : "did you mean " + suggestions.get(0) + "?"; // the most similar first
    boolean command = !u.isUnknownOption() && !failed.getSubcommands().isEmpty()
        && !arg.startsWith("-");
    if (command) {
      return "unknown command '" + arg + "' (" + (hint != null ? hint : "commands: "
          + String.join(", ", failed.getSubcommands().keySet())) + ")";
    }
    if (u.isUnknownOption() && hint != null) {
      return "unknown option '" + arg + "' (" + hint + ")";
    }
    return null;
  }

  /** Whether {@code --debug} was given to any command of the parsed line. */
  private static boolean debug(ParseResult parseResult) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }
}
