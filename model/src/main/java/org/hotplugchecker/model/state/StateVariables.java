package org.hotplugchecker.model.state;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.ts.VariableChange;

/** Lists the variables of a state by name, and what changed between two states. */
public final class StateVariables {
  private StateVariables() {}

  /** Every variable of {@code s}, nodes first, then CPUs, blocks and {@code oops}. */
  public static List<StateVariable> of(HotplugState s) {
    StateLayout l = s.layout();
    List<StateVariable> vars = new ArrayList<>();
    for (int n = 0; n < l.nodes(); n++) {
      vars.add(new StateVariable("node_online(" + n + ")", s.nodeOnline(n)));
      vars.add(new StateVariable("NODE_DATA(" + n + ")", s.pgdat(n)));
      vars.add(new StateVariable("node_registered(" + n + ")", s.nodeRegistered(n)));
    }
    for (int c = 0; c < l.cpus(); c++) {
      vars.add(new StateVariable("cpu_present(" + c + ")", s.cpuPresent(c)));
      vars.add(new StateVariable("cpu_online(" + c + ")", s.cpuOnline(c)));
      vars.add(new StateVariable("cpu_to_node(" + c + ")", s.cpuToNode(c)));
      vars.add(new StateVariable("cpu_link(" + c + ")", s.cpuLink(c)));
    }
    for (int b = 0; b < l.blocks(); b++) {
      vars.add(new StateVariable("mem_present(" + b + ")", s.memPresent(b)));
      vars.add(new StateVariable("mem_online(" + b + ")", s.memOnline(b)));
    }
    vars.add(new StateVariable("oops", s.oops()));
    return vars;
  }

  /** The variables whose value differs between {@code before} and {@code after}. */
  public static List<VariableChange> changes(HotplugState before, HotplugState after) {
    List<StateVariable> a = of(before);
    List<StateVariable> b = of(after);
    List<VariableChange> changes = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).value().equals(b.get(i).value())) {
        changes.add(new VariableChange(a.get(i).name(), a.get(i).value(), b.get(i).value()));
      }
    }
    return changes;
  }
}
