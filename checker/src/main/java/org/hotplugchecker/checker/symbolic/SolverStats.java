package org.hotplugchecker.checker.symbolic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.checker.symbolic.sat.SatSolver;
import org.hotplugchecker.checker.symbolic.sat.SolverCounters;

/**
 * The statistics of one engine run, summed over the SAT solvers it made: each solver is
 * registered once and read when the statistics are taken. Not thread-safe.
 */
public final class SolverStats {
  private final List<SatSolver> solvers = new ArrayList<>();
  private long encodeNanos;

  /** Counts {@code solver} in these statistics from now on; returns it. */
  SatSolver register(SatSolver solver) {
    solvers.add(solver);
    return solver;
  }

  /** Adds time spent building clauses. */
  void addEncodeNanos(long nanos) {
    encodeNanos += nanos;
  }

  /** What every solver did, summed. */
  public SolverCounters counters() {
    SolverCounters sum = SolverCounters.ZERO;
    for (SatSolver s : solvers) {
      sum = sum.plus(s.counters());
    }
    return sum;
  }

  /** Solve calls so far. */
  public long solveCalls() {
    return counters().calls();
  }

  /**
   * The statistics as a {@link org.hotplugchecker.checker.CheckResult}'s {@code stats}:
   * the keys of the Choco-only engine ({@code nodes} are decisions, {@code fails} and
   * {@code backtracks} conflicts, {@code maxConstraints} clauses) and the SAT solvers'.
   */
  public Map<String, Number> asMap() {
    SolverCounters c = counters();
    long maxVars = 0;
    long maxClauses = 0;
    for (SatSolver s : solvers) {
      maxVars = Math.max(maxVars, s.variables());
      maxClauses = Math.max(maxClauses, s.clauses());
    }
    Map<String, Number> m = new LinkedHashMap<>();
    m.put("solveCalls", c.calls());
    m.put("nodes", c.decisions());
    m.put("fails", c.conflicts());
    m.put("backtracks", c.conflicts());
    m.put("solveMillis", c.nanos() / 1_000_000);
    m.put("encodeMillis", encodeNanos / 1_000_000);
    m.put("maxVariables", maxVars);
    m.put("maxConstraints", maxClauses);
    m.put("limitHits", c.limitHits());
    m.put("decisions", c.decisions());
    m.put("conflicts", c.conflicts());
    m.put("propagations", c.propagations());
    m.put("solvers", solvers.size());
    return m;
  }
}
