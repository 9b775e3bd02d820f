package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.property.HotplugProperty;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * Bounded model checking on Choco: for {@code k = 0, 1, ..., K} it asks whether some
 * still-open property has a counterexample of exactly {@code k} steps, so each violated
 * property gets a shortest counterexample (replayed on the explicit model before it is
 * reported). A property without one up to {@code K} is {@link Verdict#UNKNOWN}, unless
 * the recurrence diameter was reached first (no simple path from boot is longer than the
 * depth checked): then every reachable state was covered and it {@link Verdict#HOLDS}
 * (or, for an {@code alloc_local} that no transition exercises, is {@link Verdict#VACUOUS}).
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
    ViolationSearch search = new ViolationSearch(model, new HotplugEncoding(model), stats);
    List<HotplugProperty> props = model.hotplugProperties();
    Map<HotplugProperty, PropertyResult> results = new LinkedHashMap<>();
    Set<HotplugProperty> open = new LinkedHashSet<>(props);
    boolean diameterOn = options.proveByDiameter();
    int depth = 0;
    int diameter = -1;
    for (int k = 0; k <= options.maxDepth() && !open.isEmpty(); k++) {
      search.violatedAt(k, open).forEach((p, cex) -> results.put(p, violated(p, cex)));
      open.removeAll(results.keySet());
      depth = k;
      options.progress().levelDone(-1, k, (System.nanoTime() - start) / 1_000_000);
      if (open.isEmpty() || !diameterOn) {
        continue;
      }
      SymbolicQuery.Outcome longer = search.simplePathExists(k + 1, options.diameterFailLimit());
      if (longer == SymbolicQuery.Outcome.LIMIT) {
        diameterOn = false;
      } else if (longer == SymbolicQuery.Outcome.UNSAT) {
        diameter = k;
        concludeAtDiameter(k, open, search, results);
        open.clear();
      }
    }
    for (HotplugProperty p : open) {
      results.put(p, new PropertyResult(p.spec(), Verdict.UNKNOWN, Optional.empty(),
          "no counterexample up to depth " + options.maxDepth()));
    }
    List<PropertyResult> ordered = new ArrayList<>();
    props.forEach(p -> ordered.add(results.get(p)));
    boolean complete = open.isEmpty();
    Map<String, Number> statMap = stats.asMap();
    statMap.put("recurrenceDiameter", diameter);
    return new CheckResult(NAME, -1, -1, depth, complete,
        complete ? Optional.empty()
            : Optional.of("depth bound " + options.maxDepth() + " reached"),
        false, List.copyOf(ordered), (System.nanoTime() - start) / 1_000_000, statMap);
  }

  /**
   * No simple path from boot is longer than {@code k}, so every reachable state is within
   * {@code k} steps and was checked: open invariants hold. A transition out of such a
   * state is at most {@code k + 1} steps away, so {@code alloc_local} needs that one more
   * depth, and a search for a transition that exercises it.
   */
  private static void concludeAtDiameter(int k, Set<HotplugProperty> open,
      ViolationSearch search, Map<HotplugProperty, PropertyResult> results) {
    String proof = "proved: recurrence diameter " + k + " reached";
    for (HotplugProperty p : open) {
      if (p != HotplugProperty.ALLOC_LOCAL) {
        results.put(p, new PropertyResult(p.spec(), Verdict.HOLDS, Optional.empty(), proof));
        continue;
      }
      Counterexample cex = search.violatedAt(k + 1, List.of(p)).get(p);
      if (cex != null) {
        results.put(p, violated(p, cex));
        continue;
      }
      boolean exercised = false;
      for (int j = 1; j <= k + 1 && !exercised; j++) {
        exercised = search.allocLocalExercisedAt(j).isPresent();
      }
      results.put(p, exercised
          ? new PropertyResult(p.spec(), Verdict.HOLDS, Optional.empty(), proof)
          : new PropertyResult(p.spec(), Verdict.VACUOUS, Optional.empty(),
              "no reachable transition exercised it (" + proof + ")"));
    }
  }

  static PropertyResult violated(HotplugProperty p, Counterexample cex) {
    return new PropertyResult(p.spec(), Verdict.VIOLATED, Optional.of(cex),
        "shortest counterexample: " + cex.length() + " steps");
  }
}
