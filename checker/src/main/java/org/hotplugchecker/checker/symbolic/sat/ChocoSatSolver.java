package org.hotplugchecker.checker.symbolic.sat;

import java.util.ArrayList;
import java.util.List;
import org.chocosolver.solver.Model;
import org.chocosolver.solver.Settings;
import org.chocosolver.solver.Solver;
import org.chocosolver.solver.constraints.Constraint;
import org.chocosolver.solver.search.limits.FailCounter;
import org.chocosolver.solver.search.strategy.Search;
import org.chocosolver.solver.variables.BoolVar;

/**
 * {@link SatSolver} on Choco Solver: the clauses go to Choco's clause store (one
 * watched-literal propagator, {@code Settings.setEnableSAT}); a question is one
 * {@code solve()} with the assumptions posted as temporary constraints. The search
 * branches on the hinted variables first, in order and true first (the action selectors
 * step by step: a depth-first walk of the action tree in which propagation computes every
 * state), then on anything left by dom/wdeg with last-conflict. Choco learns no clauses
 * here, so it is the slower backend; it is kept as the project's constraint solver and as
 * a second opinion.
 */
public final class ChocoSatSolver implements SatSolver {
  /** The backend's name on the command line. */
  public static final String NAME = "choco";

  private final Model model = new Model("symbolic", Settings.prod().setEnableSAT(true));
  private final List<BoolVar> vars = new ArrayList<>(List.of(model.boolVar("unused")));
  private final List<BoolVar> preferred = new ArrayList<>();
  private boolean[] values = new boolean[0];
  private boolean inconsistent;
  private long clauses;
  private long calls;
  private long nodes;
  private long fails;
  private long nanos;
  private long limitHits;
  private int[] lastAssumptions = new int[0];

  @Override
  public int newVar() {
    vars.add(model.boolVar("v" + vars.size()));
    return vars.size() - 1;
  }

  @Override
  public void preferDecisions(int... hinted) {
    for (int v : hinted) {
      preferred.add(vars.get(Math.abs(v)));
    }
  }

  @Override
  public void addClause(int... lits) {
    clauses++;
    if (lits.length == 0) {
      inconsistent = true;
      return;
    }
    List<BoolVar> pos = new ArrayList<>();
    List<BoolVar> neg = new ArrayList<>();
    for (int l : lits) {
      (l > 0 ? pos : neg).add(vars.get(Math.abs(l)));
    }
    model.addClauses(pos.toArray(new BoolVar[0]), neg.toArray(new BoolVar[0]));
  }

  @Override
  public Outcome solve(int[] assumptions, long conflictLimit) {
    calls++;
    if (inconsistent) {
      return Outcome.UNSAT;
    }
    long start = System.nanoTime();
    lastAssumptions = assumptions.clone();
    Solver solver = model.getSolver();
    List<Constraint> temporary = new ArrayList<>();
    for (int l : assumptions) {
      Constraint c = model.arithm(vars.get(Math.abs(l)), "=", l > 0 ? 1 : 0);
      c.post();
      temporary.add(c);
    }
    BoolVar[] all = vars.toArray(new BoolVar[0]);
    if (preferred.isEmpty()) {
      solver.setSearch(Search.lastConflict(Search.domOverWDegSearch(all)));
    } else {
      solver.setSearch(Search.inputOrderUBSearch(preferred.toArray(new BoolVar[0])),
          Search.lastConflict(Search.domOverWDegSearch(all)));
    }
    if (conflictLimit > 0) {
      solver.addStopCriterion(new FailCounter(model, conflictLimit));
    }
    try {
      boolean found = solver.solve();
      boolean limit = !found && solver.isStopCriterionMet();
      nodes += solver.getNodeCount();
      fails += solver.getFailCount();
      if (found) {
        values = new boolean[all.length];
        for (int v = 1; v < all.length; v++) {
          values[v] = all[v].getValue() == 1;
        }
        return Outcome.SAT;
      }
      if (limit) {
        limitHits++;
        return Outcome.LIMIT;
      }
      return Outcome.UNSAT;
    } finally {
      solver.removeAllStopCriteria();
      solver.reset();
      for (Constraint c : temporary) {
        model.unpost(c);
      }
      nanos += System.nanoTime() - start;
    }
  }

  @Override
  public int[] failedAssumptions() {
    return lastAssumptions.clone(); // Choco does not say which: all of them
  }

  @Override
  public boolean value(int lit) {
    boolean v = values[Math.abs(lit)];
    return lit > 0 ? v : !v;
  }

  @Override
  public int variables() {
    return vars.size() - 1;
  }

  @Override
  public long clauses() {
    return clauses;
  }

  @Override
  public SolverCounters counters() {
    return new SolverCounters(calls, nodes, fails, 0, nanos, limitHits);
  }

  @Override
  public String name() {
    return NAME;
  }
}
