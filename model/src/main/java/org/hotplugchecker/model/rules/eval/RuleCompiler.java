package org.hotplugchecker.model.rules.eval;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Procedure;
import org.hotplugchecker.model.rules.Stmt;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;

/**
 * Turns rule expressions and statements into closures for one topology: knobs, arch and
 * domain sizes are folded in, topology attributes become table lookups and variables
 * become slots of a frame. This is the reference semantics of the rule language that every
 * other engine is tested against; it favours being obviously right over speed.
 */
final class RuleCompiler {
  private final TopologyFacts facts;
  private final PackedLayout layout;
  private final Deque<Map<String, Integer>> scopes = new ArrayDeque<>();
  private final Map<Procedure, Procedure> compiling;
  private final Map<Procedure, CompiledProcedure> procedures;
  private int nextVar;
  private int maxVars;

  RuleCompiler(TopologyFacts facts, PackedLayout layout) {
    this(facts, layout, new IdentityHashMap<>(), new IdentityHashMap<>());
  }

  private RuleCompiler(TopologyFacts facts, PackedLayout layout,
      Map<Procedure, CompiledProcedure> procedures, Map<Procedure, Procedure> compiling) {
    this.facts = facts;
    this.layout = layout;
    this.procedures = procedures;
    this.compiling = compiling;
    scopes.push(new HashMap<>());
  }

  /** How many variable slots a frame needs for everything compiled so far. */
  int frameSize() {
    return maxVars;
  }

  /** Binds {@code name} in a new scope and returns its slot; close with {@link #unbind}. */
  int bind(String name) {
    Map<String, Integer> scope = new HashMap<>(scopes.peek());
    int slot = nextVar++;
    maxVars = Math.max(maxVars, nextVar);
    scope.put(name, slot);
    scopes.push(scope);
    return slot;
  }

  void unbind() {
    scopes.pop();
    nextVar--;
  }

  private int slotOf(String name) {
    Integer slot = scopes.peek().get(name);
    if (slot == null) {
      throw new IllegalArgumentException("unbound variable '" + name + "'");
    }
    return slot;
  }

  // ---- expressions ------------------------------------------------------------------

  Eval expr(Expr e) {
    if (e instanceof Expr.Bool b) {
      int v = b.value() ? 1 : 0;
      return f -> v;
    } else if (e instanceof Expr.Int i) {
      int v = i.value();
      return f -> v;
    } else if (e instanceof Expr.Var v) {
      int slot = slotOf(v.name());
      return f -> f.vars[slot];
    } else if (e instanceof Expr.Read r) {
      return read(r);
    } else if (e instanceof Expr.Topo t) {
      return topo(t);
    } else if (e instanceof Expr.KnobIs k) {
      int v = facts.knobIs(k.knob(), k.value()) ? 1 : 0;
      return f -> v;
    } else if (e instanceof Expr.ArchIs a) {
      int v = facts.arch() == a.arch() ? 1 : 0;
      return f -> v;
    } else if (e instanceof Expr.Not n) {
      Eval x = expr(n.operand());
      return f -> 1 - x.eval(f);
    } else if (e instanceof Expr.And a) {
      Eval[] xs = exprs(a.operands());
      return f -> {
        for (Eval x : xs) {
          if (x.eval(f) == 0) {
            return 0;
          }
        }
        return 1;
      };
    } else if (e instanceof Expr.Or o) {
      Eval[] xs = exprs(o.operands());
      return f -> {
        for (Eval x : xs) {
          if (x.eval(f) != 0) {
            return 1;
          }
        }
        return 0;
      };
    } else if (e instanceof Expr.Implies im) {
      Eval a = expr(im.left());
      Eval b = expr(im.right());
      return f -> a.eval(f) == 0 || b.eval(f) != 0 ? 1 : 0;
    } else if (e instanceof Expr.Iff iff) {
      Eval a = expr(iff.left());
      Eval b = expr(iff.right());
      return f -> a.eval(f) == b.eval(f) ? 1 : 0;
    } else if (e instanceof Expr.Compare c) {
      Eval a = expr(c.left());
      Eval b = expr(c.right());
      Expr.CompareOp op = c.op();
      return f -> op.test(a.eval(f), b.eval(f)) ? 1 : 0;
    } else if (e instanceof Expr.Ite ite) {
      Eval c = expr(ite.cond());
      Eval a = expr(ite.then());
      Eval b = expr(ite.otherwise());
      return f -> c.eval(f) != 0 ? a.eval(f) : b.eval(f);
    } else if (e instanceof Expr.Quant q) {
      return quant(q);
    } else if (e instanceof Expr.ArgMin m) {
      return argMin(m);
    } else if (e instanceof Expr.Count c) {
      int n = facts.size(c.domain());
      int slot = bind(c.var());
      Eval cond = expr(c.cond());
      unbind();
      return f -> {
        int k = 0;
        for (int i = 0; i < n; i++) {
          f.vars[slot] = i;
          k += cond.eval(f);
        }
        return k;
      };
    } else if (e instanceof Expr.Nth nth) {
      int n = facts.size(nth.domain());
      Eval which = expr(nth.n());
      int slot = bind(nth.var());
      Eval cond = expr(nth.cond());
      unbind();
      return f -> {
        int k = which.eval(f);
        for (int i = 0; i < n; i++) {
          f.vars[slot] = i;
          if (cond.eval(f) != 0 && k-- == 0) {
            return i;
          }
        }
        return -1;
      };
    } else if (e instanceof Expr.Mod m) {
      Eval a = expr(m.left());
      Eval b = expr(m.right());
      return f -> {
        int x = a.eval(f);
        int y = b.eval(f);
        return x >= 0 && y > 0 ? x % y : -1;
      };
    } else if (e instanceof Expr.Let l) {
      Eval value = expr(l.value());
      int slot = bind(l.var());
      Eval body = expr(l.body());
      unbind();
      return f -> {
        f.vars[slot] = value.eval(f);
        return body.eval(f);
      };
    }
    throw new IllegalArgumentException("no evaluation for " + e);
  }

