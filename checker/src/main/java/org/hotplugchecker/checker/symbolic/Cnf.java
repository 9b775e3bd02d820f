package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.variables.BoolVar;

/**
 * Boolean gates over a Choco {@link Model}, Tseitin style: every non-trivial gate gets a
 * fresh {@link BoolVar} defined by clauses posted to Choco's clause store, so that fixing
 * the action choices and the initial state propagates every later state by unit
 * propagation. Constants are folded and identical gates are shared.
 */
final class Cnf {
  private final Model model;
  private final Lit guard;
  private final Map<List<Long>, Lit> andCache = new HashMap<>();
  private final Map<List<Long>, Lit> iteCache = new HashMap<>();
  private final int[] counters; // gates, clauses; shared with guarded views

  Cnf(Model model) {
    this(model, Lit.TRUE, new int[2]);
  }

  private Cnf(Model model, Lit guard, int[] counters) {
    this.model = model;
    this.guard = guard;
    this.counters = counters;
  }

  /**
   * A view whose gates are defined only where {@code guard} holds (each definitional
   * clause gets {@code !guard}). Gates that only matter when one action is selected then
   * cost nothing in the (many) search nodes where another action is: unit propagation
   * does not compute them. Clauses posted through {@link #clause} are not guarded.
   */
  Cnf guarded(Lit guard) {
    return new Cnf(model, guard, counters);
  }

  private Lit newGate() {
    return Lit.of(model.boolVar("g" + counters[0]++));
  }

  private void define(Lit... lits) {
    List<Lit> c = new ArrayList<>(Arrays.asList(lits));
    c.add(guard.not());
    clause(c);
  }

  Model model() {
    return model;
  }

  /** A fresh unconstrained literal. */
  Lit fresh(String name) {
    return Lit.of(model.boolVar(name));
  }

  Lit not(Lit a) {
    return a.not();
  }

  /** The conjunction of {@code lits}. */
  Lit and(Lit... lits) {
    return and(Arrays.asList(lits));
  }

  /** The conjunction of {@code lits}. */
  Lit and(List<Lit> lits) {
    Set<Lit> set = new LinkedHashSet<>();
    for (Lit l : lits) {
      if (l.isConstant()) {
        if (!l.value()) {
          return Lit.FALSE;
        }
        continue;
      }
      if (set.contains(l.not())) {
        return Lit.FALSE;
      }
      set.add(l);
    }
    if (set.isEmpty()) {
      return Lit.TRUE;
    }
    if (set.size() == 1) {
      return set.iterator().next();
    }
    List<Long> key = set.stream().map(Lit::key).sorted().toList();
    Lit cached = andCache.get(key);
    if (cached != null) {
      return cached;
    }
    Lit r = newGate();
    List<Lit> back = new ArrayList<>();
    back.add(r);
    for (Lit l : set) {
      define(r.not(), l);
      back.add(l.not());
    }
    back.add(guard.not());
    clause(back);
    andCache.put(key, r);
    return r;
  }

  /** The disjunction of {@code lits}. */
  Lit or(Lit... lits) {
    return or(Arrays.asList(lits));
  }

  /** The disjunction of {@code lits}. */
  Lit or(List<Lit> lits) {
    return and(lits.stream().map(Lit::not).toList()).not();
  }

  /** {@code c ? a : b}. */
  Lit ite(Lit c, Lit a, Lit b) {
    if (c.isConstant()) {
      return c.value() ? a : b;
    }
    if (a.equals(b)) {
      return a;
    }
    if (a.isConstant()) {
      return a.value() ? or(c, b) : and(c.not(), b);
    }
    if (b.isConstant()) {
      return b.value() ? or(c.not(), a) : and(c, a);
    }
    if (a.equals(b.not())) {
      return xor(c, b);
    }
    List<Long> key = List.of(c.key(), a.key(), b.key());
    Lit cached = iteCache.get(key);
    if (cached != null) {
      return cached;
    }
    Lit r = newGate();
    define(c.not(), a.not(), r);
    define(c.not(), a, r.not());
    define(c, b.not(), r);
    define(c, b, r.not());
    define(a.not(), b.not(), r);
    define(a, b, r.not());
    iteCache.put(key, r);
    return r;
  }

  /** {@code a != b}. */
  Lit xor(Lit a, Lit b) {
    if (a.isConstant()) {
      return a.value() ? b.not() : b;
    }
    if (b.isConstant()) {
      return b.value() ? a.not() : a;
    }
    if (a.equals(b)) {
      return Lit.FALSE;
    }
    if (a.equals(b.not())) {
      return Lit.TRUE;
    }
    // (a & !b) | (!a & b)
    return or(and(a, b.not()), and(a.not(), b));
  }

  /** Posts {@code a -> b}. */
  void implies(Lit a, Lit b) {
    clause(a.not(), b);
  }

  /** Posts {@code guard -> (x <-> f)}. */
  void iffUnder(Lit guard, Lit x, Lit f) {
    clause(guard.not(), x.not(), f);
    clause(guard.not(), x, f.not());
  }

  /** Posts {@code a}. */
  void assertTrue(Lit a) {
    clause(a);
  }

  /** Posts the disjunction of {@code lits}. */
  void clause(Lit... lits) {
    clause(Arrays.asList(lits));
  }

  /** Posts the disjunction of {@code lits} to Choco's clause store. */
  void clause(List<Lit> lits) {
    Set<Lit> set = new LinkedHashSet<>();
    for (Lit l : lits) {
      if (l.isConstant()) {
        if (l.value()) {
          return;
        }
        continue;
      }
      if (set.contains(l.not())) {
        return;
      }
      set.add(l);
    }
    if (set.isEmpty()) {
      model.falseConstraint().post();
      return;
    }
    List<BoolVar> pos = new ArrayList<>();
    List<BoolVar> neg = new ArrayList<>();
    for (Lit l : set) {
      (l.positive() ? pos : neg).add(l.var());
    }
    model.addClauses(pos.toArray(new BoolVar[0]), neg.toArray(new BoolVar[0]));
    counters[1]++;
  }

  /** Number of gate variables created. */
  int gates() {
    return counters[0];
  }

  /** Number of clauses posted. */
  int clauses() {
    return counters[1];
  }
}
