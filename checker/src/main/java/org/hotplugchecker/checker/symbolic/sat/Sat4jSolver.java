package org.hotplugchecker.checker.symbolic.sat;

import java.util.Map;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * {@link SatSolver} on Sat4j's default CDCL solver (MiniSat-style: watched literals,
 * conflict-clause learning, VSIDS, restarts), kept across calls so that clauses learnt in
 * one question serve the next ones.
 */
public final class Sat4jSolver implements SatSolver {
  /** The backend's name on the command line. */
  public static final String NAME = "sat4j";

  private final ISolver solver = SolverFactory.newDefault();
  private boolean inconsistent;
  private long clauses;
  private long calls;
  private long nanos;
  private long limitHits;
  private int[] lastAssumptions;

  /** A solver without variables or clauses. */
  public Sat4jSolver() {
    solver.setTimeoutOnConflicts(Integer.MAX_VALUE); // no wall-clock timer thread
  }

  @Override
  public int newVar() {
    return solver.nextFreeVarId(true);
  }

  @Override
  public void addClause(int... lits) {
    clauses++;
    if (inconsistent) {
      return;
    }
    try {
      solver.addClause(new VecInt(lits.clone()));
    } catch (ContradictionException e) {
      inconsistent = true; // contradicts what is already fixed: unsatisfiable from now on
    }
  }

  @Override
  public Outcome solve(int[] assumptions, long conflictLimit) {
    calls++;
    if (inconsistent) {
      return Outcome.UNSAT;
    }
    long start = System.nanoTime();
    lastAssumptions = assumptions.clone();
    solver.setTimeoutOnConflicts(conflictLimit > 0 && conflictLimit < Integer.MAX_VALUE
        ? (int) conflictLimit : Integer.MAX_VALUE);
    try {
      return solver.isSatisfiable(new VecInt(assumptions.clone())) ? Outcome.SAT
          : Outcome.UNSAT;
    } catch (TimeoutException e) {
      limitHits++;
      return Outcome.LIMIT;
    } finally {
      nanos += System.nanoTime() - start;
    }
  }

  @Override
  public int[] failedAssumptions() {
    if (inconsistent || lastAssumptions == null) {
      return new int[0];
    }
    org.sat4j.specs.IVecInt core = solver.unsatExplanation();
    if (core == null) {
      return lastAssumptions.clone();
    }
    int[] out = new int[core.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = core.get(i);
    }
    return out;
  }

  @Override
  public boolean value(int lit) {
    boolean v = solver.model(Math.abs(lit));
    return lit > 0 ? v : !v;
  }

  @Override
  public int variables() {
    return solver.nVars();
  }

  @Override
  public long clauses() {
    return clauses;
  }

  @Override
  public SolverCounters counters() {
    Map<String, Number> stat = solver.getStat();
    return new SolverCounters(calls, number(stat, "decisions"), number(stat, "conflicts"),
        number(stat, "propagations"), nanos, limitHits);
  }

  private static long number(Map<String, Number> stat, String key) {
    Number n = stat.get(key);
    return n == null ? 0 : n.longValue();
  }

  @Override
  public String name() {
    return NAME;
  }
}
