package org.hotplugchecker.model.rules.gen;

import java.util.HashMap;
import java.util.Map;
import org.hotplugchecker.model.rules.Domain;

/**
 * The variables visible in one generated method: each rule variable's Java name and, when
 * it ranges over a domain, that domain (so reads indexed by it need no range check).
 */
final class Scope {
  /** A visible variable: its Java name, and its domain or null (any int, e.g. a node). */
  record Var(String java, Domain domain) {}

  private final Map<String, Var> vars;
  private final Names names;

  Scope(Names names) {
    this(names, new HashMap<>());
  }

  private Scope(Names names, Map<String, Var> vars) {
    this.names = names;
    this.vars = vars;
  }

  /** This scope plus {@code name}; returns the new scope (this one is unchanged). */
  Scope with(String name, Domain domain) {
    Map<String, Var> m = new HashMap<>(vars);
    m.put(name, new Var(names.fresh(name), domain));
    return new Scope(names, m);
  }

  Var get(String name) {
    Var v = vars.get(name);
    if (v == null) {
      throw new IllegalArgumentException("unbound variable '" + name + "'");
    }
    return v;
  }

  Names names() {
    return names;
  }

  /** Unique Java identifiers for one generated class. */
  static final class Names {
    private int next;

    String fresh(String base) {
      return "v_" + base.replaceAll("[^A-Za-z0-9]", "_") + "_" + next++;
    }

    String helper(String kind) {
      return kind + "_" + next++;
    }
  }
}
