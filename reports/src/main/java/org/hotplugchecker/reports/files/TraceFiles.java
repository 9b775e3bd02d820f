package org.hotplugchecker.reports.files;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotplugchecker.reports.CheckRun;

/**
 * Names the ITF file of every counterexample ({@code traces/<spec>-<property>.itf.json}),
 * unique even when two specs share a name or differ only in unsafe characters.
 */
final class TraceFiles {
  private final Map<String, String> byKey = new HashMap<>();

  TraceFiles(List<CheckRun> runs) {
    Set<String> used = new HashSet<>();
    for (int i = 0; i < runs.size(); i++) {
      CheckRun run = runs.get(i);
      for (String property : run.traces().keySet().stream().sorted().toList()) {
        String base = "traces/" + safe(run.spec().name()) + "-" + safe(property);
        String name = base + ".itf.json";
        for (int n = 2; !used.add(name); n++) {
          name = base + "-" + n + ".itf.json";
        }
        byKey.put(key(i, property), name);
      }
    }
  }

  /** The relative path of run {@code index}'s trace of {@code property}, if it has one. */
  Optional<String> of(int index, String property) {
    return Optional.ofNullable(byKey.get(key(index, property)));
  }

  private static String key(int index, String property) {
    return index + "/" + property;
  }

  /**
   * Keeps file names portable: letters, digits and {@code . _ - + = , [ ]} (so a check of a
   * kernel and arch list keeps its name, {@code spec[v4.19,x86]}); anything else becomes
   * {@code _}.
   */
  static String safe(String s) {
    String t = s.replaceAll("[^A-Za-z0-9._+=,\\[\\]-]", "_");
    return t.isEmpty() || t.startsWith(".") ? "_" + t : t;
  }
}
