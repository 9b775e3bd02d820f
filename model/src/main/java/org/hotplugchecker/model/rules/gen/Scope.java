package org.hotplugchecker.model.rules.gen;

import java.util.HashMap;
import java.util.Map;
import org.hotplugchecker.model.rules.Domain;

/**
 * The variables visible in one generated method: each rule variable's Java name, the
 * domain it ranges over if any (so reads indexed by it need no range check), and the range
 * of its values when known (so tables can be indexed by it).
 */
final class Scope {
  /**
   * A visible variable: its Java name, its domain or null (any int, e.g. a node), and its
   * range or null (unknown).
   */
  record Var(String java, Domain domain, Range range) {
    Var {
      if (domain != null) {
        range = Ranges.domain(domain);
      }
    }
  }

  private final Map<String, Var> vars;
  private final Names names;

  Scope(Names names) {
    this(names, new HashMap<>());
  }

  private Scope(Names names, Map<String, Var> vars) {
    this.names = names;
    this.vars = vars;
  }

  /** This scope plus {@code name} over {@code domain} (null: any int of unknown range). */
  Scope with(String name, Domain domain) {
    return with(name, domain, null);
  }

  /** This scope plus {@code name}; returns the new scope (this one is unchanged). */
  Scope with(String name, Domain domain, Range range) {
    Map<String, Var> m = new HashMap<>(vars);
    m.put(name, new Var(names.fresh(name), domain, range));
    return new Scope(names, m);
  }

  /**
   * This scope plus {@code name} over {@code domain} as the existing Java variable
   * {@code java}: for loops that several rule quantifiers, each with its own variable name,
   * share.
   */
  Scope alias(String name, Domain domain, String java) {
    Map<String, Var> m = new HashMap<>(vars);
    m.put(name, new Var(java, domain, null));
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
