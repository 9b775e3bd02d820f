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
  private final int[] imageHash; // e -> hash of its image (once ready)
  private final long[] judged; // open-addressing set of (same, image action) pairs
  private final int[] judgedStamp; // slot -> the call that filled it
  private int call;
  private final long[] imageNext;
  private long[] state;
  private final TransitionSystem ts;
  private final TieOrderJudge tieOrders; // judges without images, or null when it cannot

  /** Images under {@code sym} of states of {@code ts}, which judges their steps. */
  OrbitImages(TransitionSystem ts, StateSymmetry sym, int words) {
    this.ts = ts;
    this.sym = sym;
    this.tieOrders = TieOrderJudge.of(ts, sym);
    this.image = new long[sym.witnessCount()][words];
    this.ready = new boolean[sym.witnessCount()];
    this.same = new int[sym.witnessCount()];
    this.imageHash = new int[sym.witnessCount()];
    int slots = Integer.highestOneBit(Math.max(2, sym.witnessCount()) * 2 - 1) * 2;
    this.judged = new long[slots];
    this.judgedStamp = new int[slots];
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
    int h = Arrays.hashCode(image[e]);
    imageHash[e] = h;
    for (int f = 0; f < e; f++) {
      if (ready[f] && same[f] == f && imageHash[f] == h && Arrays.equals(image[f], image[e])) {
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
  private boolean violated(int p, int e, int b, long[] next, boolean selfLoop) {
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
   * judged (two elements giving the same image and action) is not judged again. When the
   * witnesses are node renamings of a hotplug model, no image is built ({@link
   * TieOrderJudge}).
   */
  boolean violatedByAnImage(int p, int a, long[] next) {
    if (tieOrders != null) {
      return tieOrders.violatedByAnImage(p, state, a);
    }
    return violatedByABuiltImage(p, a, next);
  }

  /** {@link #violatedByAnImage}, building each witness element's image of the step. */
  boolean violatedByABuiltImage(int p, int a, long[] next) {
    boolean selfLoop = Arrays.equals(next, state);
    if (++call == 0) { // stamps wrapped: forget every old one
      Arrays.fill(judgedStamp, 0);
      call = 1;
    }
    prepare(0);
    firstJudging(pair(0, sym.applyToAction(0, a)));
    for (int e = 1; e < image.length; e++) {
      prepare(e);
      int b = sym.applyToAction(e, a);
      if (!firstJudging(pair(same[e], b))) {
        continue;
      }
      if (violated(p, e, b, next, selfLoop)) {
        return true;
      }
    }
    return false;
  }

  /** Adds {@code key} to this call's judged pairs; false if it was there already. */
  private boolean firstJudging(long key) {
    int mask = judged.length - 1;
    int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
    while (judgedStamp[i] == call) {
      if (judged[i] == key) {
        return false;
      }
      i = (i + 1) & mask;
    }
    judgedStamp[i] = call;
    judged[i] = key;
    return true;
  }

  private static long pair(int element, int action) {
    return (long) element << 32 | (action & 0xFFFFFFFFL);
  }
}
