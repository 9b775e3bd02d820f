package org.hotplugchecker.model.rules.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;

/**
 * The names an invariant may use: the rule set's state variables and topology attributes
 * (never a list of its own), the keywords, and the "did you mean" hints for a name that is
 * none of them. Immutable.
 */
final class Names {
  /** Words that are never names of variables. */
  static final Set<String> KEYWORDS = Set.of("forall", "exists", "in", "nodes", "cpus",
      "blocks", "true", "false");

  /** Words a C or logic reader may type for an operator. */
  private static final Map<String, String> OPERATOR_WORDS = Map.of("and", "&&", "or", "||",
      "not", "!", "implies", "->", "iff", "<->", "NUMA_NO_NODE", "-1");

  private final Map<String, Slot> slots = new LinkedHashMap<>();
  private final Map<String, TopologyAttr> attrs = new LinkedHashMap<>();
  /** Kernel spellings of state variables, from their trace names ({@code cpu_to_node}). */
  private final Map<String, String> kernelNames = new LinkedHashMap<>();

  Names(List<Slot> slotList, List<TopologyAttr> topology) {
    for (Slot s : slotList) {
      claim(s.name());
      slots.put(s.name(), s);
      int paren = s.traceName().indexOf('(');
      if (paren > 0) {
        kernelNames.putIfAbsent(s.traceName().substring(0, paren), s.name());
      }
    }
    for (TopologyAttr a : topology) {
      claim(a.name());
      attrs.put(a.name(), a);
    }
  }

  private void claim(String name) {
    if (KEYWORDS.contains(name) || slots.containsKey(name) || attrs.containsKey(name)) {
      throw new IllegalArgumentException("the name " + name + " is used twice (or is a keyword)");
    }
  }

  Slot slot(String name) {
    return slots.get(name);
  }

  TopologyAttr attr(String name) {
    return attrs.get(name);
  }

  /** The domain whose keyword is {@code word}, or null. */
  static Domain domain(String word) {
    for (Domain d : Domain.values()) {
      if (d.keyword().equals(word)) {
        return d;
      }
    }
    return null;
  }

  /**
   * How messages write the {@code nth} index over {@code d} of one name, e.g. {@code c}, or
   * {@code n} then {@code m} for {@code distance[n][m]}.
   */
  static String indexHint(Domain d, int nth) {
    String letters = switch (d) {
      case NODES -> "nm";
      case CPUS -> "cd";
      case BLOCKS -> "be";
    };
    return String.valueOf(letters.charAt(Math.min(nth, letters.length() - 1)));
  }

  /** A hint when {@code word} is what C or logic calls an operator, or empty. */
  static String operatorHint(String word) {
    return OPERATOR_WORDS.containsKey(word)
        ? " (write " + OPERATOR_WORDS.get(word) + " for " + word + ")" : "";
  }

  /**
   * A hint for unknown word {@code word}: {@code " (did you mean X?)"}, or empty. Candidates
   * are the variables in scope, the names and {@code true}/{@code false}; a candidate must be
   * close (at most 2 edits, fewer than half the word's length) or differ only in case.
   */
  String suggestion(String word, Collection<String> variables) {
    if (OPERATOR_WORDS.containsKey(word)) {
      return operatorHint(word);
    }
    if (kernelNames.containsKey(word)) {
      return " (did you mean " + kernelNames.get(word) + "?)";
    }
    List<String> candidates = new ArrayList<>(variables);
    candidates.addAll(slots.keySet());
    candidates.addAll(attrs.keySet());
    candidates.add("true");
    candidates.add("false");
    return closest(word, candidates);
  }

  /** As {@link #suggestion}, among {@code candidates} only (e.g. the domain keywords). */
  static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = c.toLowerCase(Locale.ROOT).equals(word.toLowerCase(Locale.ROOT)) ? 0
          : editDistance(word, c);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    boolean close = bestDistance == 0 || (bestDistance <= 2 && 2 * bestDistance < word.length());
    return best != null && close ? " (did you mean " + best + "?)" : "";
  }

  /** Levenshtein distance; names are short, so the quadratic table is fine. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int subst = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(subst, Math.min(prev[j], cur[j - 1]) + 1);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
