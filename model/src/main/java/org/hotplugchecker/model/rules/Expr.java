package org.hotplugchecker.model.rules;

import java.util.List;
import org.hotplugchecker.model.topology.Arch;

/**
 * An expression of the rule language: over the state ({@link Read}), the topology
 * ({@link Topo}), the kernel's knobs ({@link KnobIs}), the arch ({@link ArchIs}) and bound
 * variables. Guards, effects' values, invariants and the boot state are all expressions;
 * every engine reads them from here. Immutable; compare structurally.
 *
 * <p>Evaluation never fails: an index outside its array reads {@code false} from a boolean
 * array and {@code -1} from an integer one ({@code MODEL.md}, "User invariants").
 */
public sealed interface Expr {

  /** A boolean constant. */
  record Bool(boolean value) implements Expr {}

  /** An integer constant ({@code -1} is "no node"). */
  record Int(int value) implements Expr {}

  /** A bound variable: a quantifier's, a {@link Let}'s, an action's or a procedure's parameter. */
  record Var(String name) implements Expr {}

  /** State variable {@code slot}, at {@code index} (null for a scalar slot). */
  record Read(Slot slot, Expr index) implements Expr {}

  /** Topology attribute {@code attr} at {@code indices} (as many as the attribute has). */
  record Topo(TopologyAttr attr, List<Expr> indices) implements Expr {
    public Topo {
      indices = List.copyOf(indices);
    }
  }

  /** Whether the kernel's knob {@code knob} has {@code value} (constant for a check). */
  record KnobIs(String knob, String value) implements Expr {}

  /** Whether the check's arch is {@code arch} (constant for a check). */
  record ArchIs(Arch arch) implements Expr {}

  /** Boolean negation. */
  record Not(Expr operand) implements Expr {}

  /** Conjunction; true when empty. */
  record And(List<Expr> operands) implements Expr {
    public And {
      operands = List.copyOf(operands);
    }
  }

  /** Disjunction; false when empty. */
  record Or(List<Expr> operands) implements Expr {
    public Or {
      operands = List.copyOf(operands);
    }
  }

  /** {@code left -> right}. */
  record Implies(Expr left, Expr right) implements Expr {}

  /** {@code left <-> right}. */
  record Iff(Expr left, Expr right) implements Expr {}

  /** A comparison; {@code ==} and {@code !=} take two ints or two bools, the rest two ints. */
  record Compare(CompareOp op, Expr left, Expr right) implements Expr {}

  /** {@code cond ? then : otherwise}; both branches have one type. */
  record Ite(Expr cond, Expr then, Expr otherwise) implements Expr {}

  /** {@code forall} / {@code exists var in domain: body}. */
  record Quant(Quantifier quantifier, String var, Domain domain, Expr body) implements Expr {}

  /**
   * The element of {@code domain} with the smallest {@code key} among those where
   * {@code cond} holds, ties to the lower index; {@code -1} when there is none. (The
   * allocator's "nearest node with online memory".)
   */
  record ArgMin(String var, Domain domain, Expr cond, Expr key) implements Expr {}

  /** How many elements of {@code domain} satisfy {@code cond}. */
  record Count(String var, Domain domain, Expr cond) implements Expr {}

  /**
   * The element of {@code domain} that is the {@code n}-th (from 0) to satisfy
   * {@code cond}, in increasing order; {@code -1} when fewer do.
   */
  record Nth(String var, Domain domain, Expr cond, Expr n) implements Expr {}

  /** {@code left mod right} for {@code left >= 0, right > 0}; {@code -1} otherwise. */
  record Mod(Expr left, Expr right) implements Expr {}

  /** {@code body} with {@code var} bound to the value of {@code value}. */
  record Let(String var, Expr value, Expr body) implements Expr {}

  /** Comparison operators, as the invariant language writes them. */
  enum CompareOp {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    CompareOp(String symbol) {
      this.symbol = symbol;
    }

    /** The operator as written, e.g. {@code <=}. */
    public String symbol() {
      return symbol;
    }

    /** Whether it takes two ints only (an order, not an equality). */
    public boolean ordersInts() {
      return this != EQ && this != NE;
    }

    /** Applies the comparison to two ints. */
    public boolean test(int a, int b) {
      return switch (this) {
        case EQ -> a == b;
        case NE -> a != b;
        case LT -> a < b;
        case LE -> a <= b;
        case GT -> a > b;
        case GE -> a >= b;
      };
    }
  }

  /** The two quantifiers. */
  enum Quantifier {
    FORALL("forall"), EXISTS("exists");

    private final String keyword;

    Quantifier(String keyword) {
      this.keyword = keyword;
    }

    /** The keyword, e.g. {@code forall}. */
    public String keyword() {
      return keyword;
    }
  }
}
