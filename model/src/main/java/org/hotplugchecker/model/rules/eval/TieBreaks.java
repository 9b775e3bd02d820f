package org.hotplugchecker.model.rules.eval;

import java.util.Arrays;
import org.hotplugchecker.model.rules.Domain;

/**
 * How one evaluation breaks the ties of the argmins over one domain, and which ties it
 * met. The rule language breaks an argmin's ties towards the lower index; with a {@code
 * TieBreaks} the element of lowest <em>rank</em> wins instead. Judging a step of a state s
 * with the ranks of a renaming σ ({@code rank[n] = σ(n)}) gives the verdict of the renamed
 * step σ(s) with the usual tie-break, when everything but those ties commutes with σ (what
 * the symmetry analysis establishes); and an evaluation that met the same ties, and chose
 * the same element in each, takes the same path to the same verdict. So a symmetric search
 * can judge a step for every renaming by evaluating it once per distinct set of choices
 * ({@link #choosesAsUnder}), without building the renamed states.
 *
 * <p>Reusable across evaluations ({@link #order}), never shared between threads.
 */
public final class TieBreaks {
  private final Domain domain;
  private final int size;
  private int[] rank;
  private long[] tieSets = new long[8];
  private int[] chosen = new int[8];
  private int ties;
  private boolean untracked;
  private Frame frame;

  /** Tie-breaks for argmins over {@code domain}, which has {@code size} elements. */
  public TieBreaks(Domain domain, int size) {
    this.domain = domain;
    this.size = size;
    this.rank = identity(size);
  }

  private static int[] identity(int size) {
    int[] r = new int[size];
    Arrays.setAll(r, i -> i);
    return r;
  }

  /** Breaks ties by {@code rank} (element to rank, lower wins) and forgets the ties met. */
  public void order(int[] rank) {
    if (rank.length != size) {
      throw new IllegalArgumentException("a rank per element of " + domain + " needed");
    }
    this.rank = rank;
    ties = 0;
    untracked = false;
  }

  /**
   * A frame for evaluating on {@code state} with these tie-breaks: the last one when it is
   * for the same state array (a search judges many steps of one state buffer), so that
   * judging allocates nothing. Every variable slot is written before it is read.
   */
  Frame frame(long[] state, int vars) {
    if (frame == null || frame.state != state || frame.vars.length < vars) {
      frame = new Frame(state, vars, null, this);
    }
    return frame;
  }

  /** Whether an argmin over {@code d} breaks its ties here. */
  boolean orders(Domain d) {
    return d == domain;
  }

  int rank(int element) {
    return rank[element];
  }

  /**
   * Notes an argmin whose least key was shared by the elements of {@code tieSet} (a bit
   * set; {@code tracked} is false when the domain has more than 64 elements and it could
   * not be kept), of which {@code winner} won.
   */
  void met(long tieSet, int winner, boolean tracked) {
    if (!tracked) {
      untracked = true;
      return;
    }
    if (ties == tieSets.length) {
      tieSets = Arrays.copyOf(tieSets, ties * 2);
      chosen = Arrays.copyOf(chosen, ties * 2);
    }
    tieSets[ties] = tieSet;
    chosen[ties++] = winner;
  }

  /** How many ties the last evaluation met (argmins with two or more least elements). */
  public int tiesMet() {
    return ties;
  }

  /**
   * Whether the ranks {@code other} would have chosen, in every tie the last evaluation
   * met, the element it chose: then an evaluation under {@code other} takes the same path
   * and gives the same result. False when a tie could not be recorded (a domain of more
   * than 64 elements).
   */
  public boolean choosesAsUnder(int[] other) {
    if (untracked) {
      return false;
    }
    for (int t = 0; t < ties; t++) {
      int best = -1;
      for (long m = tieSets[t]; m != 0; m &= m - 1) {
        int e = Long.numberOfTrailingZeros(m);
        if (best < 0 || other[e] < other[best]) {
          best = e;
        }
      }
      if (best != chosen[t]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes this a copy of the ties {@code other} met, to compare later orders with after
   * {@code other} is reused (this one's arrays are reused too: no garbage per evaluation).
   */
  public void copyTiesOf(TieBreaks other) {
    if (tieSets.length < other.ties) {
      tieSets = new long[other.tieSets.length];
      chosen = new int[other.chosen.length];
    }
    System.arraycopy(other.tieSets, 0, tieSets, 0, other.ties);
    System.arraycopy(other.chosen, 0, chosen, 0, other.ties);
    ties = other.ties;
    untracked = other.untracked;
    rank = other.rank;
  }
}
