package org.hotplugchecker.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code gen-completion}: picocli's own bash/zsh completion script generator
 * ({@link AutoComplete.GenerateCompletion}) under this tool's command name.
 */
@Command(name = "gen-completion", mixinStandardHelpOptions = true,
    description = {"Print a bash/zsh completion script for hotplug-checker, made by picocli's "
        + "AutoComplete.", "Use: source <(hotplug-checker gen-completion)"})
final class GenCompletionCommand extends AutoComplete.GenerateCompletion {}
