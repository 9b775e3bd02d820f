package org.hotplugchecker.model.rules.lang;

import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Type;

/**
 * The type rules of {@code MODEL.md}'s "User invariants": {@code &&}, {@code ||},
 * {@code !}, {@code ->}, {@code <->} and quantifier bodies take bool; {@code <},
 * {@code <=}, {@code >}, {@code >=} take int; {@code ==} and {@code !=} take two ints or
 * two bools; indices are ints; an invariant is bool. Each check names the operand that
 * breaks it, as written.
 */
final class Typing {
  private static final int MAX_QUOTE = 40;
  private final String source;

  Typing(String source) {
    this.source = source;
  }

  /** {@code operand} of {@code what} (e.g. {@code "&&"}) must be bool. */
  void operandsBool(Node operand, String what) throws InvariantException {
    require(operand, Type.BOOL, what + " needs bool operands");
  }

  /** The operand of {@code !} must be bool. */
  void notOperand(Node operand) throws InvariantException {
    require(operand, Type.BOOL, "! needs a bool operand");
  }

  /** A quantifier's body must be bool. */
  void body(Node body, Expr.Quantifier q) throws InvariantException {
    require(body, Type.BOOL, "the body of " + q.keyword() + " must be bool");
  }

  /** An index of {@code name} must be int. */
  void index(Node index, String name) throws InvariantException {
    require(index, Type.INT, "an index of " + name + " must be int");
  }

  /** The whole invariant must be bool. */
  void invariant(Node top) throws InvariantException {
    require(top, Type.BOOL, "an invariant must be bool");
  }

  /** The operands of comparison {@code op}; a mismatch is reported at the operator. */
  void comparison(Token op, Node left, Node right) throws InvariantException {
    if (op.is(Token.Kind.EQ) || op.is(Token.Kind.NE)) {
      if (left.type() != right.type()) {
        throw new InvariantException(source, op.start(), op.text()
            + " needs two ints or two bools, but " + quote(left) + " is " + left.type()
            + " and " + quote(right) + " is " + right.type());
      }
    } else {
      require(left, Type.INT, op.text() + " needs int operands");
      require(right, Type.INT, op.text() + " needs int operands");
    }
  }

  private void require(Node n, Type wanted, String rule) throws InvariantException {
    if (n.type() != wanted) {
      throw new InvariantException(source, n.start(),
          rule + ", but " + quote(n) + " is " + n.type());
    }
  }

  /** The operand as written, on one line and cut short if long. */
  private String quote(Node n) {
    String text = source.substring(n.start(), n.end()).replaceAll("\\s+", " ");
    return text.length() <= MAX_QUOTE ? text : text.substring(0, MAX_QUOTE - 3) + "...";
  }
}
