package org.hotplugchecker.checker.explicit;

/** The state store cannot grow further (index or array size limit). */
public final class StoreFullException extends RuntimeException {
  /** Creates the exception. */
  public StoreFullException(String message) {
    super(message);
  }
}
