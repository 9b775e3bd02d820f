package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hotplugchecker.model.rules.ActionRule;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Procedure;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.Stmt;
import org.hotplugchecker.model.rules.Type;

/**
 * Range analysis of int expressions ({@link Range}), from what their leaves can hold: a
 * node-valued state variable at most what its packed field stores, a topology attribute
 * what the topology's table holds (fields {@code TLO_}/{@code THI_} the constructor
 * computes), a domain variable its domain. Null means unknown.
 */
final class Ranges {
  private Ranges() {}

  /** The range of the node-valued state variables: -1 up to what a packed field holds. */
  static final Range STATE_INT = new Range("-1", "(int) NM - 1", true);

  static Range domain(Domain d) {
    return new Range("0", "N_" + d.name() + " - 1", true);
  }

  /** The range of int expression {@code e} in scope {@code sc}, or null. */
  static Range of(Expr e, Scope sc) {
    return of(e, v -> sc.get(v).range());
  }

  /** The range of {@code e} with variable ranges from {@code vars} (null: unknown). */
  static Range of(Expr e, Function<String, Range> vars) {
    if (e instanceof Expr.Int i) {
      return Range.constant(i.value());
    } else if (e instanceof Expr.Var v) {
      return vars.apply(v.name());
    } else if (e instanceof Expr.Read r) {
      return r.slot().type() == Type.INT ? STATE_INT : null;
    } else if (e instanceof Expr.Topo t) {
      String id = KernelGenerator.attrId(t.attr());
      return t.attr().type() == Type.INT ? new Range("TLO_" + id, "THI_" + id, false) : null;
    } else if (e instanceof Expr.Ite i) {
      Range a = of(i.then(), vars);
      Range b = of(i.otherwise(), vars);
      return a == null || b == null ? null : a.union(b);
    } else if (e instanceof Expr.ArgMin m) {
      return new Range("-1", "N_" + m.domain().name() + " - 1", true);
    } else if (e instanceof Expr.Nth n) {
      return new Range("-1", "N_" + n.domain().name() + " - 1", true);
    } else if (e instanceof Expr.Count c) {
      return new Range("0", "N_" + c.domain().name(), true);
    } else if (e instanceof Expr.Let l) {
      Range value = of(l.value(), vars);
      return of(l.body(), v -> v.equals(l.var()) ? value : vars.apply(v));
    }
    return null;
  }

  /**
   * The ranges of every procedure's parameters: the union of its arguments' ranges over all
   * the places that invoke it (null where one of them is unknown, or for a procedure that
   * nothing invokes). Iterated to a fixpoint, as procedures may invoke procedures.
   */
  static Map<Procedure, List<Range>> parameters(RuleSet rules) {
    Map<Procedure, List<Range>> out = new HashMap<>();
    for (int pass = 0; pass < 8; pass++) {
      Map<Procedure, List<Range>> next = new HashMap<>();
      for (ActionRule a : rules.actions()) {
        walk(a.body(), Map.of(a.param(), domain(a.domain())), next);
      }
      walk(rules.boot(), Map.of(), next);
      for (Procedure p : rules.procedures()) {
        Map<String, Range> env = new HashMap<>();
        for (int i = 0; i < p.params().size(); i++) {
          env.put(p.params().get(i), out.containsKey(p) ? out.get(p).get(i) : null);
        }
        walk(p.body(), env, next);
      }
      if (next.equals(out)) {
        return out;
      }
      out = next;
    }
    return Map.of(); // no fixpoint: every parameter unknown
  }

  /** Adds the ranges of the arguments of every invocation in {@code body} to {@code out}. */
  private static void walk(List<Stmt> body, Map<String, Range> env,
      Map<Procedure, List<Range>> out) {
    for (Stmt s : body) {
      if (s instanceof Stmt.If i) {
        walk(i.then(), env, out);
        walk(i.otherwise(), env, out);
      } else if (s instanceof Stmt.ForEach f) {
        walk(f.body(), with(env, f.var(), domain(f.domain())), out);
      } else if (s instanceof Stmt.Let l) {
        walk(l.body(), with(env, l.var(), of(l.value(), env::get)), out);
      } else if (s instanceof Stmt.Invoke inv) {
        List<Range> before = out.get(inv.procedure());
        List<Range> args = new ArrayList<>();
        for (int i = 0; i < inv.args().size(); i++) {
          Range r = of(inv.args().get(i), env::get);
          args.add(before == null ? r
              : before.get(i) == null || r == null ? null : before.get(i).union(r));
        }
        out.put(inv.procedure(), args);
      }
    }
  }

  private static Map<String, Range> with(Map<String, Range> env, String var, Range r) {
    Map<String, Range> m = new HashMap<>(env);
    m.put(var, r);
    return m;
  }
}
