package org.hotplugchecker.checker.explicit;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.model.ts.TransitionSystem;

/**
 * What one search explores and checks, worked out once and read by every thread: the
 * transition system, the options, the symmetry group (or none), which properties are
 * invariants and which judge steps, and which of them can judge each action.
 */
final class SearchPlan {
  final TransitionSystem ts;
  final ExplorerOptions options;
  /** The symmetry group whose orbits are explored, or null. */
  final StateSymmetry sym;
  final int words;
  final int actions;
  final List<PropertySpec> props;
  final int[] invariantIds;
  final int[] actionPropIds;
  /** Per action, the action properties that can judge its steps (all, unless the model says). */
  final int[][] judgedBy;
  /** The hotplug model when its one-word successor functions apply (one-word states), or null. */
  final HotplugModel oneWord;

  SearchPlan(TransitionSystem ts, ExplorerOptions options, StateSymmetry sym) {
    this.ts = ts;
    this.options = options;
    this.sym = sym;
    this.words = ts.stateWords();
    this.actions = ts.actionCount();
    if (actions > Short.MAX_VALUE) {
      throw new IllegalArgumentException("at most " + Short.MAX_VALUE + " actions supported");
    }
    this.props = ts.properties();
    this.invariantIds = indicesOf(props, PropertySpec.Kind.INVARIANT);
    this.actionPropIds = indicesOf(props, PropertySpec.Kind.ACTION);
    this.oneWord = ts instanceof HotplugModel m && m.hasOneWordSuccessors() && words == 1
        ? m : null;
    this.judgedBy = new int[actions][];
    for (int a = 0; a < actions; a++) {
      int action = a;
      judgedBy[a] = ts instanceof HotplugModel m
          ? Arrays.stream(actionPropIds).filter(p -> m.judges(p, action)).toArray()
          : actionPropIds;
    }
  }

  private static int[] indicesOf(List<PropertySpec> props, PropertySpec.Kind kind) {
    return IntStream.range(0, props.size()).filter(i -> props.get(i).kind() == kind).toArray();
  }

  /** The same search with other options (the replay's: no progress, no state limit). */
  SearchPlan withOptions(ExplorerOptions other) {
    return new SearchPlan(ts, other, sym);
  }

  /** Number of properties. */
  int propertyCount() {
    return props.size();
  }

  /** Whether property {@code p} is an invariant (else it judges steps). */
  boolean isInvariant(int p) {
    return props.get(p).kind() == PropertySpec.Kind.INVARIANT;
  }
}
