package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * k-induction with simple-path strengthening: proves properties for every reachable state
 * without enumerating them. For {@code k = 1, 2, ..., maxK}:
 * <ol>
 *   <li>base case: BMC at depth {@code k - 1} (so every violation shorter than {@code k}
 *       is found, shortest first, and reported {@link Verdict#VIOLATED} with its trace);
 *   <li>step: the open properties are proved <em>together</em>. Starting from all of them,
 *       a property is dropped while some simple path {@code s0..sk} from <em>any</em>
 *       state satisfies every remaining (and every already proved) property at
 *       {@code s0..s(k-1)} and violates it at {@code sk}; what survives is jointly
 *       k-inductive and {@link Verdict#HOLDS} ("k-inductive, k=…").
 * </ol>
 * Why that is sound: if a survivor failed somewhere, a shortest path from boot to the first
 * violation of any survivor is simple, at least {@code k} long (base case), and its last
 * {@code k + 1} states are exactly a path the step ruled out. For {@code alloc_local} the
 * violation is the last transition and the step only needs {@code s0..s(k-1)} simple.
 *
 * <p>Properties still open at {@code maxK} are {@link Verdict#UNKNOWN}. A proved
 * {@code alloc_local} is reported as holding only if BMC also finds a transition that
 * exercises it; otherwise it stays unknown (vacuity is not proved).
 */
public final class KInductionEngine {
  /** The engine name in results. */
  public static final String NAME = "kind";

  private final KInductionOptions options;

  /** An engine with {@code options}. */
  public KInductionEngine(KInductionOptions options) {
    this.options = options;
  }

  /**
   * Checks {@code ts}, which must be a {@link HotplugModel}: the encoding is of the hotplug
   * model's rules, not of an arbitrary transition system.
   *
   * @throws IllegalArgumentException for any other transition system
   */
  public CheckResult check(TransitionSystem ts) {
    return check(HotplugEncoding.hotplugModel(ts));
  }

  /** Checks every property of {@code model}. */
  public CheckResult check(HotplugModel model) {
    long start = System.nanoTime();
    SolverStats stats = new SolverStats();
    HotplugEncoding enc = new HotplugEncoding(model);
    ViolationSearch search = new ViolationSearch(model, enc, stats);
    List<HotplugProperty> props = model.hotplugProperties();
    Map<HotplugProperty, PropertyResult> results = new LinkedHashMap<>();
    Set<HotplugProperty> open = new LinkedHashSet<>(props);
    Set<HotplugProperty> proven = new LinkedHashSet<>();
    int baseDepth = 0;
    Lemmas lemmas = Lemmas.find(enc, stats, options.stepFailLimit());
    for (int k = 1; k <= options.maxK() && !open.isEmpty(); k++) {
      search.violatedAt(k - 1, open).forEach((p, cex) ->
          results.put(p, BmcEngine.violated(p, cex)));
      open.removeAll(results.keySet());
      baseDepth = k - 1;
      Set<HotplugProperty> inductive = jointlyInductive(enc, lemmas, k, open, proven, stats);
      for (HotplugProperty p : inductive) {
        results.put(p, proved(p, k, search));
      }
      open.removeAll(inductive);
      proven.addAll(inductive);
      options.progress().levelDone(-1, k, (System.nanoTime() - start) / 1_000_000);
    }
    for (HotplugProperty p : open) {
      results.put(p, new PropertyResult(p.spec(), Verdict.UNKNOWN, Optional.empty(),
          "not k-inductive for any k <= " + options.maxK() + "; no counterexample up to depth "
              + baseDepth));
    }
    List<PropertyResult> ordered = new ArrayList<>();
    props.forEach(p -> ordered.add(results.get(p)));
    boolean complete = ordered.stream().noneMatch(r -> r.verdict() == Verdict.UNKNOWN);
    Map<String, Number> statMap = stats.asMap();
    statMap.put("lemmas", lemmas.count());
    return new CheckResult(NAME, -1, -1, baseDepth, complete,
        complete ? Optional.empty()
            : Optional.of("induction depth " + options.maxK() + " reached"),
        false, List.copyOf(ordered), (System.nanoTime() - start) / 1_000_000, statMap);
  }

  /** The largest subset of {@code candidates} that is k-inductive given {@code proven}. */
  private Set<HotplugProperty> jointlyInductive(HotplugEncoding enc, Lemmas lemmas,
      int k,
      Set<HotplugProperty> candidates, Set<HotplugProperty> proven, SolverStats stats) {
    Set<HotplugProperty> survivors = new LinkedHashSet<>(candidates);
    boolean changed = true;
    while (changed && !survivors.isEmpty()) {
      changed = false;
      for (HotplugProperty p : List.copyOf(survivors)) {
        Set<HotplugProperty> hypothesis = new LinkedHashSet<>(survivors);
        hypothesis.addAll(proven);
        if (stepFails(enc, lemmas, k, hypothesis, p, stats)) {
          survivors.remove(p);
          changed = true;
        }
      }
    }
    return survivors;
  }

  /**
   * Whether some simple path {@code s0..sk} (from any state) satisfies {@code hypothesis}
   * before {@code sk} and violates {@code goal} at {@code k}; a fail-limit stop counts as
   * yes.
   */
  private boolean stepFails(HotplugEncoding enc, Lemmas lemmas, int k,
      Set<HotplugProperty> hypothesis, HotplugProperty goal, SolverStats stats) {
    SymbolicQuery q = new SymbolicQuery(enc, k, "step" + k);
    Unrolling u = q.unrolling();
    u.distinct(0, k - 1);
    for (int i = 0; i <= k; i++) {
      lemmas.assertIn(u, i, q.cnf());
    }
    for (HotplugProperty h : hypothesis) {
      for (int i = 0; i < k; i++) {
        q.cnf().assertTrue(u.violation(h, i).not());
      }
    }
    q.cnf().assertTrue(u.violation(goal, k));
    return q.solve(SymbolicQuery.Strategy.CONFLICT_DIRECTED, options.stepFailLimit(), stats)
        != SymbolicQuery.Outcome.UNSAT;
  }

  private PropertyResult proved(HotplugProperty p, int k, ViolationSearch search) {
    String detail = "k-inductive, k=" + k;
    if (p == HotplugProperty.ALLOC_LOCAL) {
      for (int j = 1; j <= options.maxK(); j++) {
        if (search.allocLocalExercisedAt(j).isPresent()) {
          return new PropertyResult(p.spec(), Verdict.HOLDS, Optional.empty(), detail);
        }
      }
      return new PropertyResult(p.spec(), Verdict.UNKNOWN, Optional.empty(),
          "no violating transition (" + detail + "), but no transition exercising it found"
              + " up to depth " + options.maxK() + ", so it may be vacuous");
    }
    return new PropertyResult(p.spec(), Verdict.HOLDS, Optional.empty(), detail);
  }
}
