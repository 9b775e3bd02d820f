package org.hotplugchecker.checker.explicit.symmetry;

import org.hotplugchecker.checker.explicit.StateSymmetry;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.ts.TransitionSystem;

/** Finds the symmetry group of a transition system, for {@code --symmetry}. */
public final class Symmetries {
  private Symmetries() {}

  /**
   * The symmetry group of {@code ts}.
   *
   * @throws IllegalArgumentException if no symmetry reduction is known for this system
   */
  public static StateSymmetry of(TransitionSystem ts) {
    if (ts instanceof HotplugModel model) {
      return new HotplugSymmetry(model);
    }
    throw new IllegalArgumentException("symmetry reduction is only available for the hotplug"
        + " model, not for " + ts.getClass().getSimpleName());
  }
}
