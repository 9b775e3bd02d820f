package org.hotplugchecker.model.rules.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.TopologyAttr;
import org.hotplugchecker.model.rules.Type;

/**
 * jqwik generators of random well-typed invariants, each as an {@link Expr} and as source
 * text written independently of {@link InvariantPrinter}: the grammar's necessary
 * parentheses, sometimes extra ones, and random whitespace (spaces, tabs, newlines, or none
 * where the tokens allow). They cover every construct of the language: quantifiers (nested,
 * with variable names that never shadow, one of them hiding {@code distance}), {@code ->},
 * {@code <->}, n-ary {@code &&} / {@code ||}, {@code !}, every comparison of ints and the
 * equalities of bools, state variables and topology attributes with node-valued indices
 * ({@code node.online[cpu.nid[c]]}, {@code distance[n][m]}), negative literals down to
 * {@code -2147483648}. Shared through model's test-jar; they shrink towards
 * {@code true}, then towards small expressions over leaves.
 */
public final class InvariantArbitraries {
  private InvariantArbitraries() {}

  /**
   * One generated invariant.
   *
   * @param expr what it means
   * @param tokens its tokens, in order
   * @param source the tokens joined with random whitespace
   */
  public record Generated(Expr expr, List<String> tokens, String source) {
    @Override
    public String toString() {
      return source.replace("\n", "\\n").replace("\t", "\\t");
    }
  }

  /** Invariants over {@link HotplugRules#RULES}' names, nesting up to 3 levels. */
  public static Arbitrary<Generated> invariants() {
    return invariants(HotplugRules.RULES, 3);
  }

  /** Invariants over {@code rules}' names, operators nesting up to {@code depth} levels. */
  public static Arbitrary<Generated> invariants(RuleSet rules, int depth) {
    Arbitrary<Fragment> fragments = new FragmentGen(rules).bool(List.of(), depth);
    return fragments.flatMap(f -> separators(f.tokens().size()).map(seps ->
        new Generated(f.expr(), f.tokens(), join(f.tokens(), seps))));
  }

  private static final String[] SEPARATORS = {" ", "", "  ", "\n", "\t", " \n  "};

