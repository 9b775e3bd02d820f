package org.hotplugchecker.checker.export;

/**
 * The rule table has a construct that an export's language cannot express, or names
 * something that language cannot spell: the export stops rather than leave it out.
 */
public final class ExportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An export failure explained by {@code message} (one line). */
  public ExportException(String message) {
    super(message);
  }
}
