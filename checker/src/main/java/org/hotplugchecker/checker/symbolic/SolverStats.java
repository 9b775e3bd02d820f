package org.hotplugchecker.checker.symbolic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chocosolver.solver.Solver;

/** Choco statistics summed over the solver calls of one engine run. Not thread-safe. */
public final class SolverStats {
  private long solveCalls;
  private long nodes;
  private long fails;
  private long backtracks;
  private long solveNanos;
  private long buildNanos;
  private long maxVariables;
  private long maxConstraints;
  private long limitHits;

  /** Adds the measures of {@code solver} after one {@code solve()}. */
  void add(Solver solver, long buildNanos, boolean limitHit) {
    solveCalls++;
    nodes += solver.getNodeCount();
    fails += solver.getFailCount();
    backtracks += solver.getBackTrackCount();
    solveNanos += solver.getTimeCountInNanoSeconds();
    this.buildNanos += buildNanos;
    maxVariables = Math.max(maxVariables, solver.getModel().getNbVars());
    maxConstraints = Math.max(maxConstraints, solver.getModel().getNbCstrs());
    if (limitHit) {
      limitHits++;
    }
  }

  public long solveCalls() {
    return solveCalls;
  }

  public long nodes() {
    return nodes;
  }

  public long fails() {
    return fails;
  }

  /** The statistics as a {@link org.hotplugchecker.checker.CheckResult}'s {@code stats}. */
  public Map<String, Number> asMap() {
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("solveCalls", solveCalls);
    m.put("nodes", nodes);
    m.put("fails", fails);
    m.put("backtracks", backtracks);
    m.put("solveMillis", solveNanos / 1_000_000);
    m.put("encodeMillis", buildNanos / 1_000_000);
    m.put("maxVariables", maxVariables);
    m.put("maxConstraints", maxConstraints);
    m.put("limitHits", limitHits);
    return m;
  }
}
