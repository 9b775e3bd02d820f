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
  private final int[] same; // e -> the first element with the same image (once ready)
  private final long[] judged; // (same, image action) pairs judged in one call
  private final long[] imageNext;
  private long[] state;

  OrbitImages(StateSymmetry sym, int words) {
    this.sym = sym;
    this.image = new long[sym.witnessCount()][words];
    this.ready = new boolean[sym.witnessCount()];
    this.same = new int[sym.witnessCount()];
    this.judged = new long[sym.witnessCount()];
    this.imageNext = new long[words];
  }

  void reset(long[] s) {
    state = s;
    Arrays.fill(ready, false);
  }

  int count() {
    return image.length;
  }

  /** Computes element e's image of the state, and the first element with the same image. */
  private void prepare(int e) {
    if (ready[e]) {
      return;
    }
    sym.apply(e, state, image[e]);
    ready[e] = true;
    same[e] = e;
    for (int f = 0; f < e; f++) {
      if (ready[f] && same[f] == f && Arrays.equals(image[f], image[e])) {
        same[e] = f;
        break;
      }
    }
  }

  /**
   * Whether property {@code p} is violated on {@code e(state) -e(a)-> e(next)}, where
   * {@code next} is the state's successor under {@code a}: a renaming commutes with the
   * transitions, so {@code e(next)} is the image's successor under {@code e(a)}.
   */
  private boolean violated(TransitionSystem ts, int p, int e, int b, long[] next,
      boolean selfLoop) {
    long[] to = image[e];
    if (!selfLoop) { // a self-loop's image is one too: no need to rename the successor
      sym.apply(e, next, imageNext);
      to = imageNext;
    }
    return ts.checkTransition(p, image[e], b, to) == TransitionVerdict.VIOLATED;
  }

  /**
   * Whether property {@code p} is violated on the image of the state's step to
   * {@code next} under {@code a} by some witness element other than the identity (element
   * 0). A verdict is a function of the image state and the image action, so a pair already
   * judged (two elements giving the same image and action) is not judged again.
   */
  boolean violatedByAnImage(TransitionSystem ts, int p, int a, long[] next) {
    boolean selfLoop = Arrays.equals(next, state);
    prepare(0);
    judged[0] = pair(0, sym.applyToAction(0, a));
    int n = 1;
    for (int e = 1; e < image.length; e++) {
      prepare(e);
      int b = sym.applyToAction(e, a);
      long key = pair(same[e], b);
      boolean seen = false;
      for (int k = 0; k < n && !seen; k++) {
        seen = judged[k] == key;
      }
      if (seen) {
        continue;
      }
      judged[n++] = key;
      if (violated(ts, p, e, b, next, selfLoop)) {
        return true;
      }
    }
    return false;
  }

  private static long pair(int element, int action) {
    return (long) element << 32 | (action & 0xFFFFFFFFL);
  }
}
