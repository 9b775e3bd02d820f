package org.hotplugchecker.checker.explicit;

import java.util.Arrays;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * The expansion of any states through {@link TransitionSystem}: states of any width,
 * with or without symmetry (successors are canonicalised, and action properties are
 * judged on the images of each step as well). For one-word states of the hotplug model
 * (here: with symmetry, or too many actions or properties for {@link OneWordExpansion})
 * the successors come from {@link HotplugModel#enabled1} and {@link HotplugModel#fire1},
 * which copy no arrays.
 */
final class GeneralExpansion extends ChunkExpansion {
  private final TransitionSystem ts;
  private final HotplugModel oneWord;
  private final StateSymmetry sym;
  private final StateStore store;
  private final Frontier frontier;
  private final int words;
  private final int actions;
  private final int[] invariantIds;
  private final int[][] judgedBy;
  private final boolean judgesImages;

  GeneralExpansion(SearchPlan plan, Storage storage, Frontier frontier) {
    super(plan, storage);
    this.ts = plan.ts;
    this.oneWord = plan.oneWord;
    this.sym = plan.sym;
    this.store = storage.store();
    this.frontier = frontier;
    this.words = plan.words;
    this.actions = plan.actions;
    this.invariantIds = plan.invariantIds;
    this.judgedBy = plan.judgedBy;
    this.judgesImages = sym != null && plan.actionPropIds.length > 0 && sym.witnessCount() > 1;
  }

  @Override
  Candidates expand(Level level, int from, int to, boolean direct, LevelWork work,
      int chunk) {
    Candidates r = candidates();
    long[] state = new long[words];
    long[] next = new long[words];
    long[] canonical = sym == null ? next : new long[words];
    StateSymmetry.Canonicalizer canon = sym == null ? null : sym.newCanonicalizer();
    OrbitImages images = judgesImages ? new OrbitImages(ts, sym, words) : null;
    boolean[] done = level.settled();
    long[] buffered = level.states();
    long[] batch = new long[actions * words];
    long[] batchHash = new long[actions];
    int[] batchAction = new int[actions];
    int[] enabled = new int[actions];
    int batchSize = 0;
    for (int i = from; i < to; i++) {
      if ((i & 63) == 0 && work != null && work.abandoned(chunk)) {
        break; // a worker's chunk that the merging thread has done meanwhile
      }
      if (buffered == null) {
        store.get(i, state);
      } else {
        System.arraycopy(buffered, (i - level.start()) * words, state, 0, words);
      }
      for (int p : invariantIds) {
        if (!done[p] && r.invariantWitness[p] < 0 && !ts.invariantHolds(p, state)) {
          r.invariantWitness[p] = i;
        }
      }
      if (images != null) {
        images.reset(state);
      }
      if (oneWord != null) {
        batchSize = oneWordSuccessors(r, i, state, next, canonical, canon, images, done,
            batch, batchHash, batchAction, enabled);
      }
      for (int a = oneWord != null ? actions : 0; a < actions; a++) {
        if (!ts.successor(state, a, next)) {
          continue;
        }
        r.transitions++;
        for (int p : judgedBy[a]) {
          if (!done[p]) {
            checkAction(r, p, i, state, a, next, images);
          }
        }
        if (canon != null) {
          if (Arrays.equals(next, state)) {
            continue; // a self-loop: nothing to canonicalise
          }
          canon.canonicalize(next, canonical);
        }
        if (Arrays.equals(canonical, state)) {
          continue; // a self-loop (or, reduced, a step within the orbit)
        }
        System.arraycopy(canonical, 0, batch, batchSize * words, words);
        batchHash[batchSize] = store.hash(canonical, 0);
        batchAction[batchSize++] = a;
      }
      // Look the state's successors up together: touching their slots first lets the
      // processor fetch the cache lines in parallel instead of one miss at a time.
      r.sink += store.touch(batchHash, batchSize);
      if (direct) {
        frontier.insert(batch, batchHash, batchAction, batchSize, i);
        batchSize = 0;
        continue;
      }
      for (int k = 0; k < batchSize; k++) {
        if (!store.contains(batch, k * words, batchHash[k])) {
          r.add(batch, k * words, batchHash[k], i, batchAction[k]);
        }
      }
      batchSize = 0;
    }
    return r;
  }

  /**
   * The loop above for one-word states, through {@link HotplugModel#enabled1} and {@link
   * HotplugModel#fire1}: no arrays are copied, and the enabled actions are found without a
   * branch per action. Fills the batch with the state's successors that are not
   * self-loops and returns their number.
   */
  private int oneWordSuccessors(Candidates r, int i, long[] state, long[] next,
      long[] canonical, StateSymmetry.Canonicalizer canon, OrbitImages images,
      boolean[] done, long[] batch, long[] batchHash, int[] batchAction, int[] enabledBuf) {
    long s = state[0];
    int n = 0;
    int steps = oneWord.enabled1(s, enabledBuf);
    for (int e = 0; e < steps; e++) {
      int a = enabledBuf[e];
      long t = oneWord.fire1(s, a);
      int[] judging = judgedBy[a];
      if (judging.length > 0) {
        next[0] = t;
        for (int p : judging) {
          if (!done[p]) {
            checkAction(r, p, i, state, a, next, images);
          }
        }
      }
      if (t == s) {
        continue; // a self-loop: counted, but nothing to look up
      }
      if (canon != null) {
        next[0] = t;
        canon.canonicalize(next, canonical);
        t = canonical[0];
        if (t == s) {
          continue; // a step within the orbit
        }
      }
      batch[n] = t;
      batchHash[n] = store.hash(batch, n);
      batchAction[n++] = a;
    }
    r.transitions += steps;
    return n;
  }

  /** Evaluates action property {@code p} on one transition and, reduced, on its images. */
  private void checkAction(Candidates r, int p, int i, long[] state, int a, long[] next,
      OrbitImages images) {
    TransitionVerdict v = ts.checkTransition(p, state, a, next);
    if (v == TransitionVerdict.NOT_APPLICABLE) {
      return;
    }
    r.exercised[p] = true;
    if (r.actionWitnessState[p] >= 0) {
      return;
    }
    if (v == TransitionVerdict.VIOLATED
        || images != null && images.violatedByAnImage(p, a, next)) {
      r.actionWitnessState[p] = i;
      r.actionWitnessAction[p] = a;
    }
  }
}
