package org.hotplugchecker.checker.oracle;

import org.hotplugchecker.model.spec.SpecWriter;
import java.nio.LongBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.StateVariable;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * A stronger, step-level comparison than the final numbers: walks the model's reachable
 * states through {@link HotplugModel}'s {@code TransitionSystem} interface, decodes each
 * packed state into an {@link OracleState} via its named variables, and checks in every
 * state that the oracle agrees on the set of enabled actions, each successor, every
 * invariant, and the {@code alloc_local} verdict of every transition. This catches
 * differences the counts cannot see (e.g. a wrong tie rule that never changes a verdict).
 */
final class StepDifferential {
  private static final Pattern INDEXED = Pattern.compile("(\\w+)\\((\\d+)\\)");

  private StepDifferential() {}

  /** Empty when the model and the oracle agree step by step; otherwise the first difference. */
  static Optional<String> mismatch(Topology topo) {
    Optional<String> m = firstDifference(topo);
    return m.map(s -> s + "\n--- spec ---\n" + SpecWriter.of(topo));
  }

  private static Optional<String> firstDifference(Topology topo) {
    HotplugModel model = new HotplugModel(topo);
    OracleKernel oracle = new OracleKernel(topo);
    Map<String, Predicate<OracleState>> invariants = OracleInvariants.of(topo);
    List<PropertySpec> props = model.properties();

    List<long[]> inits = model.initialStates();
    if (inits.size() != 1) {
      return Optional.of("model has " + inits.size() + " initial states, MODEL.md has one");
    }
    OracleState boot = oracle.boot();
    OracleState modelBoot = decode(topo, model, inits.get(0));
    if (!boot.equals(modelBoot)) {
      return Optional.of("boot state:\n  oracle " + boot + "\n  model  " + modelBoot);
    }
    Map<String, OracleKernel.Action> oracleActions = new LinkedHashMap<>();
    oracle.actions().forEach(a -> oracleActions.put(a.toString(), a));
    for (int a = 0; a < model.actionCount(); a++) {
      if (!oracleActions.containsKey(model.actionLabel(a))) {
        return Optional.of("model has action " + model.actionLabel(a) + ", MODEL.md does not");
      }
    }

    Map<OracleState, long[]> seen = new HashMap<>();
    ArrayDeque<long[]> queue = new ArrayDeque<>();
    seen.put(boot, inits.get(0));
    queue.add(inits.get(0));
    long[] out = new long[model.stateWords()];
    // Successors repeat a lot (self-loops, shared targets); decode each packed state once.
    Map<LongBuffer, OracleState> decoded = new HashMap<>();
    while (!queue.isEmpty()) {
      long[] packed = queue.poll();
      OracleState s = decoded.computeIfAbsent(LongBuffer.wrap(packed),
          k -> decode(topo, model, packed));
      for (int p = 0; p < props.size(); p++) {
        PropertySpec prop = props.get(p);
        if (prop.kind() != PropertySpec.Kind.INVARIANT) {
          continue;
        }
        Predicate<OracleState> inv = invariants.get(prop.name());
        if (inv == null) {
          return Optional.of("model has invariant " + prop.name() + ", MODEL.md does not");
        }
        if (inv.test(s) != model.invariantHolds(p, packed)) {
          return Optional.of("invariant " + prop.name() + " in state " + s + ": oracle "
              + inv.test(s) + ", model " + model.invariantHolds(p, packed));
        }
      }
      Map<String, OracleState> modelSteps = new LinkedHashMap<>();
      for (int a = 0; a < model.actionCount(); a++) {
        if (!model.successor(packed, a, out)) {
          continue;
        }
        long[] next = out.clone();
        OracleState succ = decoded.computeIfAbsent(LongBuffer.wrap(next),
            k -> decode(topo, model, next));
        modelSteps.put(model.actionLabel(a), succ);
        String label = model.actionLabel(a);
        Optional<OracleKernel.Step> step = oracle.apply(s, oracleActions.get(label));
        if (step.isEmpty()) {
          return Optional.of(label + " is enabled in the model but not in MODEL.md, in state "
              + s);
        }
        if (!step.get().next().equals(succ)) {
          return Optional.of(label + " from state " + s + ":\n  oracle -> " + step.get().next()
              + "\n  model  -> " + succ);
        }
        for (int p = 0; p < props.size(); p++) {
          if (props.get(p).kind() != PropertySpec.Kind.ACTION) {
            continue;
          }
          TransitionVerdict expected = !step.get().allocChecked()
              ? TransitionVerdict.NOT_APPLICABLE
              : step.get().allocLocal() ? TransitionVerdict.HOLDS : TransitionVerdict.VIOLATED;
          TransitionVerdict got = model.checkTransition(p, packed, a, next);
          if (!props.get(p).name().equals(OracleExplorer.ALLOC_LOCAL)) {
            return Optional.of("model has action property " + props.get(p).name()
                + ", MODEL.md does not");
          }
          if (expected != got) {
            return Optional.of("alloc_local on " + label + " from state " + s + ": oracle "
                + expected + ", model " + got);
          }
        }
        long[] known = seen.get(succ);
        if (known == null) {
          seen.put(succ, next);
          queue.add(next);
        } else if (!Arrays.equals(known, next)) {
          return Optional.of("two packed model states decode to the same MODEL.md state " + succ);
        }
      }
      for (OracleKernel.Action a : oracle.actions()) {
        if (oracle.apply(s, a).isPresent() && !modelSteps.containsKey(a.toString())) {
          return Optional.of(a + " is enabled per MODEL.md but not in the model, in state " + s);
        }
      }
    }
    return Optional.empty();
  }

