package org.hotplugchecker.checker.explicit;

import java.util.Arrays;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * The witness elements' images of one state, computed on first use: with symmetry, an
 * action property is judged on a representative's steps and on their images.
 */
final class OrbitImages {
  private final StateSymmetry sym;
  private final long[][] image;
  private final boolean[] ready;
  private final long[] next;
  private long[] state;

  OrbitImages(StateSymmetry sym, int words) {
    this.sym = sym;
    this.image = new long[sym.witnessCount()][words];
    this.ready = new boolean[sym.witnessCount()];
    this.next = new long[words];
  }

  void reset(long[] s) {
    state = s;
    Arrays.fill(ready, false);
  }

  int count() {
    return image.length;
  }

  /** Whether property {@code p} is violated on {@code e(state) -e(a)->}. */
  boolean violated(TransitionSystem ts, int p, int e, int a) {
    if (!ready[e]) {
      sym.apply(e, state, image[e]);
      ready[e] = true;
    }
    int b = sym.applyToAction(e, a);
    return ts.successor(image[e], b, next)
        && ts.checkTransition(p, image[e], b, next) == TransitionVerdict.VIOLATED;
  }

  /**
   * Whether property {@code p} is violated on the image of the state's step under
   * {@code a} by some witness element other than the identity (element 0).
   */
  boolean violatedByAnImage(TransitionSystem ts, int p, int a) {
    for (int e = 1; e < image.length; e++) {
      if (violated(ts, p, e, a)) {
        return true;
      }
    }
    return false;
  }
}
