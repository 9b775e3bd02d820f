package org.hotplugchecker.checker.explicit;

/**
 * A group G of state permutations under which a transition system is symmetric, used to
 * explore one canonical representative per orbit ({@code --symmetry}).
 *
 * <p>Contract (the implementation must guarantee it; the explorer relies on it):
 * <ul>
 *   <li>every g in G maps transitions to transitions: {@code s -a-> t} iff
 *       {@code g(s) -g(a)-> g(t)};
 *   <li>every state invariant has the same value on s and g(s);
 *   <li>every g in G fixes every initial state, so the reachable set is closed under G
 *       and an orbit's members are all reachable at the same BFS depth;
 *   <li>for action properties, the {@link #witnessCount()} elements are enough: for every
 *       g in G there is a witness element e such that the property's verdicts on the
 *       transitions of g(s) are those of e(s), up to renaming actions; and whether a
 *       property applies to a transition at all is the same for every g.
 * </ul>
 * Then the reduced search finds exactly the verdicts and shortest counterexample lengths
 * of the full search.
 */
public interface StateSymmetry {

  /** Canonicalises states for one thread (holds scratch space, not thread-safe). */
  interface Canonicalizer {
    /**
     * Writes the canonical representative of {@code state}'s orbit to {@code out}: a
     * deterministic member of the orbit, the same for every member.
     */
    void canonicalize(long[] state, long[] out);
  }

  /** A new canonicaliser; each thread uses its own. */
  Canonicalizer newCanonicalizer();

  /** Number of witness elements; element 0 is the identity. */
  int witnessCount();

  /** Writes {@code g(state)} for witness element {@code element} into {@code out}. */
  void apply(int element, long[] state, long[] out);

  /** The action {@code g(action)} for witness element {@code element}. */
  int applyToAction(int element, int action);

  /**
   * The node renaming σ of witness element {@code element} ({@code [n]} is the node n goes
   * to), when the witness elements stand for node renamings because an action property
   * breaks node ties by index: then judging a step with ties broken towards the lowest
   * σ(n) gives the verdict of the element's image of the step. Null when the witnesses are
   * not node renamings (the images are then built).
   */
  default int[] witnessNodeRenaming(int element) {
    return null;
  }

  /** The number of elements of G (for reports). */
  long order();

  /** A one-line description of G, e.g. which components are interchangeable. */
  String describe();
}
