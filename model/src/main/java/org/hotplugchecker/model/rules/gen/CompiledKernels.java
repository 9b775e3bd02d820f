package org.hotplugchecker.model.rules.gen;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import org.hotplugchecker.model.rules.eval.PackedLayout;
import org.hotplugchecker.model.rules.eval.TopologyFacts;

/**
 * Finds the kernel the build generated from {@code HotplugRules.RULES}. It is compiled after
 * the rest of this module (it is generated from it), so it is found by name.
 */
public final class CompiledKernels {
  private CompiledKernels() {}

  private static final Constructor<?> HOTPLUG = constructor();

  private static Constructor<?> constructor() {
    try {
      return Class.forName(KernelGenerator.PACKAGE + "." + KernelGenerator.HOTPLUG_CLASS)
          .getConstructor(TopologyFacts.class, PackedLayout.class, int[].class, int[].class);
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return null;
    }
  }

  /**
   * The compiled hotplug kernel for one topology, with action id {@code a} being kind
   * {@code kinds[a]} on CPU/block {@code indices[a]}.
   *
   * @throws IllegalStateException if the build did not generate it
   */
  public static CompiledKernel hotplug(TopologyFacts facts, PackedLayout layout, int[] kinds,
      int[] indices) {
    if (HOTPLUG == null) {
      throw new IllegalStateException("the compiled kernel " + KernelGenerator.HOTPLUG_CLASS
          + " is missing: build the model module with Maven (its process-classes phase"
          + " generates it from the rules)");
    }
    try {
      return (CompiledKernel) HOTPLUG.newInstance(facts, layout, kinds, indices);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    }
  }
}
