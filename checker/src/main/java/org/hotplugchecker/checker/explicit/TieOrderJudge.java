package org.hotplugchecker.checker.explicit;

import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.Domain;
import org.hotplugchecker.model.rules.eval.TieBreaks;
import org.hotplugchecker.model.ts.TransitionSystem;
import org.hotplugchecker.model.ts.TransitionVerdict;

/**
 * Judges an action property on a step's images under every witness node renaming without
 * building them. The verdict on σ(s)'s step is that of s's step with node ties broken
 * towards the lowest σ(n) ({@link TieBreaks}), and renamings that would choose alike in
 * every tie an evaluation met share its verdict: so a step is evaluated once per distinct
 * set of choices, usually once (no tie met, or all witnesses choose alike), instead of
 * once per renaming (120 on six nodes). The rule interpreter evaluates, since only it
 * can break ties by rank and note them; the identity's verdict comes from the caller.
 */
final class TieOrderJudge {
  private final HotplugModel model;
  private final int[][] ranks; // witness element -> node -> its rank, σ(n)
  private final TieBreaks ties;
  // The ties each evaluation of the current step met: the first `evaluatedCount` entries,
  // reused from step to step.
  private final List<TieBreaks> evaluated = new ArrayList<>();
  private int evaluatedCount;

  private TieOrderJudge(HotplugModel model, int[][] ranks) {
    this.model = model;
    this.ranks = ranks;
    this.ties = new TieBreaks(Domain.NODES, ranks[0].length);
  }

  /** A judge for {@code ts} under {@code sym}, or null when this way does not apply. */
  static TieOrderJudge of(TransitionSystem ts, StateSymmetry sym) {
    if (!(ts instanceof HotplugModel model) || sym.witnessNodeRenaming(0) == null) {
      return null;
    }
    int[][] ranks = new int[sym.witnessCount()][];
    for (int e = 0; e < ranks.length; e++) {
      ranks[e] = sym.witnessNodeRenaming(e);
    }
    return new TieOrderJudge(model, ranks);
  }

  /**
   * Whether property {@code p}, which does not find the step of {@code state} under
   * {@code a} violated, finds some witness element's image of it violated.
   */
  boolean violatedByAnImage(int p, long[] state, int a) {
    evaluatedCount = 0;
    for (int[] rank : ranks) {
      if (choosesAsAnEvaluated(rank)) {
        continue;
      }
      ties.order(rank);
      TransitionVerdict v = model.checkTransitionBreakingTies(p, state, a, ties);
      if (v == TransitionVerdict.NOT_APPLICABLE) {
        // Whether a property applies never depends on a renaming (StateSymmetry's contract).
        throw new IllegalStateException("symmetry: property " + p
            + " applies to a step but not to its image");
      }
      if (v == TransitionVerdict.VIOLATED) {
        if (evaluatedCount == 0) { // the identity, which the caller found not violated
          throw new IllegalStateException("the compiled kernel and the rule interpreter"
              + " disagree on property " + p);
        }
        return true;
      }
      if (ties.tiesMet() == 0) {
        return false; // no tie on this path: every remaining order takes it too
      }
      if (evaluatedCount == evaluated.size()) {
        evaluated.add(new TieBreaks(Domain.NODES, ranks[0].length));
      }
      evaluated.get(evaluatedCount++).copyTiesOf(ties);
    }
    return false;
  }

  private boolean choosesAsAnEvaluated(int[] rank) {
    for (int k = 0; k < evaluatedCount; k++) {
      if (evaluated.get(k).choosesAsUnder(rank)) {
        return true;
      }
    }
    return false;
  }
}
