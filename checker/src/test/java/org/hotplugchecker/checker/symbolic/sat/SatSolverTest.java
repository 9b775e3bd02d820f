package org.hotplugchecker.checker.symbolic.sat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the engines rely on from every backend of the seam. */
class SatSolverTest {

  /** Pigeons {@code p} into holes {@code h}: variable of pigeon i in hole j. */
  private static int[][] pigeonhole(SatSolver s, int p, int h) {
    int[][] x = new int[p][h];
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < h; j++) {
        x[i][j] = s.newVar();
      }
      s.addClause(x[i]);
    }
    for (int j = 0; j < h; j++) {
      for (int a = 0; a < p; a++) {
        for (int b = a + 1; b < p; b++) {
          s.addClause(-x[a][j], -x[b][j]);
        }
      }
    }
    return x;
  }

  @ParameterizedTest
  @EnumSource(SolverBackend.class)
  void answersIncrementallyUnderAssumptions(SolverBackend backend) {
    SatSolver s = backend.create();
    int a = s.newVar();
    int b = s.newVar();
    int c = s.newVar();
    s.addClause(a, b);
    s.addClause(-a, c);
    assertEquals(SatSolver.Outcome.SAT, s.solve(new int[] {-b}, 0));
    assertTrue(s.value(a) && s.value(c) && !s.value(b));
    assertEquals(SatSolver.Outcome.UNSAT, s.solve(new int[] {-b, -c}, 0));
    int[] core = s.failedAssumptions();
    assertTrue(Arrays.stream(core).allMatch(l -> l == -b || l == -c), Arrays.toString(core));
    assertEquals(SatSolver.Outcome.UNSAT, s.solve(core, 0), "the core alone is unsatisfiable");
    s.addClause(-c); // after solving: a later question sees it
    assertEquals(SatSolver.Outcome.SAT, s.solve(new int[0], 0));
    assertTrue(s.value(b) && !s.value(a));
    s.addClause(-b);
    assertEquals(SatSolver.Outcome.UNSAT, s.solve(new int[0], 0));
    assertEquals(backend.userName(), s.name());
    assertEquals(3, s.variables());
    assertEquals(5, s.counters().calls());
  }

  @ParameterizedTest
  @EnumSource(SolverBackend.class)
  void refutesPigeonholesAndStopsAtTheConflictLimit(SolverBackend backend) {
    SatSolver small = backend.create();
    pigeonhole(small, 4, 3);
    assertEquals(SatSolver.Outcome.UNSAT, small.solve(new int[0], 0));
    SatSolver hard = backend.create();
    pigeonhole(hard, 9, 8);
    assertEquals(SatSolver.Outcome.LIMIT, hard.solve(new int[0], 10));
    assertEquals(1, hard.counters().limitHits());
    SatSolver fits = backend.create();
    int[][] x = pigeonhole(fits, 3, 3);
    assertEquals(SatSolver.Outcome.SAT, fits.solve(new int[] {x[0][0]}, 0));
    assertTrue(fits.value(x[0][0]) && !fits.value(x[1][0]) && !fits.value(x[2][0]));
  }

  @ParameterizedTest
  @EnumSource(SolverBackend.class)
  void anEmptyClauseMakesEverythingUnsatisfiable(SolverBackend backend) {
    SatSolver s = backend.create();
    int a = s.newVar();
    s.addClause(a);
    s.addClause();
    assertEquals(SatSolver.Outcome.UNSAT, s.solve(new int[] {a}, 0));
  }
}
