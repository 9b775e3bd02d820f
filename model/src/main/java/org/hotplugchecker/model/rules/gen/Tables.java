package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.FreeVars;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.Types;

/**
 * Tables the generated constructor computes once per topology, for subexpressions that read
 * no state: a static predicate as a bit mask over a domain ({@code mem.home[b] == nid} as
 * the blocks of node {@code nid}), a static index into a flag array as a map from the
 * array's elements to the elements that pick them ({@code node.online[cpu.home[c]]}), and a
 * static scalar ({@code knob == a || knob == b && arch}). A table is indexed by at most one
 * variable, over that variable's {@link Range}. Equal requests share one table. Each table
 * is built by a {@code mk_} method from the plain translation ({@link #builder}, on no
 * state), so tables hold exactly what the code they replace computes.
 */
final class Tables {
  private final JavaWriter decl = new JavaWriter();
  private final JavaWriter init = new JavaWriter();
  private final JavaWriter methods = new JavaWriter();
  private final Map<String, String> memo = new HashMap<>();
  private final Scope.Names names;
  private ExprGen builder;
  private StateTables states;

  Tables(Scope.Names names) {
    this.names = names;
  }

  /** The generator of construction-time code: multi-word, writing helpers to {@link #methods}. */
  ExprGen builder() {
    if (builder == null) {
      builder = new ExprGen(new StateAccess.MultiWord(), methods, this, false);
    }
    return builder;
  }

  /** The tables of state-dependent expressions, which share this class's fields and methods. */
  StateTables states() {
    if (states == null) {
      states = new StateTables(this, names);
    }
    return states;
  }

  JavaWriter declarations() {
    return decl;
  }

  /** The constructor's lines, in the order tables must be built (a table before its users). */
  JavaWriter initialisation() {
    return init;
  }

  JavaWriter methods() {
    return methods;
  }

  /**
   * The bits of the elements {@code v} of {@code d} where static {@code e} holds, as a Java
   * expression in {@code sc}; null when {@code e} has another free variable than one of
   * known range.
   */
  String mask(Expr e, String v, Domain d, Scope sc) {
    List<String> outer = new ArrayList<>(FreeVars.of(e));
    outer.remove(v);
    if (outer.size() > 1 || (outer.size() == 1 && sc.get(outer.get(0)).range() == null)) {
      return null;
    }
    String o = outer.isEmpty() ? null : outer.get(0);
    Scope.Var ov = o == null ? null : sc.get(o);
    String key = "mask " + v + " " + d + " " + o + " " + (ov == null ? "" : ov.range()) + " " + e;
    String name = memo.get(key);
    if (name == null) {
      name = names.helper("M");
      Scope bs = new Scope(names).with(v, d);
      if (o != null) {
        bs = bs.with(o, ov.domain(), ov.range());
      }
      String vj = bs.get(v).java();
      JavaWriter w = new JavaWriter();
      String test = builder().gen(e, bs);
      w.line("long m = 0;");
      w.line("for (int " + vj + " = 0; " + vj + " < N_" + d.name() + "; " + vj + "++) if ("
          + test + ") m |= 1L << " + vj + ";");
      String what = "the " + d + " " + v + " where " + Describe.of(e) + " holds";
      build(name, "long", o, o == null ? null : bs.get(o), w, "m", what);
      memo.put(key, name);
    }
    return o == null ? name : index(name, ov.range(), ov.java());
  }

  /**
   * {@code node.online[idx(v)]} over the elements {@code v} of {@code d}, for a static
   * {@code idx} whose only free variable is {@code v}: the union of the elements picking
   * each set flag of {@code flags} (a vector over {@code target}); null if {@code idx} has
   * other free variables.
   */
  String select(String flags, Expr idx, String v, Domain d, Domain target) {
    if (!List.of(v).containsAll(FreeVars.of(idx))) {
      return null;
    }
    String key = "select " + v + " " + d + " " + target + " " + idx;
    String name = memo.get(key);
    if (name == null) {
      name = names.helper("MAP");
      Scope bs = new Scope(names).with(v, d);
      String vj = bs.get(v).java();
      String at = builder().gen(idx, bs);
      JavaWriter w = new JavaWriter();
      w.line("long[] m = new long[N_" + target.name() + "];");
      w.open("for (int " + vj + " = 0; " + vj + " < N_" + d.name() + "; " + vj + "++) {");
      w.line("int n = " + at + ";");
      w.line("if (n >= 0 && n < N_" + target.name() + ") m[n] |= 1L << " + vj + ";");
      w.close();
      build(name, "long[]", null, null, w, "m", "per element n of " + target + ", the " + d + " "
          + v + " with " + Describe.of(idx) + " == n");
      decl.line("private final long[] T" + name + ";");
      init.line("T" + name + " = selectTable(" + name + ");");
      memo.put(key, name);
    }
    return "select(" + flags + ", " + name + ", T" + name + ")";
  }

  /** Static {@code e} without free variables, computed once: a field's name. */
  String constant(Expr e) {
    String key = "constant " + e;
    String name = memo.get(key);
    if (name == null) {
      name = names.helper("H");
      String type = Types.of(e) == Type.BOOL ? "boolean" : "int";
      JavaWriter w = new JavaWriter();
      build(name, type, null, null, w, builder().gen(e, new Scope(names)), Describe.of(e));
      memo.put(key, name);
    }
    return name;
  }

  /**
   * Declares table {@code name} of element type {@code type} and its {@code mk_} method:
   * {@code body} then {@code result} compute one entry; with {@code index} (the rule
   * variable {@code indexName}), once per value of that variable's range.
   */
  private void build(String name, String type, String indexName, Scope.Var index,
      JavaWriter body, String result, String what) {
    String field = index == null ? type : type + "[]";
    decl.line("/** " + (index == null ? "" : "Per " + indexName + ": ") + what + ". */");
    decl.line("private final " + field + " " + name + ";");
    JavaWriter w = new JavaWriter();
    w.open("private " + field + " mk_" + name + "() {");
    w.line("long[] s = null; // reads no state");
    if (index == null) {
      w.append(body);
      w.line("return " + result + ";");
    } else {
      Range r = index.range();
      String x = index.java();
      if (!r.constantLow()) {
        decl.line("private final int L_" + name + ";");
        init.line("L_" + name + " = " + r.lo() + ";");
      }
      w.line(field + " t = new " + type + "[" + r.size() + "];");
      w.open("for (int " + x + " = " + r.lo() + "; " + x + " <= " + r.hi() + "; " + x + "++) {");
      w.append(body);
      w.line("t[" + offset(name, r, x) + "] = " + result + ";");
      w.close();
      w.line("return t;");
    }
    w.close();
    methods.append(w);
    init.line(name + " = mk_" + name + "();");
  }

  /** Table {@code name} at variable {@code x} of range {@code r}. */
  static String index(String name, Range r, String x) {
    return name + "[" + offset(name, r, x) + "]";
  }

  /**
   * {@code x}'s position in range {@code r} of table {@code name}: {@code x - lo}, with a
   * non-literal {@code lo} held in field {@code L_name}.
   */
  static String offset(String name, Range r, String x) {
    if (!r.constantLow()) {
      return x + " - L_" + name;
    }
    int lo = Integer.parseInt(r.lo());
    return lo == 0 ? x : lo < 0 ? x + " + " + -lo : x + " - " + lo;
  }
}
