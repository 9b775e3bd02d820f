package org.hotplugchecker.checker.explicit;

import java.util.Arrays;

/**
 * Per property, what the search has learnt so far: the witness of its shortest
 * violation (the lowest violating index at the first violating level) and whether any
 * step exercised it. Chunks are taken in index order, so the first witness offered is
 * the one kept. Used by the merging thread only; workers see the settled properties
 * through each {@link Level}.
 */
final class PropertyLedger {
  private final int[] witnessState;
  private final int[] witnessAction;
  private final boolean[] exercised;
  private long transitions;
  private boolean newWitness;

  PropertyLedger(int properties) {
    witnessState = new int[properties];
    witnessAction = new int[properties];
    exercised = new boolean[properties];
    Arrays.fill(witnessState, -1);
    Arrays.fill(witnessAction, -1);
  }

  /** Takes in one chunk's transitions and violations; chunks arrive in index order. */
  void collect(Candidates r) {
    transitions += r.transitions;
    for (int p = 0; p < witnessState.length; p++) {
      exercised[p] |= r.exercised[p];
      if (witnessState[p] >= 0) {
        continue;
      }
      // Chunks come in index order, so the first hit is the lowest index.
      if (r.invariantWitness[p] >= 0) {
        witnessState[p] = r.invariantWitness[p];
        newWitness = true;
      } else if (r.actionWitnessState[p] >= 0) {
        witnessState[p] = r.actionWitnessState[p];
        witnessAction[p] = r.actionWitnessAction[p];
        newWitness = true;
      }
    }
  }

  /**
   * Ends a level's checking: returns whether a property got its first violation in it.
   * (A witness implies the property was exercised, so nothing is left to learn of it.)
   */
  boolean endLevel() {
    boolean found = newWitness;
    newWitness = false;
    return found;
  }

  /** Per property, whether it has a witness and so needs no more checking (a fresh copy). */
  boolean[] settled() {
    boolean[] s = new boolean[witnessState.length];
    for (int p = 0; p < s.length; p++) {
      s[p] = witnessState[p] >= 0;
    }
    return s;
  }

  /** Whether any property has a witness. */
  boolean anyViolated() {
    for (int w : witnessState) {
      if (w >= 0) {
        return true;
      }
    }
    return false;
  }

  /** Transitions counted so far. */
  long transitions() {
    return transitions;
  }

  /** What was found, as it stands. */
  Witnesses witnesses() {
    return new Witnesses(witnessState.clone(), witnessAction.clone(), exercised.clone());
  }
}
