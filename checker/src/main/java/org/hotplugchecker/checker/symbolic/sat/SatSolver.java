package org.hotplugchecker.checker.symbolic.sat;

/**
 * The narrow interface the symbolic engines need from a SAT solver (in the style of
 * Kodkod's {@code SATSolver}): variables, clauses and incremental solving under
 * assumptions. Literals are DIMACS integers: variable {@code v > 0} or its negation
 * {@code -v}. Clauses are never removed; a clause that should hold only for some
 * questions carries the negation of an activation literal, which those questions assume.
 * An instance belongs to one thread.
 */
public interface SatSolver {
  /** The answer of one {@link #solve} call. */
  enum Outcome {
    /** Satisfiable: {@link #value} reads the model. */
    SAT,
    /** Unsatisfiable under the assumptions. */
    UNSAT,
    /** The conflict limit stopped the search before an answer. */
    LIMIT
  }

  /** A fresh variable. */
  int newVar();

  /**
   * Hints that the search should branch on {@code vars} before anything else, in the
   * order they were hinted, trying true first (the unrolling hints each step's action
   * selectors: with them fixed, propagation computes everything else). A CDCL backend
   * may ignore it.
   */
  default void preferDecisions(int... vars) {}

  /** Adds the clause {@code lits} (an empty clause makes the problem unsatisfiable). */
  void addClause(int... lits);

  /**
   * Solves under {@code assumptions}.
   *
   * @param conflictLimit stop after about this many conflicts, 0 for no limit
   */
  Outcome solve(int[] assumptions, long conflictLimit);

  /**
   * After an {@link Outcome#UNSAT} answer: assumptions of that call that alone make it
   * unsatisfiable (all of them when the backend cannot tell).
   */
  int[] failedAssumptions();

  /** The value of {@code lit} in the model of the last {@link Outcome#SAT} answer. */
  boolean value(int lit);

  /** Number of variables made. */
  int variables();

  /** Number of clauses added. */
  long clauses();

  /** Counters summed over every {@link #solve} call so far. */
  SolverCounters counters();

  /** The backend's name, e.g. {@code sat4j}. */
  String name();
}
