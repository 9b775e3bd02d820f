package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hotplugchecker.checker.Counterexample;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * Turns a counterexample over orbit representatives into a concrete one: it replays the
 * path from the concrete initial state, at each step taking the lowest action whose
 * successor lies in the next representative's orbit (such an action exists because G maps
 * transitions to transitions). For an action property it then looks for the witness
 * element whose image of the last state has a violating transition, and maps the whole
 * path through it (every element fixes the initial state, so the image is a path too).
 */
final class SymmetricPaths {
  private final TransitionSystem ts;
  private final StateSymmetry sym;
  private final int words;

  SymmetricPaths(TransitionSystem ts, StateSymmetry sym) {
    this.ts = ts;
    this.sym = sym;
    this.words = ts.stateWords();
  }

  Counterexample concretize(int property, List<long[]> reps, List<Integer> repSteps,
      boolean actionProperty) {
    StateSymmetry.Canonicalizer canon = sym.newCanonicalizer();
    long[] c = new long[words];
    List<long[]> states = new ArrayList<>();
    List<Integer> steps = new ArrayList<>();
    for (long[] init : ts.initialStates()) {
      canon.canonicalize(init, c);
      if (Arrays.equals(c, reps.get(0))) {
        states.add(init.clone());
        break;
      }
    }
    if (states.isEmpty()) {
      throw new IllegalStateException("no initial state in the first orbit of the path");
    }
    for (int i = 0; i < repSteps.size(); i++) {
      long[] x = states.get(i);
      long[] y = new long[words];
      int found = -1;
      for (int b = 0; b < ts.actionCount() && found < 0; b++) {
        if (ts.successor(x, b, y)) {
          canon.canonicalize(y, c);
          if (Arrays.equals(c, reps.get(i + 1))) {
            found = b;
          }
        }
      }
      if (found < 0) {
        throw new IllegalStateException("step " + (i + 1) + " has no concrete counterpart");
      }
      states.add(y);
      steps.add(found);
    }
    if (!actionProperty) {
      return new Counterexample(List.copyOf(states), List.copyOf(steps));
    }
    long[] last = states.get(states.size() - 1);
    long[] z = new long[words];
    long[] y = new long[words];
    for (int e = 0; e < sym.witnessCount(); e++) {
      sym.apply(e, last, z);
      for (int b = 0; b < ts.actionCount(); b++) {
        if (ts.successor(z, b, y)
            && ts.checkTransition(property, z, b, y) == TransitionVerdict.VIOLATED) {
          return mapped(e, states, steps, b, y);
        }
      }
    }
    throw new IllegalStateException("no concrete violating transition in the orbit");
  }

  private Counterexample mapped(int e, List<long[]> states, List<Integer> steps, int last,
      long[] target) {
    List<long[]> out = new ArrayList<>();
    for (long[] s : states) {
      long[] t = new long[words];
      sym.apply(e, s, t);
      out.add(t);
    }
    out.add(target.clone());
    List<Integer> actions = new ArrayList<>();
    for (int a : steps) {
      actions.add(sym.applyToAction(e, a));
    }
    actions.add(last);
    return new Counterexample(List.copyOf(out), List.copyOf(actions));
  }
}
