package org.hotplugchecker.model.rules.symmetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hotplugchecker.model.rules.ActionRule;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;

/**
 * Derives from a rule set, and the properties a check runs, what a symmetry group must
 * respect ({@link SymmetryConstraints}): the soundness argument of symmetry reduction,
 * made about the rules rather than written by hand. It walks every expression the search
 * evaluates: the global guard, each action's guard and body (procedures inlined at each
 * call), each checked invariant and action property; see {@link ValueWalker} for the
 * rules. The boot program is left out: the boot state is concrete, and the group is built
 * to fix it.
 *
 * <p>Two passes. The first infers which integer topology attributes hold elements of a
 * domain (an attribute used as a node index, or compared with nodes, holds nodes; one
 * never used so, such as a distance, holds plain numbers); an attribute used as two
 * domains' elements holds plain numbers, which the second pass then pays for. The second
 * pass, with those meanings, collects the constraints. Last, attribute shapes the group
 * builders do not handle (indexed by more than one domain other than node pairs, or
 * holding CPUs or blocks) freeze the domains they involve, and a tie-break over CPUs or
 * blocks in an action property freezes that domain: only node witnesses are offered.
 *
 * <p>Invariants, built-in or the user's, are first analysed one at a time against the
 * rules alone: what they may do is pin elements (an integer literal used as an index, or
 * compared with, or ordered against, a node, CPU or block value). An invariant that
 * would do more (freeze a domain the rules leave free, give a topology attribute another
 * meaning) is one the analysis does not classify, and symmetry is then off for the whole
 * run ({@link SymmetryConstraints#disabledBy()}): never a reduction that is not justified.
 */
public final class SymmetryAnalysis {
  private SymmetryAnalysis() {}

  /**
   * The constraints for checking {@code properties} on {@code rules}.
   *
   * @throws IllegalArgumentException if an expression is ill-typed, reads an unbound
   *     variable, or a procedure calls itself
   */
  public static SymmetryConstraints of(RuleSet rules, List<PropertyRule> properties) {
    SymmetryConstraints kernel = analyse(rules, List.of());
    for (PropertyRule p : properties) {
      if (p instanceof PropertyRule.Invariant inv) {
        Optional<String> why = unclassified(rules, kernel, inv);
        if (why.isPresent()) {
          return SymmetryConstraints.disabled(why.get(), kernel.attrValueDomains());
        }
      }
    }
    return analyse(rules, properties);
  }

  /**
   * What in invariant {@code inv} the analysis cannot turn into pinned elements, or empty:
   * anything that would freeze a domain the rules alone leave free (an order comparison
   * between two elements, elements mixed with numbers or with another domain's elements),
   * that gives a topology attribute another meaning than the rules do, or that the walker
   * refuses. Pinning (a literal used as an index, or compared with an element) is fine.
   */
  static Optional<String> unclassified(RuleSet rules, SymmetryConstraints kernel,
      PropertyRule.Invariant inv) {
    SymmetryConstraints with;
    try {
      with = analyse(rules, List.of(inv));
    } catch (IllegalArgumentException e) {
      return Optional.of("invariant " + inv.name() + ": " + e.getMessage());
    }
    if (!with.attrValueDomains().equals(kernel.attrValueDomains())) {
      return Optional.of("invariant " + inv.name()
          + " uses a topology attribute as a different sort of value than the rules do");
    }
    if (!with.frozen().equals(kernel.frozen())) {
      List<String> extra = new ArrayList<>(with.reasons());
      extra.removeAll(kernel.reasons());
      String detail = extra.stream().filter(r -> r.contains("not permuted")).findFirst()
          .orElse("it would freeze " + with.frozen());
      return Optional.of("invariant " + inv.name() + " is not understood by the symmetry"
          + " analysis (" + detail + ")");
    }
    return Optional.empty();
  }

