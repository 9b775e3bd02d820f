package org.hotplugchecker.reports.files;

import static org.hotplugchecker.reports.JsonValues.F;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.checker.trace.TraceStep;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.reports.JsonValues;

/**
 * Writes a trace in Apalache's Informal Trace Format (ITF,
 * <a href="https://apalache-mc.org/docs/adr/015adr-trace.html">ADR-015</a>), so ITF
 * viewers can replay it. Each model variable (e.g. {@code cpu_to_node(1)}) is one ITF
 * variable holding a JSON boolean or integer; state 0 is the boot state and state
 * {@code i} the state after step {@code i}, whose {@code #meta} names the action and
 * its kernel call chain.
 */
public final class ItfTraceWriter {
  /** The ADR that defines the format, cited in every file's {@code #meta}. */
  public static final String FORMAT_DESCRIPTION =
      "https://apalache-mc.org/docs/adr/015adr-trace.html";

  /** The ITF document of {@code trace}, a counterexample found in {@code spec}. */
  public ObjectNode toItf(Spec spec, String engine, Trace trace) {
    ObjectNode root = F.objectNode();
    ObjectNode meta = root.putObject("#meta");
    meta.put("format", "ITF");
    meta.put("format-description", FORMAT_DESCRIPTION);
    meta.put("source", String.valueOf(spec.file()));
    meta.put("description", "hotplug-checker counterexample: spec " + spec.name()
        + ", property " + trace.property() + " violated after " + trace.length() + " steps");
    meta.put("spec", spec.name());
    meta.put("property", trace.property());
    meta.put("arch", spec.topology().arch().specName());
    meta.put("kernel", spec.topology().kernel().specName());
    meta.put("engine", engine);
    ArrayNode vars = root.putArray("vars");
    trace.initial().forEach(v -> vars.add(v.name()));
    ArrayNode states = root.putArray("states");
    states.add(state(0, trace.initial(), null));
    for (TraceStep s : trace.steps()) {
      states.add(state(s.number(), s.stateAfter(), s));
    }
    return root;
  }

  private static ObjectNode state(int index, List<StateVariable> vars, TraceStep step) {
    ObjectNode o = F.objectNode();
    ObjectNode meta = o.putObject("#meta");
    meta.put("index", index);
    if (step != null) {
      meta.put("action", step.action());
      ArrayNode chain = meta.putArray("callChain");
      step.callChain().forEach(chain::add);
    }
    for (StateVariable v : vars) {
      o.set(v.name(), JsonValues.value(v.value()));
    }
    return o;
  }
}