  private Eval[] exprs(List<Expr> es) {
    Eval[] out = new Eval[es.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = expr(es.get(i));
    }
    return out;
  }

  private Eval read(Expr.Read r) {
    int s = layout.slotIndex(r.slot());
    boolean bool = r.slot().type() == Type.BOOL;
    int outside = bool ? 0 : -1;
    if (r.index() == null) {
      int field = layout.field(s, 0);
      return bool ? f -> (int) layout.raw(f.state, field)
          : f -> (int) layout.raw(f.state, field) - 1;
    }
    Eval index = expr(r.index());
    int size = layout.size(s);
    return f -> {
      int i = index.eval(f);
      if (i < 0 || i >= size) {
        return outside;
      }
      int raw = (int) layout.raw(f.state, layout.field(s, i));
      return bool ? raw : raw - 1;
    };
  }

  private Eval topo(Expr.Topo t) {
    TopologyAttr attr = t.attr();
    if (t.indices().size() != attr.indices().size()) {
      throw new IllegalArgumentException(attr.name() + " takes " + attr.indices().size()
          + " indices, got " + t.indices().size());
    }
    // Looked up in a table made once: the search judges steps with this interpreter when
    // it breaks ties by a renaming's ranks (TieBreaks), so it runs per state there.
    int[][] table = facts.values(attr);
    int outside = TopologyFacts.outside(attr);
    Eval i = expr(t.indices().get(0));
    if (attr.indices().size() == 1) {
      return f -> at(table, i.eval(f), 0, outside);
    }
    Eval j = expr(t.indices().get(1));
    return f -> at(table, i.eval(f), j.eval(f), outside);
  }

  /** {@code table[i][j]}, or {@code outside} when either index is out of range. */
  private static int at(int[][] table, int i, int j, int outside) {
    if (i < 0 || i >= table.length || j < 0 || j >= table[i].length) {
      return outside;
    }
    return table[i][j];
  }

  private Eval quant(Expr.Quant q) {
    int n = facts.size(q.domain());
    int slot = bind(q.var());
    Eval body = expr(q.body());
    unbind();
    boolean forall = q.quantifier() == Expr.Quantifier.FORALL;
    return f -> {
      for (int i = 0; i < n; i++) {
        f.vars[slot] = i;
        boolean b = body.eval(f) != 0;
        if (forall != b) {
          return forall ? 0 : 1;
        }
      }
      return forall ? 1 : 0;
    };
  }

  private Eval argMin(Expr.ArgMin m) {
    int n = facts.size(m.domain());
    int slot = bind(m.var());
    Eval cond = expr(m.cond());
    Eval key = expr(m.key());
    unbind();
    Domain d = m.domain();
    return f -> argMin(f, n, slot, cond, key,
        f.ties != null && f.ties.orders(d) ? f.ties : null);
  }

  /**
   * The element of least key among those meeting the condition, -1 if none; ties go to the
   * lower index, or with {@code ties} to the lowest rank, and are noted there.
   */
  private static int argMin(Frame f, int n, int slot, Eval cond, Eval key, TieBreaks ties) {
    int best = -1;
    int bestKey = 0;
    long least = 0; // with ties: the elements sharing the least key so far
    int sharing = 0;
    for (int i = 0; i < n; i++) {
      f.vars[slot] = i;
      if (cond.eval(f) == 0) {
        continue;
      }
      int k = key.eval(f);
      if (best < 0 || k < bestKey) {
        best = i;
        bestKey = k;
        least = 0;
        sharing = 0;
      } else if (k != bestKey) {
        continue;
      } else if (ties != null && ties.rank(i) < ties.rank(best)) {
        best = i; // without ties, the lower index (found first) is kept
      }
      least |= i < 64 ? 1L << i : 0;
      sharing++;
    }
    if (ties != null && sharing > 1) {
      ties.met(least, best, n <= 64);
    }
    return best;
  }

