package org.hotplugchecker.cli;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hotplugchecker.model.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * The top-level {@code hotplug-checker} command. Every subcommand is one class, listed in
 * {@link #SUBCOMMANDS} and nowhere else.
 */
@Command(name = "hotplug-checker",
    mixinStandardHelpOptions = true,
    versionProvider = HotplugCheckerCommand.Version.class,
    description = "Model-checks Linux NUMA node / CPU / memory hotplug invariants.")
public final class HotplugCheckerCommand implements Callable<Integer> {
  /** Every subcommand, in the order the help lists them. */
  static final List<Class<?>> SUBCOMMANDS = List.of(
      CheckCommand.class,
      SweepCommand.class,
      BenchCommand.class,
      ListCommand.class,
      GenCompletionCommand.class,
      ManPageGenerator.class,
      ExportCommand.class,
      HelpCommand.class);

  // The subcommands that read their siblings: completion scripts, man pages and help.
  private static final Set<Class<?>> READ_THE_TREE = Set.of(GenCompletionCommand.class,
      ManPageGenerator.class, HelpCommand.class);

  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("hotplug-checker: missing a command (try 'hotplug-checker "
        + "check SPEC...', 'hotplug-checker sweep', 'hotplug-checker list kernels', "
        + "'hotplug-checker export --to promela SPEC', or 'hotplug-checker --help')");
    return ExitCode.USAGE;
  }

  /** The command with every subcommand. */
  static CommandLine withAllSubcommands() {
    return forArgs();
  }

  /**
   * The command for {@code args}: when they start with a subcommand that does not read its
   * siblings, that subcommand alone, else every one. Building the models of the others
   * would cost 60-90 ms of start-up, a tenth of a short check.
   */
  static CommandLine forArgs(String... args) {
    CommandLine cl = new CommandLine(new HotplugCheckerCommand());
    Class<?> only = args.length == 0 ? null : standalone(args[0]);
    for (Class<?> c : SUBCOMMANDS) {
      if (only == null || c == only) {
        cl.addSubcommand(c);
      }
    }
    return cl;
  }

  /** The subcommand named {@code name} if it does not read its siblings, else null. */
  private static Class<?> standalone(String name) {
    for (Class<?> c : SUBCOMMANDS) {
      Command command = c.getAnnotation(Command.class);
      if (!READ_THE_TREE.contains(c) && (command.name().equals(name)
          || List.of(command.aliases()).contains(name))) {
        return c;
      }
    }
    return null;
  }

  /**
   * The version, the git revision it was built from and the model revision (whose change
   * makes stored sweep results stale), from {@link BuildInfo}.
   */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo b = BuildInfo.current();
      return new String[] {"hotplug-checker " + b.version(),
          "git revision: " + b.gitRevision(),
          "model revision: " + b.modelRevision()};
    }
  }
}
