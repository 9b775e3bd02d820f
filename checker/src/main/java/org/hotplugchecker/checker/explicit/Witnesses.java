package org.hotplugchecker.checker.explicit;

/**
 * What a finished search found per property (arrays indexed by property, not to be
 * changed).
 *
 * @param state index of the witness state of its shortest violation, or -1: the
 *     violating state (an invariant) or the state whose step violates it (an action
 *     property)
 * @param action the violating step's action of an action property, else -1
 * @param exercised whether some step exercised it (action properties)
 */
record Witnesses(int[] state, int[] action, boolean[] exercised) {

  /** Whether property {@code p} was found violated. */
  boolean violated(int p) {
    return state[p] >= 0;
  }

  /** The deepest level of a witness state (0 if none). */
  int deepestLevel(LevelStarts levels) {
    int deepest = 0;
    for (int w : state) {
      if (w >= 0) {
        deepest = Math.max(deepest, levels.levelOf(w));
      }
    }
    return deepest;
  }
}