  // ---- statements -------------------------------------------------------------------

  Exec block(List<Stmt> stmts) {
    Exec[] xs = new Exec[stmts.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = stmt(stmts.get(i));
    }
    if (xs.length == 1) {
      return xs[0];
    }
    return f -> {
      for (Exec x : xs) {
        x.run(f);
      }
    };
  }

  private Exec stmt(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      return assign(a);
    } else if (s instanceof Stmt.If i) {
      Eval c = expr(i.cond());
      Exec then = block(i.then());
      Exec otherwise = block(i.otherwise());
      return f -> {
        if (c.eval(f) != 0) {
          then.run(f);
        } else {
          otherwise.run(f);
        }
      };
    } else if (s instanceof Stmt.ForEach fe) {
      int n = facts.size(fe.domain());
      int slot = bind(fe.var());
      Exec body = block(fe.body());
      unbind();
      return f -> {
        for (int i = 0; i < n; i++) {
          f.vars[slot] = i;
          body.run(f);
        }
      };
    } else if (s instanceof Stmt.Let l) {
      Eval value = expr(l.value());
      int slot = bind(l.var());
      Exec body = block(l.body());
      unbind();
      return f -> {
        f.vars[slot] = value.eval(f);
        body.run(f);
      };
    } else if (s instanceof Stmt.Invoke inv) {
      return invoke(inv);
    } else if (s instanceof Stmt.KernelCall k) {
      Eval[] args = exprs(k.args());
      String[] parts = k.template().split("%d", -1);
      return f -> {
        if (f.calls == null) {
          return;
        }
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 0; i < args.length; i++) {
          sb.append(args[i].eval(f)).append(parts[i + 1]);
        }
        f.calls.add(sb.toString());
      };
    }
    throw new IllegalArgumentException("no execution for " + s);
  }

  private Exec assign(Stmt.Assign a) {
    int s = layout.slotIndex(a.slot());
    Eval value = expr(a.value());
    boolean bool = a.slot().type() == Type.BOOL;
    if (a.index() == null) {
      int field = layout.field(s, 0);
      return f -> layout.setRaw(f.state, field, bool ? value.eval(f) : value.eval(f) + 1L);
    }
    Eval index = expr(a.index());
    int size = layout.size(s);
    String name = a.slot().name();
    return f -> {
      int i = index.eval(f);
      if (i < 0 || i >= size) {
        throw new IllegalStateException("the rules wrote " + name + "[" + i
            + "], outside 0.." + (size - 1));
      }
      int v = value.eval(f);
      layout.setRaw(f.state, layout.field(s, i), bool ? v : v + 1L);
    };
  }

  private Exec invoke(Stmt.Invoke inv) {
    CompiledProcedure p = procedure(inv.procedure());
    if (inv.args().size() != p.params) {
      throw new IllegalArgumentException(inv.procedure().name() + " takes " + p.params
          + " arguments, got " + inv.args().size());
    }
    Eval[] args = exprs(inv.args());
    return f -> {
      // The procedure runs in a frame of its own: its variables never touch the caller's.
      Frame callee = new Frame(f.state, p.frameSize, f.calls, f.ties);
      for (int i = 0; i < args.length; i++) {
        callee.vars[i] = args[i].eval(f);
      }
      p.body.run(callee);
    };
  }

  /** A procedure's body sees only its parameters (slots 0..): it is compiled once. */
  private CompiledProcedure procedure(Procedure proc) {
    CompiledProcedure done = procedures.get(proc);
    if (done != null) {
      return done;
    }
    if (compiling.put(proc, proc) != null) {
      throw new IllegalArgumentException("procedure " + proc.name() + " calls itself");
    }
    RuleCompiler inner = new RuleCompiler(facts, layout, procedures, compiling);
    for (String param : proc.params()) {
      inner.bind(param);
    }
    Exec body = inner.block(proc.body());
    compiling.remove(proc);
    CompiledProcedure p = new CompiledProcedure(proc.params().size(), inner.frameSize(), body);
    procedures.put(proc, p);
    return p;
  }

  private record CompiledProcedure(int params, int frameSize, Exec body) {}

  /** The size of domain {@code d} in this topology. */
  int size(Domain d) {
    return facts.size(d);
  }
}
