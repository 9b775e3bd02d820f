package org.hotplugchecker.model.rules;

import java.util.List;

/** Lookups in the rule table's lists. */
public final class RuleLists {
  private RuleLists() {}

  /**
   * The index of {@code element} in {@code list}, or -1: the same instance first, else an
   * equal element. The rule table's slots, actions and properties are records, and {@link
   * List#indexOf} alone would compare a match component by component, down whole expression
   * trees, bootstrapping each record class's {@code equals} on the way: tens of
   * milliseconds of a model's construction, most of it spinning method-handle classes.
   */
  public static <T> int indexOf(List<T> list, T element) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == element) {
        return i;
      }
    }
    return list.indexOf(element);
  }
}
