package org.hotplugchecker.model.rules.lang;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.lang.Token.Kind;

/**
 * Recursive descent over {@code MODEL.md}'s invariant grammar, one method per rule:
 *
 * <pre>
 * expr   := quant | imp
 * quant  := ('forall' | 'exists') VAR 'in' ('nodes' | 'cpus' | 'blocks') ':' expr
 * imp    := or ( ('->' | '<->') expr )?
 * or     := and ( '||' and )*
 * and    := not ( '&&' not )*
 * not    := '!' not | cmp
 * cmp    := atom ( ('==' | '!=' | '<' | '<=' | '>' | '>=') atom )?
 * atom   := INT | '-' INT | 'true' | 'false' | VAR | NAME ('[' expr ']')* | '(' expr ')'
 * </pre>
 *
 * Names are resolved and types checked as each rule completes, so the first error reading
 * left to right is the one reported. One instance parses one source.
 */
final class Parser {
  private final Names names;
  private final String source;
  private final List<Token> tokens;
  private final Typing typing;
  /** The variables in scope, innermost first, each with the token that bound it. */
  private final Deque<Token> scope = new ArrayDeque<>();
  private int pos;
  private int depth;

  Parser(Names names, String source, List<Token> tokens) {
    this.names = names;
    this.source = source;
    this.tokens = tokens;
    this.typing = new Typing(source);
  }

  /** The whole source as one bool expression. */
  Expr parseInvariant() throws InvariantException {
    if (peek().is(Kind.END)) {
      throw error(0, "the expression is empty");
    }
    Node top = expr();
    if (!peek().is(Kind.END)) {
      throw unexpectedAfterEnd(peek());
    }
    typing.invariant(top);
    return top.expr();
  }

  private Node expr() throws InvariantException {
    enter();
    Node n = isQuantifier(peek()) ? quant() : imp();
    depth--;
    return n;
  }

  private Node quant() throws InvariantException {
    Token q = next();
    Expr.Quantifier quantifier = q.isWord("forall") ? Expr.Quantifier.FORALL
        : Expr.Quantifier.EXISTS;
    Token var = variableName(q);
    Token in = next();
    if (!in.isWord("in")) {
      throw error(in.start(), "expected in after " + q.text() + " " + var.text()
          + ", got " + in.describe());
    }
    Token d = next();
    Domain domain = d.is(Kind.WORD) ? Names.domain(d.text()) : null;
    if (domain == null) {
      String hint = d.is(Kind.WORD) ? Names.closest(d.text(), List.of("nodes", "cpus", "blocks"))
          : "";
      throw error(d.start(), "expected nodes, cpus or blocks after in, got " + d.describe()
          + hint);
    }
    Token colon = next();
    if (!colon.is(Kind.COLON)) {
      throw error(colon.start(), "expected ':' after " + q.text() + " " + var.text() + " in "
          + d.text() + ", got " + colon.describe());
    }
    scope.push(var);
    Node body = expr();
    scope.pop();
    typing.body(body, quantifier);
    return new Node(new Expr.Quant(quantifier, var.text(), domain, body.expr()), Type.BOOL,
        q.start(), body.end());
  }

  /** The variable a quantifier binds: a plain word that names nothing else in scope. */
  private Token variableName(Token q) throws InvariantException {
    Token v = next();
    String name = v.text();
    if (!v.is(Kind.WORD)) {
      throw error(v.start(), "expected a variable name after " + q.text() + ", got "
          + v.describe());
    }
    String taken = null;
    if (name.indexOf('.') >= 0) {
      throw error(v.start(), name + " cannot name a variable: use letters, digits and _");
    } else if (Names.KEYWORDS.contains(name)) {
      taken = " is a keyword";
    } else if (names.slot(name) != null) {
      taken = " is a state variable";
    } else {
      for (Token bound : scope) {
        if (bound.text().equals(name)) {
          taken = " is already a variable here (bound at column "
              + InvariantException.columnOf(source, bound.start()) + ")";
        }
      }
    }
    if (taken != null) {
      throw error(v.start(), name + taken + "; the variable needs another name");
    }
    return v;
  }

  private Node imp() throws InvariantException {
    Node left = or();
    Token op = peek();
    if (!op.is(Kind.IMPLIES) && !op.is(Kind.IFF)) {
      return left;
    }
    next();
    Node right = expr(); // right-associative: the right side is a whole expr
    typing.operandsBool(left, op.text());
    typing.operandsBool(right, op.text());
    Expr e = op.is(Kind.IMPLIES) ? new Expr.Implies(left.expr(), right.expr())
        : new Expr.Iff(left.expr(), right.expr());
    return new Node(e, Type.BOOL, left.start(), right.end());
  }

