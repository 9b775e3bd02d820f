package org.hotplugchecker.checker.oracle;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.hotplugchecker.model.topology.Topology;

/**
 * A naive breadth-first search over {@link OracleKernel}: a {@code HashMap} from state to
 * BFS depth and a FIFO queue. Produces the numbers {@code MODEL.md} asks for, in the
 * reference notation ({@code holds}, {@code violated@K}, {@code vacuous}).
 */
public final class OracleExplorer {
  /** Name of the action property. */
  static final String ALLOC_LOCAL = "alloc_local";

  /**
   * The oracle's answer.
   *
   * @param states distinct reachable states
   * @param transitions enabled action instances summed over reachable states
   * @param verdicts property name to {@code holds} / {@code violated@K} / {@code vacuous}
   */
  public record Result(long states, long transitions, Map<String, String> verdicts) {}

  private OracleExplorer() {}

  public static Result explore(Topology topo) {
    return explore(topo, Map.of());
  }

  /**
   * As {@link #explore(Topology)}, also checking {@code userInvariants} (name to an
   * expression of the invariant language), evaluated on the oracle's own states by an
   * evaluator written from {@code MODEL.md}'s "User invariants".
   */
  public static Result explore(Topology topo,
      Map<String, org.hotplugchecker.model.rules.Expr> userInvariants) {
    OracleKernel kernel = new OracleKernel(topo);
    Map<String, Predicate<OracleState>> invariants = invariants(topo, userInvariants);
    Map<String, Integer> firstViolation = new HashMap<>();
    boolean allocExercised = false;
    int allocViolation = -1;
    long transitions = 0;

    Map<OracleState, Integer> depth = new HashMap<>();
    ArrayDeque<OracleState> queue = new ArrayDeque<>();
    OracleState init = kernel.boot();
    depth.put(init, 0);
    queue.add(init);
    while (!queue.isEmpty()) {
      OracleState s = queue.poll();
      int d = depth.get(s);
      // FIFO order visits states by nondecreasing depth: the first hit is the shallowest.
      for (Map.Entry<String, Predicate<OracleState>> inv : invariants.entrySet()) {
        if (!inv.getValue().test(s)) {
          firstViolation.putIfAbsent(inv.getKey(), d);
        }
      }
      for (OracleKernel.Action a : kernel.actions()) {
        Optional<OracleKernel.Step> step = kernel.apply(s, a);
        if (step.isEmpty()) {
          continue;
        }
        transitions++;
        OracleKernel.Step st = step.get();
        if (st.allocChecked()) {
          allocExercised = true;
          if (!st.allocLocal() && allocViolation == -1) {
            allocViolation = d + 1;
          }
        }
        if (!depth.containsKey(st.next())) {
          depth.put(st.next(), d + 1);
          queue.add(st.next());
        }
      }
    }
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (String name : invariants.keySet()) {
      Integer v = firstViolation.get(name);
      verdicts.put(name, v == null ? "holds" : "violated@" + v);
    }
    verdicts.put(ALLOC_LOCAL, allocViolation != -1 ? "violated@" + allocViolation
        : allocExercised ? "holds" : "vacuous");
    return new Result(depth.size(), transitions, verdicts);
  }

  /**
   * The invariants the oracle checks, by name: MODEL.md's built-in ones ({@link
   * OracleInvariants}) and then {@code userInvariants}, evaluated on the oracle's states.
   */
  static Map<String, Predicate<OracleState>> invariants(Topology topo,
      Map<String, org.hotplugchecker.model.rules.Expr> userInvariants) {
    Map<String, Predicate<OracleState>> invariants = new LinkedHashMap<>(
        OracleInvariants.of(topo));
    userInvariants.forEach((name, expr) -> invariants.put(name, s ->
        new org.hotplugchecker.model.rules.lang.ReferenceEvaluator(topo, (slot, i) ->
            read(s, slot, i)).holds(expr)));
    return invariants;
  }

  /** MODEL.md's state table by name, on an oracle state (a bool as 0/1). */
  private static int read(OracleState s, String slot, int i) {
    return switch (slot) {
      case "node.online" -> bit(s.node(i).online());
      case "node.pgdat" -> bit(s.node(i).pgdat());
      case "node.registered" -> bit(s.node(i).registered());
      case "cpu.present" -> bit(s.cpu(i).present());
      case "cpu.online" -> bit(s.cpu(i).online());
      case "cpu.nid" -> s.cpu(i).nid();
      case "cpu.link" -> s.cpu(i).link();
      case "mem.present" -> bit(s.mem(i).present());
      case "mem.online" -> bit(s.mem(i).online());
      case "oops" -> bit(s.oops());
      default -> throw new IllegalArgumentException("no state variable " + slot);
    };
  }

  private static int bit(boolean b) {
    return b ? 1 : 0;
  }
}
