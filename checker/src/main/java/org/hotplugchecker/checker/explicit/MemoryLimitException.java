package org.hotplugchecker.checker.explicit;

/**
 * Exploration would need more heap than is left: raised before a large allocation is
 * attempted, so a run stops cleanly with what it found instead of dying of
 * {@link OutOfMemoryError}.
 */
public final class MemoryLimitException extends RuntimeException {
  /** Creates the exception. */
  public MemoryLimitException(String message) {
    super(message, null, false, false);
  }
}
