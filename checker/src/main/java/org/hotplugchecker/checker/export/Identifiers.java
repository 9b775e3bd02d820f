package org.hotplugchecker.checker.export;

import java.util.Set;

/**
 * Spells rule-table names (slots such as {@code node.online}, property and action names) as
 * identifiers of the exported languages, refusing any that would collide with a keyword.
 */
final class Identifiers {
  /** Promela's reserved words (SPIN 6), which no variable may be named. */
  private static final Set<String> PROMELA = Set.of("active", "assert", "atomic", "bit", "bool",
      "break", "byte", "c_code", "c_decl", "c_expr", "c_state", "c_track", "chan", "d_step",
      "do", "else", "empty", "enabled", "eval", "false", "fi", "full", "get_priority", "goto",
      "hidden", "if", "init", "inline", "int", "len", "local", "ltl", "mtype", "nempty",
      "never", "nfull", "notrace", "np_", "od", "of", "pc_value", "pid", "printf", "printm",
      "priority", "proctype", "provided", "run", "select", "set_priority", "short", "show",
      "skip", "timeout", "trace", "true", "typedef", "unless", "unsigned", "xr", "xs", "for",
      "in", "hotplug");

  private Identifiers() {}

  /** {@code name} with every character that is not a letter, digit or {@code _} as {@code _}. */
  static String plain(String name) {
    StringBuilder sb = new StringBuilder();
    for (char ch : name.toCharArray()) {
      sb.append(Character.isLetterOrDigit(ch) && ch < 128 || ch == '_' ? ch : '_');
    }
    if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
      sb.insert(0, '_');
    }
    return sb.toString();
  }

  /** A Promela identifier for {@code name}; a name that spells a keyword is an error. */
  static String promela(String name) {
    String id = plain(name);
    if (PROMELA.contains(id)) {
      throw new ExportException("'" + name + "' would be the Promela keyword '" + id + "'");
    }
    return id;
  }

  /** A C/Promela string literal's body for {@code text}: quotes and backslashes escaped. */
  static String promelaString(String text) {
    StringBuilder sb = new StringBuilder();
    for (char ch : text.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\');
      }
      if (ch < 32 || ch > 126) {
        throw new ExportException("kernel call text '" + text + "' has a character Promela's "
            + "printf cannot print");
      }
      sb.append(ch);
    }
    return sb.toString();
  }
}
