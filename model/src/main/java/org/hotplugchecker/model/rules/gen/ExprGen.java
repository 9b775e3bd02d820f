package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.ExprAnalysis;
import org.hotplugchecker.model.rules.FreeVars;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.Types;

/**
 * Rule expressions as Java expressions over a packed state. Constructs that need a loop or
 * a local (quantifiers, arg-min, counts, lets) become private helper methods, written to
 * {@code helpers}, whose parameters are the construct's free variables.
 *
 * <p>The translation is optimised by the shape of the expression alone: quantifiers,
 * counts and arg-min candidate sets whose body allows it are evaluated bit-parallel
 * ({@link VecGen}); static parts become constructor-computed tables ({@link Tables}); a
 * flag array indexed by a node-valued state variable is read through the stored field
 * (node plus one) from the flags shifted up by one, so "no node" reads false without a
 * test; and {@code x != -1 && flag[x]} drops the test that the read already makes. Whatever
 * these do not cover is translated plainly.
 */
final class ExprGen {
  private final StateAccess access;
  private final JavaWriter done; // finished helper methods
  private final Tables tables;
  private final VecGen vectors;
  private final boolean runtime; // search code, not the constructor's or boot's: worth tables
  private JavaWriter helpers; // the helper method being written
  private boolean eager; // cheap && and || evaluate both sides (no branch)

  ExprGen(StateAccess access, JavaWriter helpers, Tables tables) {
    this(access, helpers, tables, true);
  }

  /**
   * @param runtime whether the code runs in the search (then static scalars become fields
   *     and small state functions tables), rather than once (construction, boot)
   */
  ExprGen(StateAccess access, JavaWriter helpers, Tables tables, boolean runtime) {
    this.access = access;
    this.done = helpers;
    this.tables = tables;
    this.runtime = runtime;
    this.vectors = new VecGen(this, tables);
  }

