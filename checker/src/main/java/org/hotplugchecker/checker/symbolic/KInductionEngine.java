package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.symbolic.SymbolicMachine;
import org.hotplugchecker.model.rules.symbolic.SymbolicProperty;
import org.hotplugchecker.model.rules.symbolic.Term;
import org.hotplugchecker.model.rules.symbolic.TermEval;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * k-induction strengthened by automatic lemmas: proves properties for every reachable
 * state without enumerating them.
 * <ol>
 *   <li>Lemmas ({@link Lemmas}): the properties are proved together with candidate
 *       invariants, Houdini style; what survives is 1-inductive together and true at
 *       boot, so the surviving properties {@link Verdict#HOLDS} ("k-inductive, k=1"), and
 *       an action property whose "no step is judged" survives is {@link Verdict#VACUOUS}.
 *   <li>Then for {@code k = 1, 2, ..., maxK}: the base case is BMC at depth {@code k - 1}
 *       (violations shorter than {@code k} are reported with shortest traces); for
 *       {@code k >= 2} the step proves open properties together: one is dropped while some
 *       simple path {@code s0..sk} from any state, with the lemmas on every state and every
 *       remaining and proved property on {@code s0..s(k-1)}, violates it at {@code sk}.
 * </ol>
 * Why the step is sound: if a survivor failed somewhere, a shortest path from boot to the
 * first violation of any survivor is simple, at least {@code k} long (base case), its
 * states satisfy the lemmas, and its last {@code k + 1} states are a path the step ruled
 * out. An action property is a state predicate here ("no enabled step it judges fails"),
 * so the same argument applies. A proved action property is reported as holding only if
 * BMC also finds a state where it judges a step; otherwise it stays unknown.
 */
public final class KInductionEngine {
  /** The engine name in results. */
  public static final String NAME = "kind";

  /** Most solver calls spent on strengthening one property. */
  static final int STRENGTHENING_CALLS = 400;

  private final KInductionOptions options;

  /** An engine with {@code options}. */
  public KInductionEngine(KInductionOptions options) {
    this.options = options;
  }

  /**
   * Checks {@code ts}, which must be a {@link HotplugModel}.
   *
   * @throws IllegalArgumentException for any other transition system
   */
  public CheckResult check(TransitionSystem ts) {
    return check(SymbolicModel.of(ts));
  }

  /** Checks every property of {@code model}. */
  public CheckResult check(SymbolicModel model) {
    long start = System.nanoTime();
    SolverStats stats = new SolverStats();
    SymbolicMachine sym = model.sym();
    List<PropertySpec> props = model.ts().properties();
    PropertyResult[] results = new PropertyResult[props.size()];
    BoundedSearch search = new BoundedSearch(model.ts(), sym, options.backend(), stats, true);
    List<Term> goals = new ArrayList<>();
    for (SymbolicProperty p : sym.properties()) {
      goals.add(sym.terms().not(p.bad()));
      goals.add(p.isInvariant() ? sym.terms().TRUE : sym.terms().not(p.exercised()));
    }
    Lemmas lemmas = Lemmas.find(sym, goals, options.backend(), stats, options.stepFailLimit());
    options.progress().symbolicDone("lemmas", 0, stats.solveCalls(),
        BmcEngine.millisSince(start));
    Set<Integer> open = new LinkedHashSet<>();
    Set<Integer> proven = new LinkedHashSet<>();
    for (int p = 0; p < props.size(); p++) {
      if (!sym.properties().get(p).isInvariant() && lemmas.proved(2 * p + 1)) {
        results[p] = new PropertyResult(props.get(p), Verdict.VACUOUS, Optional.empty(),
            "proved: no reachable state has a step it judges (1-inductive)");
      } else if (lemmas.proved(2 * p)) {
        proven.add(p);
        results[p] = proved(search, sym, props.get(p), p, 1);
      } else {
        open.add(p);
      }
    }
    lemmas = strengthen(sym, lemmas, open, proven, results, search, props, stats);
    options.progress().symbolicDone("strengthening", 0, stats.solveCalls(),
        BmcEngine.millisSince(start));
    List<Term> provedTerms = new ArrayList<>();
    for (int p : proven) {
      provedTerms.add(sym.terms().not(sym.properties().get(p).bad()));
    }
    search.assumeInvariants(lemmas, provedTerms); // the base case may assume them
    int baseDepth = 0;
    InductionStep step = null;
    for (int k = 1; k <= options.maxK() && !open.isEmpty(); k++) {
      search.violatedAt(k - 1, open).forEach((p, cex) ->
          results[p] = BmcEngine.violated(props.get(p), cex));
      open.removeIf(p -> results[p] != null);
      baseDepth = k - 1;
      if (k >= 2) {
        if (step == null) {
          step = new InductionStep(sym, lemmas, options.backend(), stats);
        }
        Set<Integer> inductive = jointlyInductive(step, k, open, proven);
        for (int p : inductive) {
          results[p] = proved(search, sym, props.get(p), p, k);
        }
        open.removeAll(inductive);
      }
      options.progress().symbolicDone(NAME, k, stats.solveCalls(),
          BmcEngine.millisSince(start));
    }
    long limitHits = stats.counters().limitHits();
    for (int p : open) {
      results[p] = new PropertyResult(props.get(p), Verdict.UNKNOWN, Optional.empty(),
          "not k-inductive for any k <= " + options.maxK() + " with " + lemmas.count()
              + " automatic lemmas; no counterexample up to depth " + baseDepth
              + (limitHits > 0 ? "; " + limitHits + " solver calls hit the conflict limit "
                  + options.stepFailLimit() : ""));
    }
    boolean complete = List.of(results).stream().noneMatch(r -> r.verdict() == Verdict.UNKNOWN);
    Map<String, Number> statMap = stats.asMap();
    statMap.put("lemmas", lemmas.count());
    return new CheckResult(NAME, -1, -1, baseDepth, complete,
        complete ? Optional.empty()
            : Optional.of("induction depth " + options.maxK() + " reached"),
        false, List.of(results), BmcEngine.millisSince(start), statMap);
  }

  /**
   * Tries to prove each open property true at boot with more lemmas from its
   * counterexamples to induction ({@link Strengthening}); a proved one moves to
   * {@code proven} and its lemmas join {@code lemmas}, which is returned.
   */
  private Lemmas strengthen(SymbolicMachine sym, Lemmas lemmas, Set<Integer> open,
      Set<Integer> proven, PropertyResult[] results, BoundedSearch search,
      List<PropertySpec> props, SolverStats stats) {
    TermEval boot = new TermEval(sym.boot());
    for (int p : List.copyOf(open)) {
      Term goal = sym.terms().not(sym.properties().get(p).bad());
      if (!boot.bool(goal)) {
        continue; // violated at boot: the base case reports it
      }
      List<Term> provedTerms = new ArrayList<>();
      for (int q : proven) {
        provedTerms.add(sym.terms().not(sym.properties().get(q).bad()));
      }
      Optional<List<int[]>> more = new Strengthening(sym, lemmas, provedTerms, goal,
          options.backend(), stats, STRENGTHENING_CALLS, options.stepFailLimit()).prove();
      if (more.isPresent()) {
        lemmas = lemmas.with(more.get());
        open.remove(p);
        proven.add(p);
        results[p] = proved(search, sym, props.get(p), p, 1);
      }
    }
    return lemmas;
  }

  /** The largest subset of {@code candidates} that is k-inductive given {@code proven}. */
  private Set<Integer> jointlyInductive(InductionStep step, int k, Set<Integer> candidates,
      Set<Integer> proven) {
    Set<Integer> survivors = new LinkedHashSet<>(candidates);
    boolean changed = true;
    while (changed && !survivors.isEmpty()) {
      changed = false;
      for (int p : List.copyOf(survivors)) {
        Set<Integer> hypothesis = new LinkedHashSet<>(survivors);
        hypothesis.addAll(proven);
        if (step.fails(k, hypothesis, p, options.stepFailLimit())) {
          survivors.remove(p);
          changed = true;
        }
      }
    }
    proven.addAll(survivors);
    return survivors;
  }

  private PropertyResult proved(BoundedSearch search, SymbolicMachine sym, PropertySpec spec,
      int p, int k) {
    String detail = "k-inductive, k=" + k;
    if (sym.properties().get(p).isInvariant()) {
      return new PropertyResult(spec, Verdict.HOLDS, Optional.empty(), detail);
    }
    if (search.exercisedWithin(options.maxK(), p)) {
      return new PropertyResult(spec, Verdict.HOLDS, Optional.empty(), detail);
    }
    return new PropertyResult(spec, Verdict.UNKNOWN, Optional.empty(),
        "no violating transition (" + detail + "), but no transition exercising it found"
            + " up to depth " + options.maxK() + ", so it may be vacuous");
  }
}
