package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.FreeVars;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.Types;

/**
 * Rule expressions as Java expressions over a packed state. Constructs that need a loop or
 * a local (quantifiers, arg-min, counts, lets) become private helper methods, written to
 * {@code helpers}, whose parameters are the construct's free variables.
 */
final class ExprGen {
  private final StateAccess access;
  private final JavaWriter done; // finished helper methods
  private JavaWriter helpers; // the helper method being written

  ExprGen(StateAccess access, JavaWriter helpers) {
    this.access = access;
    this.done = helpers;
  }

  StateAccess access() {
    return access;
  }

  /** {@code e} as a Java expression in scope {@code sc}. */
  String gen(Expr e, Scope sc) {
    if (e instanceof Expr.Bool b) {
      return Boolean.toString(b.value());
    } else if (e instanceof Expr.Int i) {
      return "(" + i.value() + ")";
    } else if (e instanceof Expr.Var v) {
      return sc.get(v.name()).java();
    } else if (e instanceof Expr.Read r) {
      if (r.index() == null) {
        return access.read(r.slot(), null);
      }
      String idx = gen(r.index(), sc);
      return inDomain(r.index(), r.slot().index(), sc) ? access.read(r.slot(), idx)
          : access.readChecked(r.slot(), idx);
    } else if (e instanceof Expr.Topo t) {
      return topo(t, sc);
    } else if (e instanceof Expr.KnobIs k) {
      return KernelGenerator.knobField(k.knob(), k.value());
    } else if (e instanceof Expr.ArchIs a) {
      return "A_" + a.arch().name();
    } else if (e instanceof Expr.Not n) {
      return "!" + gen(n.operand(), sc);
    } else if (e instanceof Expr.And a) {
      return join(a.operands(), " && ", "true", sc);
    } else if (e instanceof Expr.Or o) {
      return join(o.operands(), " || ", "false", sc);
    } else if (e instanceof Expr.Implies im) {
      return "(!" + gen(im.left(), sc) + " || " + gen(im.right(), sc) + ")";
    } else if (e instanceof Expr.Iff iff) {
      return "(" + gen(iff.left(), sc) + " == " + gen(iff.right(), sc) + ")";
    } else if (e instanceof Expr.Compare c) {
      return "(" + gen(c.left(), sc) + " " + c.op().symbol() + " " + gen(c.right(), sc) + ")";
    } else if (e instanceof Expr.Ite i) {
      return "(" + gen(i.cond(), sc) + " ? " + gen(i.then(), sc) + " : "
          + gen(i.otherwise(), sc) + ")";
    } else if (e instanceof Expr.Mod m) {
      return "mod(" + gen(m.left(), sc) + ", " + gen(m.right(), sc) + ")";
    } else if (e instanceof Expr.Quant q) {
      return quant(q, sc);
    } else if (e instanceof Expr.ArgMin m) {
      return argMin(m, sc);
    } else if (e instanceof Expr.Count c) {
      return count(c, sc);
    } else if (e instanceof Expr.Nth n) {
      return nth(n, sc);
    } else if (e instanceof Expr.Let l) {
      return let(l, sc);
    }
    throw new IllegalArgumentException("the code generator has no translation for " + e);
  }

  private String join(List<Expr> es, String op, String empty, Scope sc) {
    if (es.isEmpty()) {
      return empty;
    }
    List<String> parts = new ArrayList<>();
    for (Expr x : es) {
      parts.add(gen(x, sc));
    }
    return "(" + String.join(op, parts) + ")";
  }

  /** Whether {@code index} is a variable ranging over exactly {@code domain}. */
  private static boolean inDomain(Expr index, Domain domain, Scope sc) {
    return index instanceof Expr.Var v && sc.get(v.name()).domain() == domain;
  }

  private String topo(Expr.Topo t, Scope sc) {
    String id = KernelGenerator.attrId(t.attr());
    if (t.indices().size() == 1) {
      String i = gen(t.indices().get(0), sc);
      return inDomain(t.indices().get(0), t.attr().indices().get(0), sc) ? "T_" + id + "[" + i + "]"
          : "t_" + id + "(" + i + ")";
    }
    return "t_" + id + "(" + gen(t.indices().get(0), sc) + ", " + gen(t.indices().get(1), sc)
        + ")";
  }

