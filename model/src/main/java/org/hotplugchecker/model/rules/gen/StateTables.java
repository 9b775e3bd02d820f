package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.ExprAnalysis;
import org.hotplugchecker.model.rules.FreeVars;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.Types;

/**
 * Tabulates an expression with a loop that reads only a few flags: when every state
 * variable it reads is boolean, its value is a function of those flags (and of its one free
 * variable, of known range), so the constructor can evaluate it once for every combination
 * and the search looks it up. The allocator's "nearest node with online memory from
 * {@code t}" is then one load indexed by {@code t} and the blocks' online flags, instead of a
 * loop over nodes and blocks. Entries are computed by running the translation itself on
 * synthetic states that hold each combination of flags. A table that would have more than
 * {@link KernelSupport#MAX_TABLE} entries for the topology at hand is not built, and the
 * lookup falls back to that translation.
 */
final class StateTables {
  private final Tables tables;
  private final Scope.Names names;
  private final Map<String, String> memo = new HashMap<>();
  private final Set<Expr> inProgress = new HashSet<>(); // being translated without a table

  StateTables(Tables tables, Scope.Names names) {
    this.tables = tables;
    this.names = names;
  }

  /** {@code e} as a table lookup in {@code current}'s flavour, or null if it does not qualify. */
  String lookup(Expr e, Scope sc, ExprGen current) {
    List<Slot> flags = flagsRead(e);
    List<String> free = new ArrayList<>(FreeVars.of(e));
    if (flags == null || flags.isEmpty() || free.size() > 1 || inProgress.contains(e)
        || (free.size() == 1 && sc.get(free.get(0)).range() == null)) {
      return null;
    }
    Scope.Var x = free.isEmpty() ? null : sc.get(free.get(0));
    String key = e + " " + free + " " + (x == null ? "" : x.range());
    String name = memo.get(key);
    inProgress.add(e);
    try {
      if (name == null) {
        name = build(e, free.isEmpty() ? null : free.get(0), x, flags);
        memo.put(key, name);
      }
      StateAccess a = current.access();
      List<String> parts = new ArrayList<>();
      String offset = "";
      for (Slot f : flags) {
        parts.add(offset.isEmpty() ? a.vec(f) : "(" + a.vec(f) + " << " + offset + ")");
        offset = offset.isEmpty() ? size(f) : offset + " + " + size(f);
      }
      String index = "(int) (" + String.join(" | ", parts) + ")";
      if (x != null) {
        index = "(" + Tables.offset(name, x.range(), x.java()) + ") << B_" + name + " | " + index;
      }
      return "(" + name + " != null ? " + name + "[" + index + "] : " + current.gen(e, sc) + ")";
    } finally {
      inProgress.remove(e);
    }
  }

  /** The boolean slots {@code e} reads, in order, or null if it reads an int one or no loop. */
  private static List<Slot> flagsRead(Expr e) {
    Set<Slot> out = new LinkedHashSet<>();
    boolean[] ok = {true};
    ExprAnalysis.visit(e, x -> {
      if (x instanceof Expr.Read r) {
        ok[0] &= r.slot().type() == Type.BOOL;
        out.add(r.slot());
      }
    });
    return ok[0] ? new ArrayList<>(out) : null;
  }

  private static String size(Slot f) {
    return f.isScalar() ? "1" : "N_" + f.index().name();
  }

  private String build(Expr e, String var, Scope.Var x, List<Slot> flags) {
    String name = names.helper("S");
    boolean bool = Types.of(e) == Type.BOOL;
    String type = bool ? "boolean" : "int";
    List<String> sizes = flags.stream().map(StateTables::size).toList();
    Scope bs = new Scope(names);
    if (x != null) {
      bs = bs.with(var, x.domain(), x.range());
    }
    String value = tables.builder().gen(e, bs); // nested tables are built first
    JavaWriter decl = tables.declarations();
    JavaWriter init = tables.initialisation();
    decl.line("/** " + (var == null ? "" : "Per " + var + " and ") + "per value of "
        + String.join(", ", flags.stream().map(Slot::name).toList()) + ": " + Describe.of(e)
        + " (null if too large). */");
    decl.line("private final " + type + "[] " + name + ";");
    decl.line("private final int B_" + name + "; // bits of the flags in an index");
    init.line("B_" + name + " = " + String.join(" + ", sizes) + ";");
    if (x != null && !x.range().constantLow()) {
      decl.line("private final int L_" + name + ";");
      init.line("L_" + name + " = " + x.range().lo() + ";");
    }
    JavaWriter w = new JavaWriter();
    w.open("private " + type + "[] mk_" + name + "() {");
    String values = x == null ? "1" : x.range().size();
    w.line("long entries = ((long) (" + values + ")) << Math.min(B_" + name + ", 40);");
    w.line("if (entries > MAX_TABLE) return null;");
    w.line(type + "[] t = new " + type + "[(int) entries];");
    w.line("long[] s = new long[WORDS];");
    String xj = x == null ? null : bs.get(var).java();
    if (x != null) {
      w.open("for (int " + xj + " = " + x.range().lo() + "; " + xj + " <= " + x.range().hi()
          + "; " + xj + "++) {");
    }
    w.open("for (int b = 0; b < 1 << B_" + name + "; b++) {");
    String offset = "0";
    for (int i = 0; i < flags.size(); i++) {
      String id = StateAccess.id(flags.get(i));
      w.line("putVector(s, WN_" + id + ", SN_" + id + ", b >>> " + offset + ");");
      offset = offset.equals("0") ? sizes.get(i) : offset + " + " + sizes.get(i);
    }
    String at = x == null ? "b" : "(" + Tables.offset(name, x.range(), xj) + ") << B_" + name
        + " | b";
    w.line("t[" + at + "] = " + value + ";");
    w.close();
    if (x != null) {
      w.close();
    }
    w.line("return t;");
    w.close();
    tables.methods().append(w);
    init.line(name + " = mk_" + name + "();");
    return name;
  }
}
