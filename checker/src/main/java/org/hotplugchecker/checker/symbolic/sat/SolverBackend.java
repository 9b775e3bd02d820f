package org.hotplugchecker.checker.symbolic.sat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The SAT backends the symbolic engines can run on, by the names users type. */
public enum SolverBackend {
  /** Sat4j's CDCL solver: the default, by measurement (docs/symbolic.md). */
  SAT4J,
  /** Choco Solver's clause store under a CP search. */
  CHOCO;

  /** A fresh solver of this backend. */
  public SatSolver create() {
    return this == SAT4J ? new Sat4jSolver() : new ChocoSatSolver();
  }

  /** The name users type, e.g. {@code sat4j}. */
  public String userName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The backend called {@code name} (in any case, as enum options are), if any. */
  public static Optional<SolverBackend> fromUserName(String name) {
    return Arrays.stream(values()).filter(b -> b.userName().equalsIgnoreCase(name)).findFirst();
  }

  /** {@code sat4j, choco}. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(SolverBackend::userName).toList());
  }
}
