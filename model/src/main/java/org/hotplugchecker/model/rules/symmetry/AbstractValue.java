package org.hotplugchecker.model.rules.symmetry;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.TopologyAttr;

/**
 * What {@link SymmetryAnalysis} knows of the value of one expression: which renaming acts
 * on it, and through which tie-breaking orders it depends on the numbering of elements.
 * Immutable.
 *
 * <ul>
 *   <li>{@link Kind#BOOL}: a truth value (no renaming acts on it);
 *   <li>{@link Kind#LIT}: one of a few integer constants ({@link #literals()}), not yet seen
 *       in a context that says what they mean;
 *   <li>{@link Kind#ELEMENT}: an element of {@link #domain()} or {@code -1}: renamed by the
 *       domain's permutation ({@code -1} stays);
 *   <li>{@link Kind#PLAIN}: a number that no renaming changes (a distance, a count);
 *   <li>{@link Kind#ATTR}: the value of an integer topology attribute whose meaning is
 *       still being inferred (first pass only).
 * </ul>
 *
 * <p>{@link #ties()} are the domains whose index order the value depends on through an
 * {@link org.hotplugchecker.model.rules.Expr.ArgMin} tie-break; {@link #noneTies()} those
 * that whether the value is {@code -1} depends on (an argmin is {@code -1} exactly when no
 * element qualifies, whatever the order).
 */
record AbstractValue(Kind kind, Domain domain, Set<Integer> literals, TopologyAttr attr,
    Set<Domain> ties, Set<Domain> noneTies) {

  /** The sorts of values. */
  enum Kind { BOOL, LIT, ELEMENT, PLAIN, ATTR }

  AbstractValue {
    literals = Set.copyOf(literals);
    ties = ties.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(ties));
    noneTies = noneTies.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(noneTies));
  }

  static AbstractValue bool(Set<Domain> ties) {
    return new AbstractValue(Kind.BOOL, null, Set.of(), null, ties, ties);
  }

  static AbstractValue literal(int value) {
    return new AbstractValue(Kind.LIT, null, Set.of(value), null, Set.of(), Set.of());
  }

  static AbstractValue element(Domain d) {
    return new AbstractValue(Kind.ELEMENT, d, Set.of(), null, Set.of(), Set.of());
  }

  static AbstractValue plain() {
    return new AbstractValue(Kind.PLAIN, null, Set.of(), null, Set.of(), Set.of());
  }

  static AbstractValue attr(TopologyAttr a) {
    return new AbstractValue(Kind.ATTR, null, Set.of(), a, Set.of(), Set.of());
  }

  /** The same sort with tie sets {@code ties} and {@code noneTies}. */
  AbstractValue withTies(Set<Domain> newTies, Set<Domain> newNoneTies) {
    return new AbstractValue(kind, domain, literals, attr, newTies, newNoneTies);
  }

  /** The same sort with {@code more} added to both tie sets. */
  AbstractValue plusTies(Set<Domain> more) {
    return withTies(union(ties, more), union(noneTies, more));
  }

  boolean isBool() {
    return kind == Kind.BOOL;
  }

  /** Whether it is exactly the literal {@code value}. */
  boolean isLiteral(int value) {
    return kind == Kind.LIT && literals.size() == 1 && literals.contains(value);
  }

  /** The literals in increasing order. */
  TreeSet<Integer> sortedLiterals() {
    return new TreeSet<>(literals);
  }

  static Set<Domain> union(Set<Domain> a, Set<Domain> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    EnumSet<Domain> out = EnumSet.copyOf(a);
    out.addAll(b);
    return out;
  }
}
