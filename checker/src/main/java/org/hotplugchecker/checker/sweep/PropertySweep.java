package org.hotplugchecker.checker.sweep;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hotplugchecker.checker.Verdict;
import org.hotplugchecker.checker.trace.Trace;

/**
 * One property's verdict over every checked class for one arch and kernel: how many
 * classes it holds on, is vacuous on, is violated on, and the smallest violation.
 * Adding outcomes in any order gives the same result (the smallest violation is a
 * minimum under a total order), so parallel sweeps report deterministically.
 */
public final class PropertySweep {
  /**
   * A violating class with its shortest counterexample length.
   *
   * @param topology the class
   * @param length shortest counterexample steps
   */
  public record Violation(CanonicalTopology topology, int length) {}

  /** Fewest nodes, then CPUs, then blocks, then shortest counterexample, then key. */
  public static final Comparator<Violation> SMALLEST = Comparator
      .comparingInt((Violation v) -> v.topology().nodes())
      .thenComparingInt(v -> v.topology().cpus())
      .thenComparingInt(v -> v.topology().blocks())
      .thenComparingInt(Violation::length)
      .thenComparing(v -> v.topology().key());

  private final String property;
  private long holds;
  private long vacuous;
  private long violated;
  private long unknown;
  private long holdsOrVacuous;
  private long coveredVacuous;
  private long coveredUnknown;
  private long notChecked;
  private Violation smallest;
  private Trace smallestTrace;
  private org.hotplugchecker.model.topology.Topology smallestTopology;

  public PropertySweep(String property) {
    this.property = property;
  }

  /** Counts one class's verdict. */
  public synchronized void add(CanonicalTopology t, Verdict verdict, int length) {
    switch (verdict) {
      case HOLDS -> holds++;
      case VACUOUS -> vacuous++;
      case UNKNOWN -> unknown++;
      case VIOLATED -> {
        violated++;
        Violation v = new Violation(t, length);
        if (smallest == null || SMALLEST.compare(v, smallest) < 0) {
          smallest = v;
        }
      }
    }
  }

  /**
   * Counts {@code classes} classes covered by one exploration of their machine shape
   * ({@link ShapeGroup}) that gave {@code verdict}: holding there means holding or being
   * vacuous on each of them; vacuous there means vacuous on each.
   *
   * @throws IllegalArgumentException for {@code VIOLATED}: a violating shape's classes are
   *     checked one by one or counted by {@link #addNotChecked}
   */
  public synchronized void addCovered(Verdict verdict, long classes) {
    switch (verdict) {
      case HOLDS -> holdsOrVacuous += classes;
      case VACUOUS -> coveredVacuous += classes;
      case UNKNOWN -> coveredUnknown += classes;
      case VIOLATED -> throw new IllegalArgumentException(
          "a violating shape's classes are not covered by it");
    }
  }

  /**
   * Counts classes of a violating shape that were not checked one by one because a
   * smaller violation had already been found.
   */
  public synchronized void addNotChecked(long classes) {
    notChecked += classes;
  }

  public String property() {
    return property;
  }

  public synchronized long holds() {
    return holds;
  }

  public synchronized long vacuous() {
    return vacuous + coveredVacuous;
  }

  public synchronized long violated() {
    return violated;
  }

  public synchronized long unknown() {
    return unknown + coveredUnknown;
  }

  /** Classes covered by a holding shape: each holds or is vacuous. */
  public synchronized long holdsOrVacuous() {
    return holdsOrVacuous;
  }

  /** Classes of violating shapes left unchecked once a smaller violation was found. */
  public synchronized long notChecked() {
    return notChecked;
  }

  /** Classes explored on their own (not only as part of their machine shape). */
  public synchronized long oneByOne() {
    return holds + vacuous + violated + unknown;
  }

  /** Every class counted, whatever its verdict. */
  public synchronized long classes() {
    return oneByOne() + holdsOrVacuous + coveredVacuous + coveredUnknown + notChecked;
  }

  /**
   * The shortest counterexample on the smallest violating class, one line per step (empty
   * if none was attached).
   */
  public synchronized List<String> smallestTrace() {
    return smallestTrace == null ? List.of() : SmallestTraces.steps(smallestTrace);
  }

  /**
   * The labelled topology the attached counterexample runs on: the representative of the
   * smallest violating class or, with the symmetry reduction off, its violating member.
   */
  public synchronized Optional<org.hotplugchecker.model.topology.Topology> smallestTopology() {
    return Optional.ofNullable(smallestTopology);
  }

  /** The shortest counterexample on the smallest violating class, once attached. */
  public synchronized Optional<Trace> smallestCounterexample() {
    return Optional.ofNullable(smallestTrace);
  }

  synchronized void setSmallestTrace(Trace trace, org.hotplugchecker.model.topology.Topology on) {
    smallestTrace = trace;
    smallestTopology = on;
  }

  /** The smallest violating class, if any class violates the property. */
  public synchronized Optional<Violation> smallest() {
    return Optional.ofNullable(smallest);
  }

  /**
   * The verdict over the whole class space: violated if any class violates it, unknown
   * if any could not be decided, vacuous if it was never exercised, else holds.
   */
  public synchronized Verdict overall() {
    if (violated > 0) {
      return Verdict.VIOLATED;
    }
    if (unknown() > 0) {
      return Verdict.UNKNOWN;
    }
    return holds == 0 && holdsOrVacuous == 0 && vacuous() > 0 ? Verdict.VACUOUS
        : Verdict.HOLDS;
  }
}
