package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Settings;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.search.limits.FailCounter;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.search.strategy.strategy.AbstractStrategy;
import org.chocosolver.solver.variables.BoolVar;
import org.chocosolver.solver.variables.IntVar;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.model.HotplugModel;

/**
 * One satisfiability question over a fresh Choco model holding an {@link Unrolling}: the
 * caller posts the question's constraints, then {@link #solve} answers it and
 * {@link #path()} reads the witness.
 */
final class SymbolicQuery {
  /** The answer of one query. */
  enum Outcome {
    SAT,
    UNSAT,
    /** The fail limit stopped the search before an answer. */
    LIMIT
  }

  /** How the solver branches. */
  enum Strategy {
    /**
     * Action choices in step order, lowest action id first, then the initial state: with
     * a fixed initial state every decision is one kernel event and unit propagation
     * computes the next state, so the search is a depth-first walk of the action tree.
     */
    ACTIONS_FIRST,
    /**
     * dom/wdeg with last-conflict over the initial state and the actions, for questions
     * whose initial state is free (the k-induction step).
     */
    CONFLICT_DIRECTED
  }

  private final HotplugEncoding enc;
  private final Model model;
  private final Cnf cnf;
  private final Unrolling unrolling;
  private final long createdNanos;

  /** A model with {@code steps} unrolled steps and nothing else. */
  SymbolicQuery(HotplugEncoding enc, int steps, String name) {
    this.createdNanos = System.nanoTime();
    this.enc = enc;
    // Clauses go to Choco's SAT store (one watched-literal propagator) instead of one
    // sum constraint each, which is what makes unit propagation fast here.
    this.model = new Model(name, Settings.prod().setEnableSAT(true));
    this.cnf = new Cnf(model);
    this.unrolling = new Unrolling(enc, cnf, steps);
  }

  Cnf cnf() {
    return cnf;
  }

  Unrolling unrolling() {
    return unrolling;
  }

  /** Fixes state 0 to the model's boot state ({@code MODEL.md}, "Initial state"). */
  void fromBoot() {
    HotplugModel m = enc.model();
    enc.fix(cnf, unrolling.state(0), m.view(m.initialStates().get(0).clone()));
  }

  /**
   * Solves the question.
   *
   * @param failLimit stop after this many fails, 0 for no limit
   */
  Outcome solve(Strategy strategy, long failLimit, SolverStats stats) {
    Solver solver = model.getSolver();
    IntVar[] acts = unrolling.actionVars();
    IntVar[] initial = unrolling.stateVars(0).toArray(new BoolVar[0]);
    IntVar[] all = model.retrieveIntVars(true);
    List<AbstractStrategy<IntVar>> strategies = new ArrayList<>();
    switch (strategy) {
      case ACTIONS_FIRST -> {
        addSearch(strategies, Search::inputOrderLBSearch, acts);
        addSearch(strategies, Search::inputOrderLBSearch, initial);
      }
      case CONFLICT_DIRECTED -> addSearch(strategies,
          v -> Search.lastConflict(Search.domOverWDegSearch(v)), concat(initial, acts));
    }
    addSearch(strategies, Search::inputOrderLBSearch, all);
    solver.setSearch(Search.sequencer(strategies.toArray(AbstractStrategy<?>[]::new)));
    if (failLimit > 0) {
      solver.addStopCriterion(new FailCounter(model, failLimit));
    }
    long buildNanos = System.nanoTime() - createdNanos;
    boolean found = solver.solve();
    boolean limit = !found && solver.isStopCriterionMet();
    stats.add(solver, buildNanos, limit);
    return found ? Outcome.SAT : limit ? Outcome.LIMIT : Outcome.UNSAT;
  }

  private static void addSearch(List<AbstractStrategy<IntVar>> into,
      java.util.function.Function<IntVar[], AbstractStrategy<IntVar>> search, IntVar[] vars) {
    if (vars.length > 0) {
      into.add(search.apply(vars));
    }
  }

  private static IntVar[] concat(IntVar[] a, IntVar[] b) {
    IntVar[] r = new IntVar[a.length + b.length];
    System.arraycopy(a, 0, r, 0, a.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** The witness path after {@link Outcome#SAT}, as packed states and action ids. */
  Counterexample path() {
    List<long[]> states = new ArrayList<>();
    List<Integer> actions = new ArrayList<>();
    for (int t = 0; t <= unrolling.steps(); t++) {
      states.add(enc.decode(unrolling.state(t)).words());
      if (t < unrolling.steps()) {
        actions.add(unrolling.actionVars()[t].getValue());
      }
    }
    return new Counterexample(List.copyOf(states), List.copyOf(actions));
  }
}
