package org.hotplugchecker.model.rules;

import java.util.List;

/**
 * One kernel knob of {@code MODEL.md} ("Kernel knobs"): a behaviour that kernels differ
 * in, with the values a spec may give it.
 *
 * @param name the spec field, e.g. {@code offline_guard}
 * @param values the allowed values as a spec writes them, in {@code MODEL.md}'s order
 * @param meaning one line for {@code list knobs} and error messages
 */
public record Knob(String name, List<String> values, String meaning) {
  /** A knob; {@code values} is copied. */
  public Knob {
    values = List.copyOf(values);
  }

  /** The index of {@code value} in {@link #values()}, or -1. */
  public int indexOf(String value) {
    return values.indexOf(value);
  }
}
