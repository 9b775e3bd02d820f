package org.hotplugchecker.model.rules.lang;

import java.util.HashMap;
import java.util.Map;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.PackedLayout;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.Topology;

/**
 * A tiny evaluator of the invariant language written from {@code MODEL.md} alone, to check
 * the engines' evaluation against: it reads the topology from {@link Topology} and the
 * state through the packed layout's accessors, and applies the "User invariants" rules
 * (an index outside its array reads false or -1; over an empty domain forall is true,
 * exists false). Bools are 0/1.
 */
public final class ReferenceEvaluator {
  /**
   * Reads element {@code index} of state variable {@code slot} (an in-range index; 0 for a
   * scalar): a bool as 0/1, a node as -1..N-1.
   */
  @FunctionalInterface
  public interface StateReader {
    int read(String slot, int index);
  }

  private final Topology topology;
  private final StateReader state;

  ReferenceEvaluator(Topology topology, PackedLayout layout, long[] state) {
    this(topology, (slot, i) -> layout.value(state,
        layout.slotIndex(layout.slots().stream().filter(x -> x.name().equals(slot))
            .findFirst().orElseThrow()), i));
  }

  /** An evaluator over states read by {@code state}, e.g. a test oracle's own states. */
  public ReferenceEvaluator(Topology topology, StateReader state) {
    this.topology = topology;
    this.state = state;
  }

  /** Whether bool expression {@code invariant} of the invariant language holds. */
  public boolean holds(Expr invariant) {
    return eval(invariant, new HashMap<>()) != 0;
  }

  private int size(Domain d) {
    return switch (d) {
      case NODES -> topology.nodes();
      case CPUS -> topology.cpus().size();
      case BLOCKS -> topology.memory().size();
    };
  }

  private int eval(Expr e, Map<String, Integer> env) {
    if (e instanceof Expr.Bool b) {
      return b.value() ? 1 : 0;
    } else if (e instanceof Expr.Int i) {
      return i.value();
    } else if (e instanceof Expr.Var v) {
      return env.get(v.name());
    } else if (e instanceof Expr.Not n) {
      return 1 - eval(n.operand(), env);
    } else if (e instanceof Expr.And a) {
      return a.operands().stream().allMatch(x -> eval(x, env) != 0) ? 1 : 0;
    } else if (e instanceof Expr.Or o) {
      return o.operands().stream().anyMatch(x -> eval(x, env) != 0) ? 1 : 0;
    } else if (e instanceof Expr.Implies i) {
      return eval(i.left(), env) == 0 || eval(i.right(), env) != 0 ? 1 : 0;
    } else if (e instanceof Expr.Iff i) {
      return eval(i.left(), env) == eval(i.right(), env) ? 1 : 0;
    } else if (e instanceof Expr.Compare c) {
      return compare(c.op(), eval(c.left(), env), eval(c.right(), env)) ? 1 : 0;
    } else if (e instanceof Expr.Quant q) {
      boolean forall = q.quantifier() == Expr.Quantifier.FORALL;
      for (int i = 0; i < size(q.domain()); i++) {
        Map<String, Integer> inner = new HashMap<>(env);
        inner.put(q.var(), i);
        if ((eval(q.body(), inner) != 0) != forall) {
          return forall ? 0 : 1; // a counterexample / a witness
        }
      }
      return forall ? 1 : 0;
    } else if (e instanceof Expr.Read r) {
      return read(r.slot(), r.index() == null ? 0 : eval(r.index(), env));
    } else if (e instanceof Expr.Topo t) {
      int i = eval(t.indices().get(0), env);
      int j = t.indices().size() > 1 ? eval(t.indices().get(1), env) : 0;
      return topo(t.attr().name(), i, j);
    }
    throw new IllegalArgumentException("not an invariant-language expression: " + e);
  }

  private static boolean compare(Expr.CompareOp op, int a, int b) {
    return switch (op) {
      case EQ -> a == b;
      case NE -> a != b;
      case LT -> a < b;
      case LE -> a <= b;
      case GT -> a > b;
      case GE -> a >= b;
    };
  }

  private int read(Slot slot, int index) {
    boolean inRange = slot.isScalar() || (index >= 0 && index < size(slot.index()));
    if (!inRange) {
      return slot.type() == Type.BOOL ? 0 : -1;
    }
    return state.read(slot.name(), slot.isScalar() ? 0 : index);
  }

  private int topo(String attr, int i, int j) {
    boolean isInt = attr.endsWith(".home") || attr.equals("distance");
    int n = topology.nodes();
    if (attr.equals("distance")) {
      return i >= 0 && i < n && j >= 0 && j < n ? topology.distance(i, j) : -1;
    }
    java.util.List<Component> list = attr.startsWith("cpu.") ? topology.cpus()
        : topology.memory();
    if (i < 0 || i >= list.size()) {
      return isInt ? -1 : 0;
    }
    Component c = list.get(i);
    return switch (attr.substring(attr.indexOf('.') + 1)) {
      case "home" -> c.home();
      case "boot" -> c.boot() ? 1 : 0;
      case "hotplug" -> c.hotplug() ? 1 : 0;
      default -> throw new IllegalArgumentException("no topology attribute " + attr);
    };
  }
}