  /**
   * Starts helper method {@code name} returning {@code type} for construct {@code e}: its
   * parameters are the state and {@code e}'s free variables. Returns the helper's scope and
   * the call expression.
   */
  private Helper helper(String kind, Expr e, Type type, Scope sc) {
    String name = sc.names().helper(kind) + access.suffix();
    Set<String> free = FreeVars.of(e);
    Scope inner = new Scope(sc.names());
    List<String> params = new ArrayList<>();
    List<String> args = new ArrayList<>();
    params.add(access.param());
    args.add("s");
    for (String v : free) {
      Scope.Var outer = sc.get(v);
      inner = inner.with(v, outer.domain());
      params.add("int " + inner.get(v).java());
      args.add(outer.java());
    }
    JavaWriter outer = helpers;
    helpers = new JavaWriter();
    helpers.open("private " + (type == Type.BOOL ? "boolean" : "int") + " " + name + "("
        + String.join(", ", params) + ") {");
    return new Helper(inner, name + "(" + String.join(", ", args) + ")", outer);
  }

  /**
   * Ends the helper method being written: it joins the finished ones (after any helpers it
   * called, which finished first) and the enclosing one, if any, resumes.
   */
  private String finish(Helper h) {
    helpers.close();
    done.append(helpers);
    helpers = h.outer();
    return h.call();
  }

  private record Helper(Scope scope, String call, JavaWriter outer) {}

  private String quant(Expr.Quant q, Scope sc) {
    Helper h = helper("q", q, Type.BOOL, sc);
    Scope body = h.scope().with(q.var(), q.domain());
    String v = body.get(q.var()).java();
    boolean forall = q.quantifier() == Expr.Quantifier.FORALL;
    helpers.open("for (int " + v + " = 0; " + v + " < N_" + q.domain().name() + "; " + v + "++) {");
    helpers.line("if (" + (forall ? "!" : "") + gen(q.body(), body) + ") return " + !forall + ";");
    helpers.close();
    helpers.line("return " + forall + ";");
    return finish(h);
  }

  private String argMin(Expr.ArgMin m, Scope sc) {
    Helper h = helper("argmin", m, Type.INT, sc);
    Scope body = h.scope().with(m.var(), m.domain());
    String v = body.get(m.var()).java();
    helpers.line("int best = -1;");
    helpers.line("int bestKey = 0;");
    helpers.open("for (int " + v + " = 0; " + v + " < N_" + m.domain().name() + "; " + v + "++) {");
    helpers.line("if (!" + gen(m.cond(), body) + ") continue;");
    helpers.line("int k = " + gen(m.key(), body) + ";");
    helpers.line("if (best < 0 || k < bestKey) { best = " + v + "; bestKey = k; }");
    helpers.close();
    helpers.line("return best;");
    return finish(h);
  }

  private String count(Expr.Count c, Scope sc) {
    Helper h = helper("count", c, Type.INT, sc);
    Scope body = h.scope().with(c.var(), c.domain());
    String v = body.get(c.var()).java();
    helpers.line("int k = 0;");
    helpers.open("for (int " + v + " = 0; " + v + " < N_" + c.domain().name() + "; " + v + "++) {");
    helpers.line("if (" + gen(c.cond(), body) + ") k++;");
    helpers.close();
    helpers.line("return k;");
    return finish(h);
  }

  private String nth(Expr.Nth n, Scope sc) {
    Helper h = helper("nth", n, Type.INT, sc);
    helpers.line("int k = " + gen(n.n(), h.scope()) + ";");
    Scope body = h.scope().with(n.var(), n.domain());
    String v = body.get(n.var()).java();
    helpers.open("for (int " + v + " = 0; " + v + " < N_" + n.domain().name() + "; " + v + "++) {");
    helpers.line("if (" + gen(n.cond(), body) + " && k-- == 0) return " + v + ";");
    helpers.close();
    helpers.line("return -1;");
    return finish(h);
  }

  private String let(Expr.Let l, Scope sc) {
    Helper h = helper("let", l, Types.of(l.body()), sc);
    Scope body = h.scope().with(l.var(), domainOf(l.value(), h.scope()));
    helpers.line("final int " + body.get(l.var()).java() + " = " + gen(l.value(), h.scope()) + ";");
    helpers.line("return " + gen(l.body(), body) + ";");
    return finish(h);
  }

  /** The domain a bound value ranges over, when it is a variable that does. */
  static Domain domainOf(Expr value, Scope sc) {
    return value instanceof Expr.Var v ? sc.get(v.name()).domain() : null;
  }
}
