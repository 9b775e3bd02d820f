package org.hotplugchecker.model.rules.symmetry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.TopologyAttr;

/**
 * What one pass of {@link ValueWalker} found: elements that must stay fixed, domains that
 * must not be permuted at all, domains whose tie-breaking order an action property's
 * verdict depends on, and (for the inference pass) how integer topology attributes are
 * used. Each finding keeps the sites that caused it, for reports. Mutable, one per pass.
 */
final class Findings {
  private final Map<Domain, TreeSet<Integer>> fixed = new EnumMap<>(Domain.class);
  private final Map<Domain, Integer> fixedBelow = new EnumMap<>(Domain.class);
  private final Set<Domain> frozen = EnumSet.noneOf(Domain.class);
  private final Set<Domain> witnesses = EnumSet.noneOf(Domain.class);
  private final Map<String, Set<String>> reasons = new LinkedHashMap<>();
  private final Map<TopologyAttr, Set<Domain>> attrDomains = new LinkedHashMap<>();
  private final Map<TopologyAttr, Set<TopologyAttr>> attrLinks = new LinkedHashMap<>();

  /** Element {@code i} of {@code d} must stay where it is ({@code i >= 0}). */
  void fix(Domain d, int i, String site) {
    if (i >= 0) {
      fixed.computeIfAbsent(d, k -> new TreeSet<>()).add(i);
      because(d + " " + i + " fixed", site);
    }
  }

  /** Elements {@code 0 .. bound-1} of {@code d} must stay where they are. */
  void fixBelow(Domain d, long bound, String site) {
    if (bound > 0) {
      int b = (int) Math.min(bound, Integer.MAX_VALUE);
      fixedBelow.merge(d, b, Math::max);
      because(d + " below " + b + " fixed", site);
    }
  }

  /** {@code d} must not be permuted at all. */
  void freeze(Domain d, String why, String site) {
    frozen.add(d);
    because(d + " not permuted (" + why + ")", site);
  }

  /** An action property's verdict depends on the index order of {@code d}. */
  void witness(Domain d, String site) {
    witnesses.add(d);
    because("every renaming of " + d + " judged", site);
  }

  /** Integer attribute {@code a} is used as an element of {@code d}. */
  void attrIs(TopologyAttr a, Domain d) {
    attrDomains.computeIfAbsent(a, k -> EnumSet.noneOf(Domain.class)).add(d);
  }

  /** Integer attributes {@code a} and {@code b} are compared or joined. */
  void attrsLinked(TopologyAttr a, TopologyAttr b) {
    attrLinks.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
    attrLinks.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
  }

  private void because(String what, String site) {
    reasons.computeIfAbsent(what, k -> new LinkedHashSet<>()).add(site);
  }

  Map<Domain, TreeSet<Integer>> fixed() {
    return fixed;
  }

  Map<Domain, Integer> fixedBelow() {
    return fixedBelow;
  }

  Set<Domain> frozen() {
    return frozen;
  }

  Set<Domain> witnesses() {
    return witnesses;
  }

  Map<TopologyAttr, Set<Domain>> attrDomains() {
    return attrDomains;
  }

  Map<TopologyAttr, Set<TopologyAttr>> attrLinks() {
    return attrLinks;
  }

  /** One line per finding: what, then the sites that caused it. */
  List<String> reasons() {
    List<String> out = new ArrayList<>();
    reasons.forEach((what, sites) -> out.add(what + ": " + String.join(", ", sites)));
    return out;
  }
}
