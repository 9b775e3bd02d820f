package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.checker.trace.TraceReplayer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.property.HotplugProperty;

/**
 * The bounded questions both symbolic engines ask, each on a fresh unrolling from boot:
 * which properties have a counterexample of exactly {@code k} steps, is {@code alloc_local}
 * exercised at {@code k}, does a simple path of length {@code k} exist. Every witness is
 * replayed on the explicit model before it leaves this class.
 */
final class ViolationSearch {
  private final HotplugModel model;
  private final HotplugEncoding enc;
  private final SolverStats stats;
  private final TraceReplayer replayer;
  private final Independence independence;

  ViolationSearch(HotplugModel model, HotplugEncoding enc, SolverStats stats) {
    this.model = model;
    this.enc = enc;
    this.stats = stats;
    this.replayer = new TraceReplayer(model);
    this.independence = new Independence(model);
  }

  /**
   * The properties of {@code candidates} violated by a path of exactly {@code k} steps,
   * each with such a path. Precondition: no candidate has a counterexample shorter than
   * {@code k} (the caller asks for {@code k = 0, 1, ...} in turn). That makes it sound to
   * restrict the search to simple paths whose earlier positions violate no candidate,
   * which prunes most of the action tree; the answers are then shortest counterexamples.
   */
  Map<HotplugProperty, Counterexample> violatedAt(int k, Collection<HotplugProperty> candidates) {
    Map<HotplugProperty, Counterexample> found = new LinkedHashMap<>();
    List<HotplugProperty> open = new ArrayList<>(candidates);
    while (!open.isEmpty()) {
      SymbolicQuery q = new SymbolicQuery(enc, k, "bmc" + k);
      Unrolling u = q.unrolling();
      q.fromBoot();
      u.distinct(0, k - 1);
      // Swapping two adjacent independent steps keeps a path's length and end, so some
      // shortest counterexample is canonical; for alloc_local the last step stays put.
      boolean anyAction = open.contains(HotplugProperty.ALLOC_LOCAL);
      u.canonicalOrder(independence, anyAction ? k - 2 : k - 1);
      List<Lit> goal = new ArrayList<>();
      for (HotplugProperty p : open) {
        for (int i = 0; i < k; i++) {
          q.cnf().assertTrue(u.violation(p, i).not());
        }
        goal.add(u.violation(p, k));
      }
      q.cnf().assertTrue(q.cnf().or(goal));
      if (q.solve(SymbolicQuery.Strategy.ACTIONS_FIRST, 0, stats) != SymbolicQuery.Outcome.SAT) {
        break;
      }
      Counterexample cex = q.path();
      List<HotplugProperty> hit = open.stream()
          .filter(p -> u.violation(p, k).valueInSolution()).toList();
      if (hit.isEmpty()) {
        throw new IllegalStateException("internal error: BMC witness at depth " + k
            + " violates none of " + open);
      }
      for (HotplugProperty p : hit) {
        validate(p, cex);
        found.put(p, cex);
      }
      open.removeAll(hit);
    }
    return found;
  }

  /** A path of exactly {@code k} steps whose last transition exercises {@code alloc_local}. */
  Optional<Counterexample> allocLocalExercisedAt(int k) {
    if (k == 0) {
      return Optional.empty();
    }
    SymbolicQuery q = new SymbolicQuery(enc, k, "exercise" + k);
    Unrolling u = q.unrolling();
    q.fromBoot();
    u.distinct(0, k - 1);
    u.canonicalOrder(independence, k - 2);
    q.cnf().assertTrue(u.allocLocalApplies(k));
    if (q.solve(SymbolicQuery.Strategy.ACTIONS_FIRST, 0, stats) != SymbolicQuery.Outcome.SAT) {
      return Optional.empty();
    }
    return Optional.of(q.path());
  }

  /** Whether some simple path of {@code length} steps leaves the boot state. */
  SymbolicQuery.Outcome simplePathExists(int length, long failLimit) {
    SymbolicQuery q = new SymbolicQuery(enc, length, "simple" + length);
    q.fromBoot();
    q.unrolling().distinct(0, length);
    return q.solve(SymbolicQuery.Strategy.ACTIONS_FIRST, failLimit, stats);
  }

  /** Replays {@code cex} on the explicit model; a failure is a bug of the encoding. */
  void validate(HotplugProperty p, Counterexample cex) {
    int index = model.hotplugProperties().indexOf(p);
    Optional<String> problem = replayer.problems(index, cex);
    if (problem.isPresent()) {
      throw new IllegalStateException("internal error: symbolic counterexample of "
          + p.specName() + " (length " + cex.length() + ") does not replay on the explicit"
          + " model: " + problem.get() + "; actions " + cex.actions().stream()
              .map(model::actionLabel).toList());
    }
  }
}
