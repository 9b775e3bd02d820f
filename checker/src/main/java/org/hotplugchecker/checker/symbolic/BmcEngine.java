package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.symbolic.sat.SatSolver;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.symbolic.SymbolicProperty;
import org.hotplugchecker.model.rules.symbolic.Term;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * Bounded model checking: for {@code k = 0, 1, ..., K} it asks whether some still-open
 * property has a counterexample of exactly {@code k} steps, so each violated property gets
 * a shortest counterexample (replayed on the explicit model before it is reported). A
 * property without one up to {@code K} is {@link Verdict#UNKNOWN}, unless the recurrence
 * diameter was reached first (no simple path from boot is longer than the depth checked):
 * then every reachable state was covered and it {@link Verdict#HOLDS} (or, for an action
 * property that no transition exercises, is {@link Verdict#VACUOUS}). The encoding is
 * derived from the rule table ({@link SymbolicModel}); the solver is incremental across
 * depths.
 *
 * <p>The result's {@code states} and {@code transitions} are -1: a symbolic engine does
 * not enumerate states. {@code depth} is the largest {@code k} fully checked.
 */
public final class BmcEngine {
  /** The engine name in results. */
  public static final String NAME = "bmc";

  private final BmcOptions options;

  /** An engine with {@code options}. */
  public BmcEngine(BmcOptions options) {
    this.options = options;
  }

  /** Checks {@code model} up to depth {@code maxDepth} with default settings. */
  public static CheckResult check(HotplugModel model, int maxDepth) {
    return new BmcEngine(BmcOptions.depth(maxDepth)).check(model);
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
    BoundedSearch search = new BoundedSearch(model.ts(), model.sym(), options.backend(), stats,
        true);
    List<PropertySpec> props = model.ts().properties();
    strengthen(model, search, stats, start);
    PropertyResult[] results = new PropertyResult[props.size()];
    Set<Integer> open = new LinkedHashSet<>();
    for (int p = 0; p < props.size(); p++) {
      open.add(p);
    }
    boolean diameterOn = options.proveByDiameter();
    int depth = 0;
    int diameter = -1;
    for (int k = 0; k <= options.maxDepth() && !open.isEmpty(); k++) {
      search.violatedAt(k, open).forEach((p, cex) -> results[p] = violated(props.get(p), cex));
      open.removeIf(p -> results[p] != null);
      depth = k;
      options.progress().symbolicDone(NAME, k, stats.solveCalls(), millisSince(start));
      if (open.isEmpty() || !diameterOn) {
        continue;
      }
      SatSolver.Outcome longer = search.simplePathExists(k + 1, options.diameterFailLimit());
      if (longer == SatSolver.Outcome.LIMIT) {
        diameterOn = false;
      } else if (longer == SatSolver.Outcome.UNSAT) {
        diameter = k;
        concludeAtDiameter(k, open, search, props, results);
        open.clear();
      }
    }
    for (int p : open) {
      results[p] = new PropertyResult(props.get(p), Verdict.UNKNOWN, Optional.empty(),
          "no counterexample up to depth " + options.maxDepth());
    }
    boolean complete = open.isEmpty();
    Map<String, Number> statMap = stats.asMap();
    statMap.put("recurrenceDiameter", diameter);
    return new CheckResult(NAME, -1, -1, depth, complete,
        complete ? Optional.empty()
            : Optional.of("depth bound " + options.maxDepth() + " reached"),
        false, List.of(results), millisSince(start), statMap);
  }

  /**
   * Finds lemmas (with the properties as goals) and asserts those proved on every frame:
   * they hold in every reachable state, so no counterexample is lost, and the depths at
   * which a proved property is refuted cost next to nothing. The verdicts stay bounded
   * ({@code kind} reports proofs).
   */
  private void strengthen(SymbolicModel model, BoundedSearch search, SolverStats stats,
      long start) {
    List<Term> goals = new ArrayList<>();
    for (SymbolicProperty p : model.sym().properties()) {
      goals.add(model.sym().terms().not(p.bad()));
    }
    Lemmas lemmas = Lemmas.find(model.sym(), goals, options.backend(), stats,
        KInductionOptions.DEFAULT_STEP_FAIL_LIMIT);
    List<Term> proved = new ArrayList<>();
    for (int g = 0; g < goals.size(); g++) {
      if (lemmas.proved(g)) {
        proved.add(goals.get(g));
      }
    }
    search.assumeInvariants(lemmas, proved);
    options.progress().symbolicDone("lemmas", 0, stats.solveCalls(), millisSince(start));
  }

  /**
   * No simple path from boot is longer than {@code k}, so every reachable state is within
   * {@code k} steps and was checked: open invariants hold. A transition out of such a
   * state is at most {@code k + 1} steps away, so an action property needs that one more
   * depth, and a search for a transition that exercises it.
   */
  private static void concludeAtDiameter(int k, Set<Integer> open, BoundedSearch search,
      List<PropertySpec> props, PropertyResult[] results) {
    String proof = "proved: recurrence diameter " + k + " reached";
    List<Integer> actionProps = new ArrayList<>();
    for (int p : open) {
      if (props.get(p).kind() == PropertySpec.Kind.INVARIANT) {
        results[p] = new PropertyResult(props.get(p), Verdict.HOLDS, Optional.empty(), proof);
      } else {
        actionProps.add(p);
      }
    }
    Map<Integer, Counterexample> late = search.violatedAt(k + 1, actionProps);
    for (int p : actionProps) {
      if (late.containsKey(p)) {
        results[p] = violated(props.get(p), late.get(p));
        continue;
      }
      results[p] = search.exercisedWithin(k + 1, p)
          ? new PropertyResult(props.get(p), Verdict.HOLDS, Optional.empty(), proof)
          : new PropertyResult(props.get(p), Verdict.VACUOUS, Optional.empty(),
              "no reachable transition exercised it (" + proof + ")");
    }
  }

  static PropertyResult violated(PropertySpec p, Counterexample cex) {
    return new PropertyResult(p, Verdict.VIOLATED, Optional.of(cex),
        "shortest counterexample: " + cex.length() + " steps");
  }

  static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
