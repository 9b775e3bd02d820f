package org.hotplugchecker.model.rules.symmetry;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;

/**
 * What a symmetry group of a rule set must respect, as {@link SymmetryAnalysis} derives it
 * from the expressions the model runs. A renaming is a permutation of each domain; it is
 * admissible for these constraints when it
 *
 * <ul>
 *   <li>leaves every element of a {@link #frozen()} domain in place, and every
 *       {@link #fixed} element;
 *   <li>keeps every topology attribute: {@code attr[g(i)] = g(attr[i])}, where {@code g}
 *       acts on an integer attribute's value by the permutation of its
 *       {@link #valueDomain} (none: the value must be equal);
 *   <li>keeps the boot state (checked by whoever builds the group: it is concrete);
 * </ul>
 *
 * and it then maps the model's transitions to transitions and keeps every checked
 * invariant. State variables of {@link Type#INT} hold nodes and are renamed by the node
 * permutation. The checked action properties' verdicts are kept too, except where they
 * depend on the index order of a {@link #witnessDomains() witness domain}: there the
 * property must be judged on one image per permutation of that domain.
 *
 * @param frozen domains that must not be permuted at all
 * @param fixed per domain, elements that must stay in place (some may be out of range
 *     for a given topology: those fix nothing)
 * @param fixedBelow per domain, a bound {@code t}: elements {@code 0 .. t-1} stay in place
 * @param witnessDomains domains whose permutations the action properties must be judged
 *     under (only {@link Domain#NODES}: other tie-breaks freeze their domain)
 * @param attrValueDomains the integer topology attributes that hold elements of a domain
 *     (the others hold plain numbers, such as distances)
 * @param reasons one line per constraint, with the rules or properties that caused it
 * @param disabledBy why symmetry is off for the whole run (an invariant the analysis cannot
 *     classify), or empty; when present every domain is frozen
 */
public record SymmetryConstraints(Set<Domain> frozen, Map<Domain, SortedSet<Integer>> fixed,
    Map<Domain, Integer> fixedBelow, Set<Domain> witnessDomains,
    Map<TopologyAttr, Domain> attrValueDomains, List<String> reasons,
    Optional<String> disabledBy) {

  /** Copies everything. */
  public SymmetryConstraints {
    frozen = frozen.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(frozen));
    Map<Domain, SortedSet<Integer>> f = new EnumMap<>(Domain.class);
    fixed.forEach((d, s) -> f.put(d, new TreeSet<>(s)));
    fixed = Map.copyOf(f);
    fixedBelow = Map.copyOf(fixedBelow);
    witnessDomains = Set.copyOf(witnessDomains);
    attrValueDomains = Map.copyOf(attrValueDomains);
    reasons = List.copyOf(reasons);
    if (disabledBy.isPresent() && frozen.size() != Domain.values().length) {
      throw new IllegalArgumentException("symmetry disabled, but not every domain frozen");
    }
  }

  /**
   * The constraints admitting only the identity, because of {@code why} (one line naming
   * the property and what the analysis could not classify in it).
   */
  public static SymmetryConstraints disabled(String why, Map<TopologyAttr, Domain> values) {
    return new SymmetryConstraints(EnumSet.allOf(Domain.class), Map.of(), Map.of(), Set.of(),
        values, List.of("symmetry off: " + why), Optional.of(why));
  }

  /** Whether {@code d} may be permuted at all. */
  public boolean permutes(Domain d) {
    return !frozen.contains(d);
  }

  /** Whether element {@code i} of {@code d} must stay in place. */
  public boolean fixes(Domain d, int i) {
    return frozen.contains(d) || i < fixedBelow.getOrDefault(d, 0)
        || fixed.getOrDefault(d, new TreeSet<>()).contains(i);
  }

  /** The domain whose elements integer attribute {@code attr} holds; empty for plain numbers. */
  public Optional<Domain> valueDomain(TopologyAttr attr) {
    return Optional.ofNullable(attrValueDomains.get(attr));
  }

  /** The domain whose elements state variable {@code slot} holds: nodes for ints, else none. */
  public static Optional<Domain> valueDomain(Slot slot) {
    return slot.type() == Type.INT ? Optional.of(Domain.NODES) : Optional.empty();
  }

  /** Whether action properties must be judged on every renaming of {@code d}. */
  public boolean needsWitnesses(Domain d) {
    return witnessDomains.contains(d) && permutes(d);
  }
}
