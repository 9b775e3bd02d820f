package org.hotplugchecker.model.rules.lang;

import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;

/**
 * Parses and type-checks the invariant language of {@code MODEL.md}, section "User
 * invariants", into a bool {@link Expr} of the rule language: {@link Expr.Quant},
 * {@link Expr.Implies}, {@link Expr.Iff}, {@link Expr.Or}, {@link Expr.And} (n-ary:
 * {@code a && b && c} is one node, {@code (a && b) && c} two), {@link Expr.Not},
 * {@link Expr.Compare}, {@link Expr.Read}, {@link Expr.Topo}, {@link Expr.Var},
 * {@link Expr.Int} and {@link Expr.Bool}.
 *
 * <p>A name resolves to a variable in scope, else a state variable of the rule set
 * ({@link Expr.Read}), else one of its topology attributes ({@link Expr.Topo}). The names
 * come from the rule set given, never from a list of this package's own.
 *
 * <p>Any string gives either an expression or an {@link InvariantException} (null counts
 * as empty); never another exception. Choices the grammar leaves open: whitespace may
 * separate {@code -} from its number; integers are decimal without leading zeros (C would
 * read {@code 010} as octal); a variable may take the name of a topology attribute (not of
 * a state variable, a keyword or a variable in scope) and then hides it; nesting is
 * bounded by {@link #MAX_DEPTH}.
 *
 * <p>Immutable and thread-safe.
 */
public final class InvariantParser {
  /**
   * How deeply parentheses, brackets, {@code !}, quantifiers and the right sides of
   * {@code ->} may nest; deeper input is an error rather than a stack overflow.
   */
  public static final int MAX_DEPTH = 100;

  private final Names names;

  /** A parser for invariants over {@code rules}' state variables and topology. */
  public InvariantParser(RuleSet rules) {
    this(rules.slots(), rules.topology());
  }

  /**
   * A parser for invariants over {@code slots} and {@code topology}: for a rule set that is
   * still being built (its invariants are parsed before the {@link RuleSet} exists).
   *
   * @throws IllegalArgumentException if two of the names are equal or one is a keyword
   */
  public InvariantParser(List<Slot> slots, List<TopologyAttr> topology) {
    this.names = new Names(slots, topology);
  }

  /** Parses {@code source} with the names of {@code rules}. */
  public static Expr parse(RuleSet rules, String source) throws InvariantException {
    return new InvariantParser(rules).parse(source);
  }

  /**
   * The bool expression {@code source} writes.
   *
   * @throws InvariantException at the first error, reading left to right
   */
  public Expr parse(String source) throws InvariantException {
    String text = source == null ? "" : source;
    return new Parser(names, text, Lexer.lex(text)).parseInvariant();
  }

  /** The keywords, which no variable may be named. */
  public static Set<String> keywords() {
    return Names.KEYWORDS;
  }
}
