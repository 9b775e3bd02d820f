package org.hotplugchecker.checker.explicit;

import java.util.Locale;

/**
 * The state store or a frontier cannot grow further: the explicit engine numbers states
 * with {@code int}s and keeps its tables in Java arrays (at most {@code 2^31 - 16}
 * elements), so a search stops, incomplete and saying so, rather than wrapping a count.
 */
public final class StoreFullException extends RuntimeException {
  /** The largest array the stores and frontiers allocate, in elements. */
  static final int MAX_ARRAY = Integer.MAX_VALUE - 16;

  /** Creates the exception. */
  public StoreFullException(String message) {
    super(message);
  }

  /**
   * {@code what} is full at {@code states} states: its limit of {@code limit} (states, set
   * by 32-bit indices and array sizes) is named, so that no count looks silently capped.
   */
  static StoreFullException atLimit(String what, long states, long limit) {
    return new StoreFullException(String.format(Locale.ROOT,
        "%s is full at %,d states: the explicit engine holds at most %,d states there "
            + "(32-bit state numbers, Java arrays of at most 2^31 - 16 elements); "
            + "try --symmetry or a smaller topology", what, states, limit));
  }
}
