package org.hotplugchecker.model.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The premise of the shape sweep, checked on a rule set instead of argued by hand. The
 * sweep explores one <em>skeleton</em> per machine shape, with every CPU and block present
 * at boot and hot-pluggable, started from the boot state of each class of the shape. That
 * covers every class exactly when
 *
 * <ul>
 *   <li>the <em>gating</em> flags ({@code cpu.hotplug}, {@code mem.hotplug}) are read only
 *       as positive top-level conjuncts of action guards ({@link RuleSet#enabledOnlyWhen}
 *       included): setting them all adds transitions but changes none, and
 *   <li>the <em>boot-only</em> flags ({@code cpu.boot}, {@code mem.boot}) are read only by
 *       the boot program, which the sweep runs on each class itself.
 * </ul>
 *
 * Nothing else (effects, procedures, properties, the index expressions of the gating
 * conjuncts) may read any of these flags. {@link #violations(RuleSet)} lists every place
 * where a rule set breaks this; {@link #flagsRead(Expr)} tells which flags a user
 * invariant reads (the skeleton has other flags than its classes, so the shape sweep
 * cannot check such an invariant). Immutable.
 */
public final class ShapePremise {
  /** The premise for {@link HotplugRules#RULES}' flags. */
  public static final ShapePremise HOTPLUG = new ShapePremise(
      Set.of(HotplugRules.CPU_HOTPLUG, HotplugRules.MEM_HOTPLUG),
      Set.of(HotplugRules.CPU_BOOT, HotplugRules.MEM_BOOT));

  private final Set<TopologyAttr> gating;
  private final Set<TopologyAttr> bootOnly;

  /**
   * The premise for the given flags.
   *
   * @param gating flags the skeleton sets that may only gate actions
   * @param bootOnly flags the skeleton sets that may only shape the boot state
   */
  public ShapePremise(Set<TopologyAttr> gating, Set<TopologyAttr> bootOnly) {
    this.gating = Set.copyOf(gating);
    this.bootOnly = Set.copyOf(bootOnly);
  }

  /**
   * Every place where {@code rules} reads a flag against the premise, one line each (e.g.
   * {@code action hotadd_cpu: its effect reads cpu.hotplug}); empty when the shape sweep is
   * sound for {@code rules}.
   */
  public List<String> violations(RuleSet rules) {
    List<String> out = new ArrayList<>();
    guard("every action's guard", rules.enabledOnlyWhen(), out);
    for (ActionRule a : rules.actions()) {
      guard("action " + a.name() + ": its guard", a.guard(), out);
      reads("action " + a.name() + ": its effect", statements(a.body()), all(), out);
    }
    for (Procedure p : rules.procedures()) {
      reads("procedure " + p.name(), statements(p.body()), all(), out);
    }
    reads("the boot program", statements(rules.boot()), gating, out);
    for (PropertyRule p : rules.properties()) {
      reads("property " + p.name(), propertyExpressions(p), all(), out);
    }
    return out;
  }

  /**
   * Throws unless {@code rules} satisfies the premise.
   *
   * @throws IllegalStateException naming every violation and the way out
   */
  public void require(RuleSet rules) {
    List<String> v = violations(rules);
    if (!v.isEmpty()) {
      throw new IllegalStateException("the shape sweep's premise does not hold for this rule"
          + " table (" + String.join("; ", v) + "): hot-plug flags must only be positive"
          + " conjuncts of action guards and boot flags only shape the boot state;"
          + " sweep with --per-class instead");
    }
  }

  /** The flags (gating or boot-only) that {@code e} reads, in order of first reading. */
  public Set<TopologyAttr> flagsRead(Expr e) {
    Set<TopologyAttr> out = new LinkedHashSet<>();
    ExprAnalysis.visit(e, x -> {
      if (x instanceof Expr.Topo t && all().contains(t.attr())) {
        out.add(t.attr());
      }
    });
    return out;
  }

  private Set<TopologyAttr> all() {
    Set<TopologyAttr> s = new LinkedHashSet<>(gating);
    s.addAll(bootOnly);
    return s;
  }

  /** A guard: positive top-level conjuncts may read a gating flag, nothing else may. */
  private void guard(String where, Expr guard, List<String> out) {
    for (Expr c : ExprAnalysis.conjuncts(guard)) {
      if (c instanceof Expr.Topo t && gating.contains(t.attr())) {
        reads(where + " (inside the index of " + t.attr() + ")", t.indices(), all(), out);
      } else {
        reads(where + " (other than as a positive conjunct)", List.of(c), all(), out);
      }
    }
  }

  private static void reads(String where, List<Expr> exprs, Set<TopologyAttr> banned,
      List<String> out) {
    Set<TopologyAttr> found = new LinkedHashSet<>();
    for (Expr e : exprs) {
      ExprAnalysis.visit(e, x -> {
        if (x instanceof Expr.Topo t && banned.contains(t.attr())) {
          found.add(t.attr());
        }
      });
    }
    for (TopologyAttr a : found) {
      out.add(where + " reads " + a.name());
    }
  }

  private static List<Expr> statements(List<Stmt> body) {
    List<Expr> out = new ArrayList<>();
    RuleWalk.statements(body, out);
    return out;
  }

  private static List<Expr> propertyExpressions(PropertyRule p) {
    if (p instanceof PropertyRule.Invariant i) {
      return List.of(i.holds());
    }
    PropertyRule.ActionProperty ap = (PropertyRule.ActionProperty) p;
    return List.of(ap.applies(), ap.holds());
  }
}