  /** Reads a packed model state back through the model's named variables. */
  static OracleState decode(Topology topo, HotplugModel model, long[] packed) {
    int nodes = topo.nodes();
    int cpus = topo.cpus().size();
    int blocks = topo.memory().size();
    boolean[][] node = new boolean[3][nodes];
    boolean[][] cpuFlags = new boolean[2][cpus];
    int[][] cpuInts = new int[2][cpus];
    boolean[][] mem = new boolean[2][blocks];
    Boolean oops = null;
    int count = 0;
    for (StateVariable v : model.variables(packed)) {
      count++;
      if (v.name().equals("oops")) {
        oops = (Boolean) v.value();
        continue;
      }
      Matcher m = INDEXED.matcher(v.name());
      if (!m.matches()) {
        throw new IllegalStateException("unknown state variable " + v.name());
      }
      int i = Integer.parseInt(m.group(2));
      switch (m.group(1)) {
        case "node_online" -> node[0][i] = (Boolean) v.value();
        case "NODE_DATA" -> node[1][i] = (Boolean) v.value();
        case "node_registered" -> node[2][i] = (Boolean) v.value();
        case "cpu_present" -> cpuFlags[0][i] = (Boolean) v.value();
        case "cpu_online" -> cpuFlags[1][i] = (Boolean) v.value();
        case "cpu_to_node" -> cpuInts[0][i] = (Integer) v.value();
        case "cpu_link" -> cpuInts[1][i] = (Integer) v.value();
        case "mem_present" -> mem[0][i] = (Boolean) v.value();
        case "mem_online" -> mem[1][i] = (Boolean) v.value();
        default -> throw new IllegalStateException("unknown state variable " + v.name());
      }
    }
    // Every variable of MODEL.md's state table exactly once, nothing else.
    if (oops == null || count != 3 * nodes + 4 * cpus + 2 * blocks + 1) {
      throw new IllegalStateException("model state has " + count + " variables, expected "
          + (3 * nodes + 4 * cpus + 2 * blocks + 1));
    }
    List<OracleState.Node> ns = new ArrayList<>();
    for (int n = 0; n < nodes; n++) {
      ns.add(new OracleState.Node(node[0][n], node[1][n], node[2][n]));
    }
    List<OracleState.Cpu> cs = new ArrayList<>();
    for (int c = 0; c < cpus; c++) {
      cs.add(new OracleState.Cpu(cpuFlags[0][c], cpuFlags[1][c], cpuInts[0][c], cpuInts[1][c]));
    }
    List<OracleState.Mem> ms = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      ms.add(new OracleState.Mem(mem[0][b], mem[1][b]));
    }
    return new OracleState(ns, cs, ms, oops);
  }
}