  private Node or() throws InvariantException {
    return chain(Kind.OR);
  }

  private Node and() throws InvariantException {
    return chain(Kind.AND);
  }

  /** {@code a op b op c} as one n-ary And/Or (a parenthesised one stays nested). */
  private Node chain(Kind op) throws InvariantException {
    Node first = op == Kind.OR ? and() : not();
    if (!peek().is(op)) {
      return first;
    }
    List<Node> operands = new ArrayList<>(List.of(first));
    while (peek().is(op)) {
      next();
      operands.add(op == Kind.OR ? and() : not());
    }
    String symbol = op == Kind.OR ? "||" : "&&";
    List<Expr> exprs = new ArrayList<>();
    for (Node n : operands) {
      typing.operandsBool(n, symbol);
      exprs.add(n.expr());
    }
    Expr e = op == Kind.OR ? new Expr.Or(exprs) : new Expr.And(exprs);
    return new Node(e, Type.BOOL, first.start(), operands.get(operands.size() - 1).end());
  }

  private Node not() throws InvariantException {
    if (!peek().is(Kind.NOT)) {
      return cmp();
    }
    Token bang = next();
    enter();
    Node operand = not();
    depth--;
    typing.notOperand(operand);
    return new Node(new Expr.Not(operand.expr()), Type.BOOL, bang.start(), operand.end());
  }

  private Node cmp() throws InvariantException {
    Node left = atom();
    if (!peek().isComparison()) {
      return left;
    }
    Token op = next();
    Node right = atom();
    if (peek().isComparison()) {
      throw error(peek().start(), peek().text() + " cannot follow a comparison: comparisons"
          + " do not chain (add parentheses)");
    }
    typing.comparison(op, left, right);
    return new Node(new Expr.Compare(compareOp(op.kind()), left.expr(), right.expr()),
        Type.BOOL, left.start(), right.end());
  }

  private static Expr.CompareOp compareOp(Kind k) {
    return switch (k) {
      case EQ -> Expr.CompareOp.EQ;
      case NE -> Expr.CompareOp.NE;
      case LT -> Expr.CompareOp.LT;
      case LE -> Expr.CompareOp.LE;
      case GT -> Expr.CompareOp.GT;
      default -> Expr.CompareOp.GE;
    };
  }

  private Node atom() throws InvariantException {
    Token t = peek();
    switch (t.kind()) {
      case INT:
        return integer(next(), null);
      case MINUS: {
        Token minus = next();
        if (!peek().is(Kind.INT)) {
          throw error(peek().start(), "expected a number after '-', got " + peek().describe()
              + " (the language has no arithmetic)");
        }
        return integer(next(), minus);
      }
      case LPAREN: {
        Token open = next();
        Node inner = expr();
        Token close = next();
        if (!close.is(Kind.RPAREN)) {
          throw error(close.start(), "expected ')' to close the '(' at column "
              + InvariantException.columnOf(source, open.start()) + ", got " + close.describe());
        }
        return new Node(inner.expr(), inner.type(), open.start(), close.end());
      }
      case WORD:
        return word();
      default:
        throw expectedValue(t);
    }
  }

  private Node integer(Token digits, Token minus) throws InvariantException {
    int start = minus == null ? digits.start() : minus.start();
    String text = (minus == null ? "" : "-") + digits.text();
    long value;
    try {
      // At most 11 digits fit a long with room to spare; longer ones are out of range anyway.
      value = digits.text().length() > 11 ? Long.MAX_VALUE : Long.parseLong(text);
    } catch (NumberFormatException e) {
      value = Long.MAX_VALUE; // not reachable: the lexer only lets digits through
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw error(start, text + " does not fit in an int (" + Integer.MIN_VALUE + ".."
          + Integer.MAX_VALUE + ")");
    }
    return new Node(new Expr.Int((int) value), Type.INT, start, digits.end());
  }

