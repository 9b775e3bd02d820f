package org.hotplugchecker.model.rules.gen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.RuleSet;

/**
 * The {@code violations} method: which of the active invariants a state violates. The
 * search calls it on every state with every invariant active, so invariants of the form
 * "for all {@code x} in D: body" with a loop-free body that the bit-vector code does not
 * cover share one loop over D per domain, whose bodies are evaluated without branches
 * ({@link ExprGen#genEager}): one pass over the CPUs instead of one per invariant, as the
 * hand-written kernel did. Evaluation is total and pure, so computing an invariant that is
 * not active changes nothing; its bit is masked off. The others call their own method.
 */
final class ViolationsGen {
  private final RuleSet rules;
  private final ExprGen exprs;
  private final Scope.Names names;

  ViolationsGen(RuleSet rules, ExprGen exprs, Scope.Names names) {
    this.rules = rules;
    this.exprs = exprs;
    this.names = names;
  }

  /**
   * Writes the method to {@code body}; {@code method} names an invariant's own method
   * (taking the state {@code s}).
   */
  void write(JavaWriter body, Function<PropertyRule, String> method) {
    StateAccess a = exprs.access();
    body.open("public long violations" + a.suffix() + "(" + a.type() + " s, long active) {");
    body.line("long v = 0;");
    Map<Domain, List<Integer>> fused = fusable();
    for (Map.Entry<Domain, List<Integer>> group : fused.entrySet()) {
      Domain d = group.getKey();
      String x = names.fresh("each");
      List<String> oks = new ArrayList<>();
      body.open("{ // the invariants over " + d + ", in one pass");
      for (int p : group.getValue()) {
        String ok = names.fresh("ok");
        oks.add(ok);
        body.line("boolean " + ok + " = true;");
      }
      body.open("for (int " + x + " = 0; " + x + " < N_" + d.name() + "; " + x + "++) {");
      for (int k = 0; k < oks.size(); k++) {
        Expr.Quant q = (Expr.Quant) invariant(group.getValue().get(k)).holds();
        Scope sc = new Scope(names).alias(q.var(), d, x);
        body.line(oks.get(k) + " &= " + exprs.genEager(q.body(), sc) + ";");
      }
      body.close();
      for (int k = 0; k < oks.size(); k++) {
        long bit = 1L << group.getValue().get(k);
        body.line("if (!" + oks.get(k) + ") v |= " + bit + "L;");
      }
      body.close();
    }
    if (!fused.isEmpty()) {
      body.line("v &= active;");
    }
    for (int p = 0; p < rules.properties().size(); p++) {
      int position = p;
      boolean inGroup = fused.values().stream().anyMatch(g -> g.contains(position));
      if (rules.properties().get(p) instanceof PropertyRule.Invariant inv && !inGroup) {
        long bit = 1L << p;
        body.line("if ((active & " + bit + "L) != 0 && !" + method.apply(inv) + "(s)) v |= "
            + bit + "L;");
      }
    }
    body.line("return v;");
    body.close();
  }

  private PropertyRule.Invariant invariant(int p) {
    return (PropertyRule.Invariant) rules.properties().get(p);
  }

  /** Per domain, the positions of the invariants worth one shared loop (two or more). */
  private Map<Domain, List<Integer>> fusable() {
    Map<Domain, List<Integer>> byDomain = new LinkedHashMap<>();
    for (int p = 0; p < rules.properties().size() && p < 64; p++) {
      if (rules.properties().get(p) instanceof PropertyRule.Invariant inv
          && inv.holds() instanceof Expr.Quant q && q.quantifier() == Expr.Quantifier.FORALL
          && ExprGen.cheap(q.body()) && !vectorised(q)) {
        byDomain.computeIfAbsent(q.domain(), d -> new ArrayList<>()).add(p);
      }
    }
    byDomain.values().removeIf(g -> g.size() < 2);
    return byDomain;
  }

  /** Whether the quantifier already compiles to a few word operations. */
  private boolean vectorised(Expr.Quant q) {
    return exprs.quantVector(q, new Scope(names)) != null; // its tables serve i_ too
  }
}
