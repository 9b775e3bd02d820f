package org.hotplugchecker.checker.export;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.rules.Procedure;
import org.hotplugchecker.model.rules.Stmt;

/** The procedures that statement bodies invoke, callees before callers; recursion is an error. */
final class ProcedureOrder {
  private final List<Procedure> done = new ArrayList<>();
  private final List<Procedure> active = new ArrayList<>();

  /** Adds the procedures {@code body} invokes, directly or not. */
  ProcedureOrder visit(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.If i) {
        visit(i.then());
        visit(i.otherwise());
      } else if (s instanceof Stmt.ForEach f) {
        visit(f.body());
      } else if (s instanceof Stmt.Let l) {
        visit(l.body());
      } else if (s instanceof Stmt.Invoke inv) {
        Procedure p = inv.procedure();
        if (active.contains(p)) {
          throw new ExportException("procedure " + p.name() + " calls itself");
        }
        if (!done.contains(p)) {
          active.add(p);
          visit(p.body());
          active.remove(p);
          done.add(p);
        }
      }
    }
    return this;
  }

  /** The procedures found, each after every procedure it invokes. */
  List<Procedure> calleesFirst() {
    return List.copyOf(done);
  }
}
