package org.hotplugchecker.model.rules.symbolic;

import java.util.BitSet;
import org.hotplugchecker.model.rules.eval.ActionInstance;

/**
 * One action instance as terms over the pre-state: when it is enabled, and the value of
 * every element after it. The next values are the action's effect wherever the guard
 * holds (elsewhere they mean nothing). Its read set is every element the guard or a
 * changed element's next value depends on; its write set every element whose next value
 * is not the element itself.
 */
public final class SymbolicAction {
  private final int id;
  private final ActionInstance instance;
  private final Term guard;
  private final Term[] next;
  private final int[] written;
  private final BitSet reads;
  private final BitSet writes;

  SymbolicAction(int id, ActionInstance instance, Term guard, Term[] next, Term[] current) {
    this.id = id;
    this.instance = instance;
    this.guard = guard;
    this.next = next.clone();
    this.writes = new BitSet();
    for (int e = 0; e < next.length; e++) {
      if (next[e] != current[e]) {
        writes.set(e);
      }
    }
    this.written = writes.stream().toArray();
    this.reads = new BitSet();
    BitSet seen = new BitSet();
    Terms.addSupport(guard, reads, seen);
    for (int e : written) {
      Terms.addSupport(next[e], reads, seen);
    }
  }

  /** The engine id (the rule machine's action number). */
  public int id() {
    return id;
  }

  /** The action and its CPU or block. */
  public ActionInstance instance() {
    return instance;
  }

  /** When it is enabled (the rule set's global conjunct included). */
  public Term guard() {
    return guard;
  }

  /** The value of element {@code e} after the action (the element itself if unchanged). */
  public Term next(int e) {
    return next[e];
  }

  /** The elements it may change, in increasing order. */
  public int[] written() {
    return written.clone();
  }

  /** The elements it reads (a copy). */
  public BitSet reads() {
    return (BitSet) reads.clone();
  }

  /** The elements it may change (a copy). */
  public BitSet writes() {
    return (BitSet) writes.clone();
  }

  @Override
  public String toString() {
    return instance.label();
  }
}