  private static Arbitrary<List<String>> separators(int tokens) {
    return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(" ")),
            Tuple.of(4, Arbitraries.of(SEPARATORS)))
        .list().ofSize(tokens + 1);
  }

  /**
   * The tokens with {@code seps} before, between and after them; an empty separator between
   * two word-like tokens becomes a space (else they would lex as one word).
   */
  static String join(List<String> tokens, List<String> seps) {
    StringBuilder out = new StringBuilder(seps.get(0));
    for (int i = 0; i < tokens.size(); i++) {
      if (i > 0) {
        String sep = seps.get(i);
        boolean glued = sep.isEmpty() && wordChar(last(tokens.get(i - 1)))
            && wordChar(tokens.get(i).charAt(0));
        out.append(glued ? " " : sep);
      }
      out.append(tokens.get(i));
    }
    return out.append(seps.get(tokens.size())).toString();
  }

  private static char last(String s) {
    return s.charAt(s.length() - 1);
  }

  private static boolean wordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.';
  }

  // Binding levels of the grammar, loosest first (as the parser's rules nest).
  static final int EXPR = 0;
  static final int OR = 1;
  static final int AND = 2;
  static final int NOT = 3;
  static final int CMP = 4;
  static final int ATOM = 5;

  /** A generated subexpression: its meaning, its tokens and the grammar rule it is. */
  record Fragment(Expr expr, List<String> tokens, int level) {
    /** The tokens, parenthesised when the fragment binds looser than {@code position}. */
    List<String> at(int position) {
      return level < position ? parens() : tokens;
    }

    List<String> parens() {
      List<String> out = new ArrayList<>(tokens.size() + 2);
      out.add("(");
      out.addAll(tokens);
      out.add(")");
      return out;
    }
  }

  static List<String> concat(List<List<String>> parts) {
    return parts.stream().flatMap(List::stream).collect(Collectors.toList());
  }

  /** The recursive generators over one rule set's names. */
  private static final class FragmentGen {
    /** Variable names to choose from; keywords and state variables never are. */
    private static final List<String> NAMES = List.of("c", "n", "b", "m", "x", "cpu", "node",
        "i_2", "_t", "distance", "Nodes");
    private final List<Slot> boolSlots;
    private final List<Slot> intSlots;
    private final List<TopologyAttr> boolAttrs;
    private final List<TopologyAttr> intAttrs;
    private final Set<String> slotNames;

    FragmentGen(RuleSet rules) {
      boolSlots = rules.slots().stream().filter(s -> s.type() == Type.BOOL).toList();
      intSlots = rules.slots().stream().filter(s -> s.type() == Type.INT).toList();
      boolAttrs = rules.topology().stream().filter(a -> a.type() == Type.BOOL).toList();
      intAttrs = rules.topology().stream().filter(a -> a.type() == Type.INT).toList();
      slotNames = rules.slots().stream().map(Slot::name).collect(Collectors.toSet());
    }

    Arbitrary<Fragment> bool(List<String> scope, int depth) {
      Arbitrary<Fragment> leaf = Arbitraries.frequencyOf(
          Tuple.of(3, Arbitraries.of(true, false).map(v ->
              new Fragment(new Expr.Bool(v), List.of(String.valueOf(v)), ATOM))),
          Tuple.of(4, read(boolSlots, scope, depth)),
          Tuple.of(2, topo(boolAttrs, scope, depth)));
      if (depth == 0) {
        return leaf;
      }
      int d = depth - 1;
      return maybeParens(Arbitraries.frequencyOf(
          Tuple.of(5, leaf),
          Tuple.of(2, Arbitraries.lazy(() -> not(scope, d))),
          Tuple.of(2, Arbitraries.lazy(() -> chain(scope, d, true))),
          Tuple.of(2, Arbitraries.lazy(() -> chain(scope, d, false))),
          Tuple.of(2, Arbitraries.lazy(() -> arrow(scope, d))),
          Tuple.of(3, Arbitraries.lazy(() -> compareInts(scope, d))),
          Tuple.of(1, Arbitraries.lazy(() -> compareBools(scope, d))),
          Tuple.of(3, Arbitraries.lazy(() -> quant(scope, d)))));
    }

    Arbitrary<Fragment> integer(List<String> scope, int depth) {
      Arbitrary<Fragment> literal = Arbitraries.frequencyOf(
          Tuple.of(8, Arbitraries.integers().between(-2, 4)),
          Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 10, 20)))
          .map(FragmentGen::literal);
      List<Tuple.Tuple2<Integer, Arbitrary<Fragment>>> choices = new ArrayList<>();
      choices.add(Tuple.of(2, literal));
      if (!scope.isEmpty()) {
        choices.add(Tuple.of(8, Arbitraries.of(scope).map(v ->
            new Fragment(new Expr.Var(v), List.of(v), ATOM))));
      }
      if (depth > 0) {
        choices.add(Tuple.of(2, Arbitraries.lazy(() -> read(intSlots, scope, depth - 1))));
        choices.add(Tuple.of(2, Arbitraries.lazy(() -> topo(intAttrs, scope, depth - 1))));
      }
      return maybeParens(Arbitraries.frequencyOf(choices));
    }

    private static Fragment literal(int v) {
      List<String> tokens = v < 0
          ? List.of("-", Long.toString(-(long) v)) : List.of(Integer.toString(v));
      return new Fragment(new Expr.Int(v), tokens, ATOM);
    }

    /** One time in eight, parentheses the grammar does not need (they change nothing). */
    private static Arbitrary<Fragment> maybeParens(Arbitrary<Fragment> a) {
      return Combinators.combine(a, Arbitraries.integers().between(0, 7)).as((f, dice) ->
          dice == 7 ? new Fragment(f.expr(), f.parens(), ATOM) : f);
    }

    private Arbitrary<Fragment> read(List<Slot> slots, List<String> scope, int depth) {
      return Arbitraries.of(slots).flatMap(s -> s.isScalar()
          ? Arbitraries.just(new Fragment(new Expr.Read(s, null), List.of(s.name()), ATOM))
          : integer(scope, depth).map(i -> new Fragment(new Expr.Read(s, i.expr()),
              concat(List.of(List.of(s.name(), "["), i.tokens(), List.of("]"))), ATOM)));
    }

    private Arbitrary<Fragment> topo(List<TopologyAttr> attrs, List<String> scope, int depth) {
      // A variable named like an attribute hides it: do not generate what would not parse.
      List<TopologyAttr> visible = attrs.stream().filter(a -> !scope.contains(a.name()))
          .toList();
      if (visible.isEmpty()) {
        throw new IllegalStateException("every attribute of this type is hidden by a variable");
      }
      return Arbitraries.of(visible).flatMap(a -> integer(scope, depth).list()
          .ofSize(a.indices().size()).map(is -> {
            List<List<String>> parts = new ArrayList<>();
            parts.add(List.of(a.name()));
            for (Fragment i : is) {
              parts.add(List.of("["));
              parts.add(i.tokens());
              parts.add(List.of("]"));
            }
            return new Fragment(new Expr.Topo(a, is.stream().map(Fragment::expr).toList()),
                concat(parts), ATOM);
          }));
    }

    private Arbitrary<Fragment> not(List<String> scope, int depth) {
      return bool(scope, depth).map(f -> new Fragment(new Expr.Not(f.expr()),
          concat(List.of(List.of("!"), f.at(NOT))), NOT));
    }

    private Arbitrary<Fragment> chain(List<String> scope, int depth, boolean and) {
      int position = and ? NOT : AND;
      return bool(scope, depth).list().ofMinSize(2).ofMaxSize(3).map(fs -> {
        List<List<String>> parts = new ArrayList<>();
        for (Fragment f : fs) {
          if (!parts.isEmpty()) {
            parts.add(List.of(and ? "&&" : "||"));
          }
          parts.add(f.at(position));
        }
        List<Expr> es = fs.stream().map(Fragment::expr).toList();
        return new Fragment(and ? new Expr.And(es) : new Expr.Or(es), concat(parts),
            and ? AND : OR);
      });
    }

    private Arbitrary<Fragment> arrow(List<String> scope, int depth) {
      return Combinators.combine(bool(scope, depth), Arbitraries.of(true, false),
          bool(scope, depth)).as((l, implies, r) -> new Fragment(
              implies ? new Expr.Implies(l.expr(), r.expr()) : new Expr.Iff(l.expr(), r.expr()),
              concat(List.of(l.at(OR), List.of(implies ? "->" : "<->"), r.at(EXPR))), EXPR));
    }

    private Arbitrary<Fragment> compareInts(List<String> scope, int depth) {
      return Combinators.combine(integer(scope, depth), Arbitraries.of(Expr.CompareOp.values()),
          integer(scope, depth)).as(FragmentGen::compare);
    }

    private Arbitrary<Fragment> compareBools(List<String> scope, int depth) {
      return Combinators.combine(bool(scope, depth),
          Arbitraries.of(Expr.CompareOp.EQ, Expr.CompareOp.NE), bool(scope, depth))
          .as(FragmentGen::compare);
    }

    private static Fragment compare(Fragment l, Expr.CompareOp op, Fragment r) {
      return new Fragment(new Expr.Compare(op, l.expr(), r.expr()),
          concat(List.of(l.at(ATOM), List.of(op.symbol()), r.at(ATOM))), CMP);
    }

    private Arbitrary<Fragment> quant(List<String> scope, int depth) {
      List<String> free = NAMES.stream()
          .filter(v -> !scope.contains(v) && !slotNames.contains(v)).toList();
      return Combinators.combine(Arbitraries.of(Expr.Quantifier.values()),
          Arbitraries.of(Domain.values()), Arbitraries.of(free)).flatAs((q, dom, v) -> {
            List<String> inner = Stream.concat(scope.stream(), Stream.of(v)).toList();
            return bool(inner, depth).map(body -> new Fragment(
                new Expr.Quant(q, v, dom, body.expr()),
                concat(List.of(List.of(q.keyword(), v, "in", dom.keyword(), ":"),
                    body.at(EXPR))), EXPR));
          });
    }
  }
}