  /** The constraints of {@code rules} checking {@code properties}, by the two passes. */
  private static SymmetryConstraints analyse(RuleSet rules, List<PropertyRule> properties) {
    Findings evidence = new Findings();
    walk(rules, properties, new ValueWalker(evidence, AbstractValue::attr));
    Map<TopologyAttr, Domain> meaning = attrMeanings(rules.topology(), evidence);
    Findings found = new Findings();
    walk(rules, properties, new ValueWalker(found, a -> meaning.containsKey(a)
        ? AbstractValue.element(meaning.get(a)) : AbstractValue.plain()));
    for (TopologyAttr a : rules.topology()) {
      shape(a, meaning.get(a), found);
    }
    for (Domain d : Domain.values()) {
      if (d != Domain.NODES && found.witnesses().contains(d)) {
        found.freeze(d, "only node tie-breaks are judged per renaming", "action properties");
      }
    }
    Set<Domain> witnesses = EnumSet.noneOf(Domain.class);
    witnesses.addAll(found.witnesses());
    witnesses.removeAll(found.frozen());
    Map<Domain, SortedSet<Integer>> fixed = new HashMap<>();
    found.fixed().forEach((d, s) -> fixed.put(d, new TreeSet<>(s)));
    Map<TopologyAttr, Domain> values = new HashMap<>();
    meaning.forEach((a, d) -> {
      if (d == Domain.NODES) {
        values.put(a, d);
      }
    });
    return new SymmetryConstraints(found.frozen(), fixed, found.fixedBelow(), witnesses,
        values, found.reasons(), Optional.empty());
  }

  private static void walk(RuleSet rules, List<PropertyRule> properties, ValueWalker w) {
    w.at("the guard of every action");
    w.orderFreeBool(rules.enabledOnlyWhen(), Map.of());
    for (ActionRule a : rules.actions()) {
      Map<String, AbstractValue> env = Map.of(a.param(), AbstractValue.element(a.domain()));
      w.at("the guard of " + a.name());
      w.orderFreeBool(a.guard(), env);
      w.at("action " + a.name());
      w.stmts(a.body(), env);
    }
    for (PropertyRule p : properties) {
      if (p instanceof PropertyRule.Invariant inv) {
        w.at("invariant " + inv.name());
        w.orderFreeBool(inv.holds(), Map.of());
      } else if (p instanceof PropertyRule.ActionProperty ap) {
        Map<String, AbstractValue> env = Map.of(ap.action().param(),
            AbstractValue.element(ap.action().domain()));
        w.at("when " + ap.name() + " applies");
        w.orderFreeBool(ap.applies(), env);
        w.at("action property " + ap.name());
        w.witnessTies(w.expr(ap.holds(), env));
      } else {
        throw new IllegalArgumentException("symmetry analysis: unknown property " + p);
      }
    }
  }

  /**
   * The domain each integer attribute holds elements of: the one domain its connected
   * uses agree on; none (plain numbers) when they name no domain or several.
   */
  static Map<TopologyAttr, Domain> attrMeanings(List<TopologyAttr> attrs, Findings evidence) {
    Map<TopologyAttr, Domain> out = new HashMap<>();
    Set<TopologyAttr> seen = new LinkedHashSet<>();
    for (TopologyAttr start : attrs) {
      if (start.type() != Type.INT || seen.contains(start)) {
        continue;
      }
      Set<TopologyAttr> component = new LinkedHashSet<>();
      Set<Domain> domains = EnumSet.noneOf(Domain.class);
      Deque<TopologyAttr> todo = new ArrayDeque<>(List.of(start));
      while (!todo.isEmpty()) {
        TopologyAttr a = todo.pop();
        if (component.add(a)) {
          domains.addAll(evidence.attrDomains().getOrDefault(a, Set.of()));
          todo.addAll(evidence.attrLinks().getOrDefault(a, Set.of()));
        }
      }
      seen.addAll(component);
      if (domains.size() == 1) {
        Domain d = domains.iterator().next();
        component.forEach(a -> out.put(a, d));
      }
    }
    return out;
  }

  /**
   * Freezes what the group builders cannot renumber consistently for attribute {@code a}:
   * they handle attributes over one domain, and over node pairs, holding plain numbers,
   * bools or nodes.
   */
  private static void shape(TopologyAttr a, Domain holds, Findings found) {
    List<Domain> idx = a.indices();
    boolean nodePairs = idx.size() == 2 && idx.get(0) == Domain.NODES
        && idx.get(1) == Domain.NODES;
    boolean supported = idx.size() == 1 || nodePairs;
    String site = "topology attribute " + a.name();
    if (!supported) {
      for (Domain d : new LinkedHashSet<>(idx)) {
        found.freeze(d, "indexed by an unsupported shape", site);
      }
      if (holds != null) {
        found.freeze(holds, "held by an attribute of an unsupported shape", site);
      }
    } else if (holds != null && holds != Domain.NODES) {
      found.freeze(holds, "held by a topology attribute", site);
    }
  }
}
