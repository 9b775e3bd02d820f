package org.hotplugchecker.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code hotplug-checker} command. Every subcommand is one class, listed
 * here and nowhere else.
 */
@Command(name = "hotplug-checker",
    mixinStandardHelpOptions = true,
    versionProvider = HotplugCheckerCommand.Version.class,
    description = "Model-checks Linux NUMA node / CPU / memory hotplug invariants.",
    subcommands = {
        CheckCommand.class,
        SweepCommand.class,
        BenchCommand.class,
        ExportCommand.class,
    })
public final class HotplugCheckerCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("hotplug-checker: missing a command (try 'hotplug-checker "
        + "check SPEC...', 'hotplug-checker sweep', 'hotplug-checker bench', "
        + "'hotplug-checker export --to promela SPEC', or 'hotplug-checker --help')");
    return ExitCode.USAGE;
  }

  /** The version from the jar manifest. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = HotplugCheckerCommand.class.getPackage().getImplementationVersion();
      return new String[] {"hotplug-checker " + (v == null ? "(development build)" : v)};
    }
  }
}
