package org.hotplugchecker.checker.export;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.rules.Domain;

/**
 * The bound variables of one TLA+ definition as it is written: each rule-table variable's
 * TLA+ name and, where known, the domain it ranges over (an index of that domain reads its
 * array directly, without a range check). TLA+ forbids a bound name to shadow any name in
 * scope, top-level ones included, so a clashing name gets a numbered suffix.
 */
final class TlaScope {
  /** A bound variable: its TLA+ name, and the domain it ranges over (null if not known). */
  record Bound(String name, Domain domain) {}

  private final Set<String> taken;
  private final Map<String, Bound> vars;
  private final int[] counter;

  private TlaScope(Set<String> taken, Map<String, Bound> vars, int[] counter) {
    this.taken = taken;
    this.vars = vars;
    this.counter = counter;
  }

  /** An empty scope inside a module whose top-level names are {@code topLevel}. */
  static TlaScope of(Set<String> topLevel) {
    return new TlaScope(new HashSet<>(topLevel), new HashMap<>(), new int[1]);
  }

  /** The variable {@code var}, or an error if it is unbound. */
  Bound get(String var) {
    Bound b = vars.get(var);
    if (b == null) {
      throw new ExportException("unbound variable '" + var + "'");
    }
    return b;
  }

  /** A fresh TLA+ name, not taken in this scope, like {@code hint}. */
  String fresh(String hint) {
    String base = Identifiers.plain(hint);
    String name = base;
    while (taken.contains(name) || TlaNames.RESERVED.contains(name)) {
      name = base + "_" + ++counter[0];
    }
    return name;
  }

  /** This scope with {@code var} bound to the fresh TLA+ name {@code name}. */
  TlaScope with(String var, String name, Domain domain) {
    Set<String> t = new HashSet<>(taken);
    t.add(name);
    Map<String, Bound> v = new HashMap<>(vars);
    v.put(var, new Bound(name, domain));
    return new TlaScope(t, v, counter);
  }

  /** This scope with {@code name} taken (a LET definition), binding no rule variable. */
  TlaScope taking(String name) {
    Set<String> t = new HashSet<>(taken);
    t.add(name);
    return new TlaScope(t, vars, counter);
  }

  /** A scope with no rule variables bound but the same names taken (a procedure's body). */
  TlaScope withoutVariables() {
    return new TlaScope(new HashSet<>(taken), new HashMap<>(), counter);
  }
}
