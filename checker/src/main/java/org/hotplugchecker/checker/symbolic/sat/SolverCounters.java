package org.hotplugchecker.checker.symbolic.sat;

/**
 * What a SAT backend has done so far, summed over its solve calls.
 *
 * @param calls solve calls
 * @param decisions branching decisions (Choco: search nodes)
 * @param conflicts conflicts (Choco: fails)
 * @param propagations unit propagations (0 when the backend does not count them)
 * @param nanos time spent in solve calls
 * @param limitHits solve calls stopped by their conflict limit
 */
public record SolverCounters(long calls, long decisions, long conflicts, long propagations,
    long nanos, long limitHits) {
  /** This minus {@code earlier}: what was done in between. */
  public SolverCounters minus(SolverCounters earlier) {
    return new SolverCounters(calls - earlier.calls, decisions - earlier.decisions,
        conflicts - earlier.conflicts, propagations - earlier.propagations,
        nanos - earlier.nanos, limitHits - earlier.limitHits);
  }

  /** This plus {@code other}. */
  public SolverCounters plus(SolverCounters other) {
    return new SolverCounters(calls + other.calls, decisions + other.decisions,
        conflicts + other.conflicts, propagations + other.propagations,
        nanos + other.nanos, limitHits + other.limitHits);
  }

  /** Nothing done. */
  public static final SolverCounters ZERO = new SolverCounters(0, 0, 0, 0, 0, 0);
}