  /**
   * Translates {@code e} with cheap conjunctions and disjunctions evaluated eagerly
   * ({@code &}, {@code |}): for loop bodies where a branch per operand costs more than the
   * operand. Evaluation is total (reads outside arrays give false / -1), so this is safe.
   */
  String genEager(Expr e, Scope sc) {
    boolean before = eager;
    eager = true;
    try {
      return gen(e, sc);
    } finally {
      eager = before;
    }
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
    } else if (runtime && isStaticCompound(e)) {
      return tables.constant(e);
    } else if (e instanceof Expr.Read r) {
      return read(r, sc);
    } else if (e instanceof Expr.Topo t) {
      return topo(t, sc);
    } else if (e instanceof Expr.KnobIs k) {
      return KernelGenerator.knobField(k.knob(), k.value());
    } else if (e instanceof Expr.ArchIs a) {
      return "A_" + a.arch().name();
    } else if (e instanceof Expr.Not n) {
      String x = gen(n.operand(), sc); // an atom or parenthesised: "!" + x negates all of it
      return x.startsWith("!") ? x.substring(1) : "!" + x;
    } else if (e instanceof Expr.And a) {
      List<Expr> ops = Simplify.conjuncts(a.operands());
      return join(ops, eager && cheap(a) ? " & " : " && ", "true", sc);
    } else if (e instanceof Expr.Or o) {
      List<Expr> ops = Simplify.disjuncts(o.operands());
      return join(ops, eager && cheap(o) ? " | " : " || ", "false", sc);
    } else if (e instanceof Expr.Implies im) {
      return "(!" + gen(im.left(), sc) + (eager && cheap(im) ? " | " : " || ")
          + gen(im.right(), sc) + ")";
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
      String vector = quantVector(q, sc);
      return vector != null ? vector : tabulatedOr(e, sc, () -> quant(q, sc));
    } else if (e instanceof Expr.ArgMin m) {
      return tabulatedOr(e, sc, () -> argMin(m, sc));
    } else if (e instanceof Expr.Count c) {
      return tabulatedOr(e, sc, () -> count(c, sc));
    } else if (e instanceof Expr.Nth n) {
      return tabulatedOr(e, sc, () -> nth(n, sc));
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

  /**
   * A state variable's element. A boolean one at a node-valued state variable's element is
   * read from the stored field: bit {@code f} of the flags shifted up by one is the flag of
   * node {@code f - 1}, and bit 0 (no node) and bits past the array are clear.
   */
  private String read(Expr.Read r, Scope sc) {
    if (r.index() == null) {
      return access.read(r.slot(), null);
    }
    if (r.slot().type() == Type.BOOL && r.index() instanceof Expr.Read ir
        && ir.slot().type() == Type.INT && !ir.slot().isScalar()) {
      String j = gen(ir.index(), sc);
      String field = inDomain(ir.index(), ir.slot().index(), sc) ? access.raw(ir.slot(), j)
          : access.rawChecked(ir.slot(), j);
      return "((((" + access.vec(r.slot()) + " << 1) >>> " + field + ") & 1L) != 0)";
    }
    String idx = gen(r.index(), sc);
    if (inDomain(r.index(), r.slot().index(), sc)) {
      return access.read(r.slot(), idx);
    }
    Range range = r.slot().type() == Type.BOOL ? Ranges.of(r.index(), sc) : null;
    if (range != null && range.small()) { // -1 <= idx + 1 <= 63: a shift distance
      return "((((" + access.vec(r.slot()) + " << 1) >>> (" + idx + " + 1)) & 1L) != 0)";
    }
    return access.readChecked(r.slot(), idx);
  }

  /** Whether {@code e} is worth a field: static, closed, and more than a constant or a fact. */
  private static boolean isStaticCompound(Expr e) {
    boolean leaf = e instanceof Expr.Bool || e instanceof Expr.Int || e instanceof Expr.Var
        || e instanceof Expr.KnobIs || e instanceof Expr.ArchIs || e instanceof Expr.Topo
        || e instanceof Expr.Read;
    return !leaf && !ExprAnalysis.readsState(e) && FreeVars.of(e).isEmpty();
  }

  /** Whether {@code e} has no loop or local: eager evaluation costs a few instructions. */
  static boolean cheap(Expr e) {
    boolean[] loops = {false};
    ExprAnalysis.visit(e, x -> loops[0] |= x instanceof Expr.Quant || x instanceof Expr.ArgMin
        || x instanceof Expr.Count || x instanceof Expr.Nth || x instanceof Expr.Let);
    return !loops[0];
  }

  /** Whether {@code index} is a variable ranging over exactly {@code domain}. */
  static boolean inDomain(Expr index, Domain domain, Scope sc) {
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
      inner = inner.with(v, outer.domain(), outer.range());
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

  /** The bits of domain {@code d} in a vector. */
  static String masked(String vec, Domain d) {
    return "(" + vec + " & DM_" + d.name() + ")";
  }

  /** A quantifier without a loop ({@link VecGen}), or null. */
  String quantVector(Expr.Quant q, Scope sc) {
    String v = vectors.vector(q.body(), q.var(), q.domain(), sc.with(q.var(), q.domain()));
    if (v == null) {
      return null;
    }
    return q.quantifier() == Expr.Quantifier.FORALL ? "(" + masked(negate(v), q.domain())
        + " == 0)" : "(" + masked(v, q.domain()) + " != 0)";
  }

  /** {@code ~vec}, without writing {@code ~~}. */
  private static String negate(String vec) {
    return vec.startsWith("~") ? vec.substring(1) : "~" + vec;
  }

  /** {@code e} from a table of its values ({@link StateTables}) if it has one, else {@code code}. */
  private String tabulatedOr(Expr e, Scope sc, java.util.function.Supplier<String> code) {
    String t = runtime ? tables.states().lookup(e, sc, this) : null;
    return t != null ? t : code.get();
  }

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
    String set = vectors.vector(m.cond(), m.var(), m.domain(), body);
    if (set != null) { // only the candidates
      helpers.open("for (long x = " + masked(set, m.domain()) + "; x != 0; x &= x - 1) {");
      helpers.line("int " + v + " = Bits.lowest(x);");
    } else {
      helpers.open("for (int " + v + " = 0; " + v + " < N_" + m.domain().name() + "; " + v
          + "++) {");
      helpers.line("if (!" + gen(m.cond(), body) + ") continue;");
    }
    helpers.line("int k = " + gen(m.key(), body) + ";");
    helpers.line("if (best < 0 || k < bestKey) { best = " + v + "; bestKey = k; }");
    helpers.close();
    helpers.line("return best;");
    return finish(h);
  }

  private String count(Expr.Count c, Scope sc) {
    String vec = vectors.vector(c.cond(), c.var(), c.domain(), sc.with(c.var(), c.domain()));
    if (vec != null) {
      return "Long.bitCount(" + masked(vec, c.domain()) + ")";
    }
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
    Scope body = h.scope().with(l.var(), domainOf(l.value(), h.scope()),
        Ranges.of(l.value(), h.scope()));
    helpers.line("final int " + body.get(l.var()).java() + " = " + gen(l.value(), h.scope()) + ";");
    helpers.line("return " + gen(l.body(), body) + ";");
    return finish(h);
  }

  /** The domain a bound value ranges over, when it is a variable that does. */
  static Domain domainOf(Expr value, Scope sc) {
    return value instanceof Expr.Var v ? sc.get(v.name()).domain() : null;
  }
}
