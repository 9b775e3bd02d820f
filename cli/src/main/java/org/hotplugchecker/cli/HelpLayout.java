package org.hotplugchecker.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IHelpSectionRenderer;

/**
 * Help text that wraps only at spaces. Picocli wraps with the JDK's line
 * {@link java.text.BreakIterator}, which breaks inside {@code docs/benchmarks.md},
 * {@code v4.19} and {@code LIST[,LIST...]}. So picocli lays every section out on lines of
 * unlimited width, and this class wraps each line at spaces to {@link #WIDTH} columns,
 * keeping picocli's columns: a table row's continuation lines start two columns right of
 * its description, a synopsis' under its first option. Colours are off (they would count
 * as columns).
 */
final class HelpLayout {
  /** Columns of the help text. */
  static final int WIDTH = 80;
  private static final int UNLIMITED = 10_000;
  private static final Pattern TABLE_ROW = Pattern.compile("^(\\s*\\S(?:.*?\\S)?)( {2,})(\\S)");
  private static final Set<String> TABLES = Set.of(
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_AT_FILE_PARAMETER,
      CommandLine.Model.UsageMessageSpec.SECTION_KEY_END_OF_OPTIONS);

  private HelpLayout() {}

  /** Installs the layout on {@code cl} and every subcommand it has. */
  static void install(CommandLine cl) {
    install(cl, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void install(CommandLine cl, Set<CommandLine> done) {
    if (!done.add(cl)) {
      return; // an alias of a command already set up
    }
    cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    cl.getCommandSpec().usageMessage().width(UNLIMITED);
    Map<String, IHelpSectionRenderer> sections = new LinkedHashMap<>();
    cl.getHelpSectionMap().forEach((key, renderer) -> sections.put(key,
        help -> wrap(key, renderer.render(help), headingWidth(key, help))));
    cl.setHelpSectionMap(sections);
    for (CommandLine sub : cl.getSubcommands().values()) {
      install(sub, done);
    }
  }

  /** How far the synopsis' heading ({@code Usage: }) moves its first line right. */
  private static int headingWidth(String key, CommandLine.Help help) {
    if (!key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
      return 0;
    }
    String heading = help.synopsisHeading();
    return heading.length() - heading.lastIndexOf('\n') - 1;
  }

  /**
   * The text of section {@code key}, each line wrapped at spaces; its first line starts
   * {@code offset} columns right (after a heading printed before it).
   */
  static String wrap(String key, String text, int offset) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    if (offset > 0) {
      return wrap(key, " ".repeat(offset) + text, 0).substring(offset);
    }
    StringBuilder sb = new StringBuilder();
    boolean newline = text.endsWith("\n");
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int indent = leading(line);
      int first;
      int continuation;
      if (key.equals(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS)) {
        // "hotplug-checker check [-hV] ...": continue under the first option
        int bracket = line.indexOf(" [");
        first = indent;
        continuation = i == 0 && bracket > 0 ? bracket + 1 : indent;
      } else if (TABLES.contains(key)) {
        Matcher m = TABLE_ROW.matcher(line);
        // a row "  -x, --name=V   description": wrap the description; a line that starts
        // in the description column (a continuation) wraps from where it starts
        first = m.find() ? m.start(3) : indent;
        continuation = first + 2;
      } else {
        first = indent;
        continuation = indent;
      }
      sb.append(wrapLine(line, first, continuation, WIDTH));
      if (i < lines.size() - 1 || newline) {
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * {@code line} wrapped at spaces to {@code width}: what lies before column {@code from}
   * stays as it is, the text from there is wrapped, its continuation lines indented by
   * {@code continuation}. A word longer than a line stays whole.
   */
  static String wrapLine(String line, int from, int continuation, int width) {
    if (line.length() <= width || from >= line.length()) {
      return line;
    }
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder(line.substring(0, from));
    int emptyLength = current.length();
    for (String word : line.substring(from).split(" +")) {
      if (word.isEmpty()) {
        continue;
      }
      if (current.length() > emptyLength && current.length() + 1 + word.length() > width) {
        out.add(current.toString().stripTrailing());
        current = new StringBuilder(" ".repeat(continuation));
        emptyLength = continuation;
      }
      if (current.length() > emptyLength) {
        current.append(' ');
      }
      current.append(word);
    }
    out.add(current.toString().stripTrailing());
    return String.join("\n", out);
  }

  private static int leading(String line) {
    int i = 0;
    while (i < line.length() && line.charAt(i) == ' ') {
      i++;
    }
    return i;
  }
}
