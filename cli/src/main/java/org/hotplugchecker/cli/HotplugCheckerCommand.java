package org.hotplugchecker.cli;

import java.util.concurrent.Callable;
import org.hotplugchecker.model.BuildInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

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
        ListCommand.class,
        GenCompletionCommand.class,
        ManPageGenerator.class,
        ExportCommand.class,
        HelpCommand.class,
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
        + "check SPEC...', 'hotplug-checker sweep', 'hotplug-checker list kernels', "
        + "'hotplug-checker export --to promela SPEC', or 'hotplug-checker --help')");
    return ExitCode.USAGE;
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