  private Node word() throws InvariantException {
    Token t = next();
    String name = t.text();
    if (name.equals("true") || name.equals("false")) {
      return new Node(new Expr.Bool(name.equals("true")), Type.BOOL, t.start(), t.end());
    }
    if (isQuantifier(t)) {
      throw error(t.start(), name + " needs parentheses here: write (" + name + " ...)"
          + " unless it starts the expression or follows -> or <->");
    }
    if (Names.KEYWORDS.contains(name)) {
      throw error(t.start(), name + " is a keyword, not a value");
    }
    boolean bound = scope.stream().anyMatch(v -> v.text().equals(name));
    Slot slot = bound ? null : names.slot(name);
    TopologyAttr attr = bound || slot != null ? null : names.attr(name);
    if (!bound && slot == null && attr == null) {
      throw error(t.start(), unknown(name));
    }
    List<Node> indices = indices(name);
    int end = indices.isEmpty() ? t.end() : indices.get(indices.size() - 1).end() + 1;
    if (bound) {
      if (!indices.isEmpty()) {
        throw error(t.start(), name + " is a variable; it takes no index");
      }
      return new Node(new Expr.Var(name), Type.INT, t.start(), end);
    }
    List<Domain> arity = slot != null
        ? (slot.isScalar() ? List.of() : List.of(slot.index()))
        : attr.indices();
    if (indices.size() != arity.size()) {
      throw error(t.start(), arityMessage(name, arity, indices.size()));
    }
    List<Expr> exprs = new ArrayList<>();
    for (Node i : indices) {
      typing.index(i, name);
      exprs.add(i.expr());
    }
    Expr e = slot != null ? new Expr.Read(slot, exprs.isEmpty() ? null : exprs.get(0))
        : new Expr.Topo(attr, exprs);
    return new Node(e, slot != null ? slot.type() : attr.type(), t.start(), end);
  }

  /** {@code [e]...} after a name; each node's {@code end} is that of its expression. */
  private List<Node> indices(String name) throws InvariantException {
    List<Node> out = new ArrayList<>();
    while (peek().is(Kind.LBRACKET)) {
      Token open = next();
      Node index = expr();
      Token close = next();
      if (!close.is(Kind.RBRACKET)) {
        throw error(close.start(), "expected ']' to close the '[' of " + name + " at column "
            + InvariantException.columnOf(source, open.start()) + ", got " + close.describe());
      }
      out.add(new Node(index.expr(), index.type(), index.start(), close.start()));
    }
    return out;
  }

  private String unknown(String name) {
    List<String> vars = scope.stream().map(Token::text).toList();
    String what = name.indexOf('.') >= 0 || vars.isEmpty()
        ? " is not a state variable or topology name"
        : " is not a variable in scope, a state variable or a topology name";
    return name + what + names.suggestion(name, vars);
  }

  private static String arityMessage(String name, List<Domain> arity, int got) {
    StringBuilder usage = new StringBuilder(name);
    for (int i = 0; i < arity.size(); i++) {
      Domain d = arity.get(i);
      int before = (int) arity.subList(0, i).stream().filter(x -> x == d).count();
      usage.append('[').append(Names.indexHint(d, before)).append(']');
    }
    String takes = switch (arity.size()) {
      case 0 -> "takes no index";
      case 1 -> "takes one index (" + usage + ")";
      default -> "takes " + arity.size() + " indices (" + usage + ")";
    };
    return name + " " + takes + ", got " + got;
  }

  private InvariantException expectedValue(Token t) {
    Token before = pos > 0 ? tokens.get(pos - 1) : null;
    String after = before == null ? "" : " after " + before.describe();
    String hint = t.is(Kind.RPAREN) && before != null && before.is(Kind.LPAREN)
        ? " (empty parentheses)" : "";
    return error(t.start(), "expected a value" + after + ", got " + t.describe() + hint);
  }

  private InvariantException unexpectedAfterEnd(Token t) {
    if (t.is(Kind.RPAREN)) {
      return error(t.start(), "')' has no matching '('");
    }
    if (t.is(Kind.RBRACKET)) {
      return error(t.start(), "']' has no matching '['");
    }
    String hint = t.is(Kind.WORD) ? Names.operatorHint(t.text()) : "";
    return error(t.start(), "expected an operator or the end of the expression, got "
        + t.describe() + hint);
  }

  /** One more level of nesting; bounded so that no input can overflow the stack. */
  private void enter() throws InvariantException {
    if (++depth > InvariantParser.MAX_DEPTH) {
      throw error(peek().start(), "the expression nests more than " + InvariantParser.MAX_DEPTH
          + " levels deep");
    }
  }

  private static boolean isQuantifier(Token t) {
    return t.isWord("forall") || t.isWord("exists");
  }

  private Token peek() {
    return tokens.get(pos);
  }

  /** The next token; at the end it stays on the {@link Kind#END} token. */
  private Token next() {
    Token t = tokens.get(pos);
    if (pos < tokens.size() - 1) {
      pos++;
    }
    return t;
  }

  private InvariantException error(int offset, String reason) {
    return new InvariantException(source, offset, reason);
  }
}
