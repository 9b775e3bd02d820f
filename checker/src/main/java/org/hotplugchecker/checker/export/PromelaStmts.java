package org.hotplugchecker.checker.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.Procedure;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Stmt;
import org.hotplugchecker.model.rules.Type;

/**
 * Translates statement bodies into the sequential Promela of one {@code d_step}: loops are
 * unrolled, known conditions pick their branch, procedures are inlined with their
 * parameters bound by value, and a value the state decides that a later statement must
 * still see as it was (a {@code let}, a procedure argument) is kept in a {@code hidden}
 * temporary, which is not part of SPIN's state vector. Kernel calls become {@code printf}s,
 * which SPIN shows when it replays a trail and ignores while verifying.
 */
final class PromelaStmts {
  private final PromelaExprs exprs;
  private final StringBuilder out = new StringBuilder();
  private final Map<String, Type> temporaries = new LinkedHashMap<>();
  private final Deque<Procedure> inlining = new ArrayDeque<>();

  PromelaStmts(PromelaExprs exprs) {
    this.exprs = exprs;
  }

  /** The Promela written so far. */
  String code() {
    return out.toString();
  }

  /** Forgets the code written so far (the temporaries stay declared). */
  void clear() {
    out.setLength(0);
  }

  /** The temporaries used so far, by name. */
  Map<String, Type> temporaries() {
    return temporaries;
  }

  /** Writes one line at {@code indent}. */
  void line(int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }

  /** Writes {@code stmts} with bound variables {@code env}. */
  void block(List<Stmt> stmts, Map<String, PVal> env, int indent) {
    for (Stmt s : stmts) {
      stmt(s, env, indent);
    }
  }

  private void stmt(Stmt s, Map<String, PVal> env, int indent) {
    if (s instanceof Stmt.Assign a) {
      assign(a, env, indent);
    } else if (s instanceof Stmt.If i) {
      PVal c = exprs.expr(i.cond(), env);
      if (c.isConst()) {
        block(c.constant() != 0 ? i.then() : i.otherwise(), env, indent);
        return;
      }
      line(indent, "if");
      line(indent, ":: " + c.text() + " ->");
      branch(i.then(), env, indent + 1);
      line(indent, ":: else ->");
      branch(i.otherwise(), env, indent + 1);
      line(indent, "fi;");
    } else if (s instanceof Stmt.ForEach fe) {
      for (int k = 0; k < exprs.size(fe.domain()); k++) {
        block(fe.body(), PromelaExprs.bind(env, fe.var(), PVal.of(Type.INT, k)), indent);
      }
    } else if (s instanceof Stmt.Let l) {
      block(l.body(), PromelaExprs.bind(env, l.var(), keep(l.var(), exprs.expr(l.value(), env),
          indent)), indent);
    } else if (s instanceof Stmt.Invoke inv) {
      invoke(inv, env, indent);
    } else if (s instanceof Stmt.KernelCall k) {
      kernelCall(k, env, indent);
    } else {
      throw new ExportException("Promela export has no translation for " + s);
    }
  }

  private void branch(List<Stmt> stmts, Map<String, PVal> env, int indent) {
    int before = out.length();
    block(stmts, env, indent);
    if (out.length() == before) {
      line(indent, "skip");
    }
  }

  /** A value as it is now: a constant as is, code copied into a fresh temporary. */
  private PVal keep(String var, PVal value, int indent) {
    if (value.isConst()) {
      return value;
    }
    String name = "tmp_" + Identifiers.plain(var) + "_" + temporaries.size();
    temporaries.put(name, value.type());
    line(indent, name + " = " + value.text() + ";");
    return PVal.code(value.type(), name);
  }

  private void assign(Stmt.Assign a, Map<String, PVal> env, int indent) {
    Slot slot = a.slot();
    PVal value = exprs.expr(a.value(), env);
    if (value.type() != slot.type()) {
      throw new ExportException("assigning a " + value.type() + " to " + slot.name()
          + ", a " + slot.type());
    }
    if (slot.isScalar() != (a.index() == null)) {
      throw new ExportException(slot.name() + (slot.isScalar() ? " is a scalar, written with "
          + "an index" : " is an array, written without an index"));
    }
    if (slot.isScalar()) {
      line(indent, PromelaExprs.element(slot, 0) + " = " + value.text() + ";");
      return;
    }
    int n = exprs.size(slot.index());
    PVal index = exprs.expr(a.index(), env);
    if (index.isConst()) {
      int k = index.constant();
      if (k >= 0 && k < n) {
        line(indent, PromelaExprs.element(slot, k) + " = " + value.text() + ";");
      } else {
        writeOutOfRange(slot, Integer.toString(k), List.of(), n, indent);
      }
      return;
    }
    // The value is read before the write, as the interpreter does; a temporary keeps it
    // from being re-read in each branch (it may read the array being written).
    PVal kept = keep(slot.name(), value, indent);
    line(indent, "if");
    for (int k = 0; k < n; k++) {
      line(indent, ":: " + index.text() + " == " + k + " -> "
          + PromelaExprs.element(slot, k) + " = " + kept.text() + ";");
    }
    line(indent, ":: else ->");
    writeOutOfRange(slot, "%d", List.of(index.text()), n, indent + 1);
    line(indent, "fi;");
  }

  /** A write outside the array: an error of the rules, which SPIN reports as one. */
  private void writeOutOfRange(Slot slot, String index, List<String> args, int n, int indent) {
    String message = "the rules wrote " + slot.name() + "[" + index + "], outside 0.." + (n - 1);
    line(indent, "printf(\"" + Identifiers.promelaString(message) + "\\n\""
        + args.stream().map(x -> ", " + x).reduce("", String::concat) + ");");
    line(indent, "assert(write_in_range);");
  }

  private void invoke(Stmt.Invoke inv, Map<String, PVal> env, int indent) {
    Procedure p = inv.procedure();
    if (inv.args().size() != p.params().size()) {
      throw new ExportException(p.name() + " takes " + p.params().size() + " arguments, got "
          + inv.args().size());
    }
    if (inlining.contains(p)) {
      throw new ExportException("procedure " + p.name() + " calls itself");
    }
    // The procedure sees only its parameters, bound to the arguments' values now.
    Map<String, PVal> callee = new HashMap<>();
    for (int i = 0; i < p.params().size(); i++) {
      callee.put(p.params().get(i), keep(p.params().get(i), exprs.expr(inv.args().get(i), env),
          indent));
    }
    inlining.push(p);
    block(p.body(), callee, indent);
    inlining.pop();
  }

  private void kernelCall(Stmt.KernelCall k, Map<String, PVal> env, int indent) {
    String[] parts = k.template().split("%d", -1);
    if (parts.length != k.args().size() + 1) {
      throw new ExportException("kernel call '" + k.template() + "' has a '%' that is not %d");
    }
    StringBuilder format = new StringBuilder("    ").append(Identifiers.promelaString(parts[0]));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < k.args().size(); i++) {
      PVal a = exprs.expr(k.args().get(i), env);
      if (a.isConst()) {
        format.append(a.constant());
      } else {
        format.append("%d");
        args.add(a.text());
      }
      format.append(Identifiers.promelaString(parts[i + 1]));
    }
    line(indent, "printf(\"" + format + "\\n\"" + args.stream().map(x -> ", " + x)
        .reduce("", String::concat) + ");");
  }
}
