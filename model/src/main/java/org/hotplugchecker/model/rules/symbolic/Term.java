package org.hotplugchecker.model.rules.symbolic;

import java.util.Arrays;
import java.util.List;

/**
 * A node of a hash-consed term graph over one topology's state elements: a Boolean
 * formula, or a finite-domain integer (a node index or {@code -1}, a distance). Terms are
 * made only by a {@link TermFactory}, which interns them, so two terms of one factory are
 * equal iff they are the same object, and {@link #id()} numbers them densely.
 *
 * <p>Booleans are built from constants, state atoms ({@link Op#BOOL_VAR},
 * {@link Op#INT_EQ}), {@link Op#NOT}, n-ary {@link Op#AND} and {@link Op#ITE}; a
 * disjunction is stored as a negated conjunction. Integers are constants, state elements
 * ({@link Op#INT_VAR}) and {@link Op#INT_ITE}: the rule language has no arithmetic
 * outside the boot program, so every integer is a case split over constants and elements.
 */
public final class Term {
  /** The kinds of term. */
  public enum Op {
    /** The constant {@code true}. */
    TRUE,
    /** The constant {@code false}. */
    FALSE,
    /** A Boolean state element ({@link #element()}). */
    BOOL_VAR,
    /** Integer state element {@link #element()} equals {@link #value()}. */
    INT_EQ,
    /** Negation of {@code args[0]}. */
    NOT,
    /** Conjunction of {@code args} (at least two, sorted by id). */
    AND,
    /** Boolean {@code args[0] ? args[1] : args[2]}. */
    ITE,
    /** The integer {@link #value()}. */
    INT_CONST,
    /** An integer state element ({@link #element()}). */
    INT_VAR,
    /** Integer {@code args[0] ? args[1] : args[2]}. */
    INT_ITE
  }

  private final Op op;
  private final Term[] args;
  private final int a; // element, or constant value
  private final int b; // INT_EQ: the value compared with
  private final int id;
  private final int hash;

  Term(Op op, Term[] args, int a, int b, int id) {
    this.op = op;
    this.args = args;
    this.a = a;
    this.b = b;
    this.id = id;
    this.hash = hashOf(op, args, a, b);
  }

  static int hashOf(Op op, Term[] args, int a, int b) {
    int h = op.ordinal() * 31 + a;
    h = h * 31 + b;
    for (Term t : args) {
      h = h * 31 + t.id;
    }
    return h;
  }

  boolean sameShape(Op op, Term[] args, int a, int b) {
    return this.op == op && this.a == a && this.b == b && Arrays.equals(this.args, args);
  }

  /** The kind of term. */
  public Op op() {
    return op;
  }

  /** Dense number of this term in its factory, from 0. */
  public int id() {
    return id;
  }

  /** The number of operands. */
  public int arity() {
    return args.length;
  }

  /** Operand {@code i}. */
  public Term arg(int i) {
    return args[i];
  }

  /** The operands, in order. */
  public List<Term> args() {
    return List.of(args);
  }

  /** The state element of a {@link Op#BOOL_VAR}, {@link Op#INT_VAR} or {@link Op#INT_EQ}. */
  public int element() {
    if (op != Op.BOOL_VAR && op != Op.INT_VAR && op != Op.INT_EQ) {
      throw new IllegalStateException(op + " has no element");
    }
    return a;
  }

  /** The value of an {@link Op#INT_CONST}, or the one an {@link Op#INT_EQ} compares with. */
  public int value() {
    if (op == Op.INT_CONST) {
      return a;
    }
    if (op == Op.INT_EQ) {
      return b;
    }
    throw new IllegalStateException(op + " has no value");
  }

  /** Whether this is an integer term (else a Boolean one). */
  public boolean isInt() {
    return op == Op.INT_CONST || op == Op.INT_VAR || op == Op.INT_ITE;
  }

  /** Whether this is {@link Op#TRUE} or {@link Op#FALSE}. */
  public boolean isBoolConstant() {
    return op == Op.TRUE || op == Op.FALSE;
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public boolean equals(Object o) {
    return this == o; // interned
  }

  @Override
  public String toString() {
    return switch (op) {
      case TRUE -> "true";
      case FALSE -> "false";
      case BOOL_VAR -> "x" + a;
      case INT_EQ -> "x" + a + "=" + b;
      case NOT -> "!" + args[0];
      case AND -> "(" + String.join(" & ", Arrays.stream(args).map(Term::toString).toList())
          + ")";
      case ITE, INT_ITE -> "(" + args[0] + " ? " + args[1] + " : " + args[2] + ")";
      case INT_CONST -> Integer.toString(a);
      case INT_VAR -> "x" + a;
    };
  }
}
