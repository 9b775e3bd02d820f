package org.hotplugchecker.model.rules.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.ExprAnalysis;
import org.hotplugchecker.model.rules.RuleSet;
import org.hotplugchecker.model.rules.Type;

/**
 * Derives, from an action instance's guard in the rules, bit masks that decide it on a
 * packed state: {@code (s & care) == want} and, if there is one, "some bit of {@code any}
 * is set". That works when every conjunct of the guard is decided by the topology, is a
 * boolean state variable or its negation at an index the topology fixes, or (at most one)
 * {@code exists v: static(v) && flag[v]}. Other guards get no masks, and the search
 * evaluates them instead.
 */
public final class GuardMasks {
  private GuardMasks() {}

  /**
   * An instance's guard as masks over the words of a packed state.
   *
   * @param care the bits the guard tests
   * @param want their required values
   * @param any null, or bits of which at least one must be set
   * @param never whether the guard can never hold
   */
  public record Masks(long[] care, long[] want, long[] any, boolean never) {}

  /**
   * The masks of action {@code action} of {@code machine}, or empty when its guard is not of
   * the mask form.
   */
  public static Optional<Masks> of(RuleMachine machine, int action) {
    ActionInstance inst = machine.actions().get(action);
    PackedLayout layout = machine.layout();
    RuleSet rules = machine.rules();
    StaticEval eval = new StaticEval(machine.facts(), layout);
    Map<String, Integer> vars = Map.of(inst.rule().param(), inst.index());
    long[] care = new long[layout.words()];
    long[] want = new long[layout.words()];
    long[] any = null;
    boolean never = false;
    List<Expr> conjuncts = new ArrayList<>(ExprAnalysis.conjuncts(rules.enabledOnlyWhen()));
    conjuncts.addAll(ExprAnalysis.conjuncts(inst.rule().guard()));
    for (Expr c : conjuncts) {
      if (!ExprAnalysis.readsState(c)) {
        never |= !eval.holds(c, vars);
        continue;
      }
      boolean positive = !(c instanceof Expr.Not);
      Expr atom = positive ? c : ((Expr.Not) c).operand();
      int field = flagField(atom, eval, vars, layout);
      if (field >= 0) {
        int w = layout.word(field);
        long bit = 1L << layout.shift(field);
        if ((care[w] & bit) != 0 && ((want[w] & bit) != 0) != positive) {
          never = true; // a flag required both set and clear
        }
        care[w] |= bit;
        want[w] |= positive ? bit : 0;
        continue;
      }
      if (any == null && c instanceof Expr.Quant q && q.quantifier() == Expr.Quantifier.EXISTS) {
        long[] bits = anyBits(q, eval, vars, layout);
        if (bits != null) {
          any = bits;
          continue;
        }
      }
      return Optional.empty();
    }
    return Optional.of(new Masks(care, want, any, never));
  }

  /** The field of {@code e} if it is a boolean state variable at a topology-fixed index. */
  private static int flagField(Expr e, StaticEval eval, Map<String, Integer> vars,
      PackedLayout layout) {
    if (!(e instanceof Expr.Read r) || r.slot().type() != Type.BOOL) {
      return -1;
    }
    int s = layout.slotIndex(r.slot());
    int i = 0;
    if (r.index() != null) {
      if (ExprAnalysis.readsState(r.index())) {
        return -1;
      }
      i = eval.value(r.index(), vars);
    }
    if (i < 0 || i >= layout.size(s)) {
      return -1; // reads false: not a flag test (the rules have none such; no masks)
    }
    return layout.field(s, i);
  }

  /**
   * For {@code exists v in D: static && flag[v] && static...}: the flags of the elements
   * where the static conjuncts hold; null if the body is not of that form.
   */
  private static long[] anyBits(Expr.Quant q, StaticEval eval, Map<String, Integer> vars,
      PackedLayout layout) {
    List<Expr> body = ExprAnalysis.conjuncts(q.body());
    Expr flag = null;
    for (Expr b : body) {
      if (ExprAnalysis.readsState(b)) {
        if (flag != null || !(b instanceof Expr.Read r) || r.slot().type() != Type.BOOL
            || !(r.index() instanceof Expr.Var v) || !v.name().equals(q.var())) {
          return null;
        }
        flag = b;
      }
    }
    if (flag == null) {
      return null;
    }
    long[] bits = new long[layout.words()];
    int size = layout.size(layout.slotIndex(((Expr.Read) flag).slot()));
    for (int k = 0; k < eval.facts().size(q.domain()) && k < size; k++) {
      Map<String, Integer> inner = new HashMap<>(vars);
      inner.put(q.var(), k);
      boolean staticPart = true;
      for (Expr b : body) {
        if (b != flag) {
          staticPart &= eval.holds(b, inner);
        }
      }
      if (staticPart) {
        int field = flagField(flag, eval, inner, layout);
        bits[layout.word(field)] |= 1L << layout.shift(field);
      }
    }
    return bits;
  }
}
