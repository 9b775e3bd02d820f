package org.hotplugchecker.checker.export;

/** The languages a model can be exported to. */
public enum ExportFormat {
  /** Promela, for SPIN: one file, {@code NAME.pml}. */
  PROMELA("promela"),
  /** TLA+, for TLC: a module {@code NAME.tla} and its configuration {@code NAME.cfg}. */
  TLA("tla");

  private final String cliName;

  ExportFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name {@code export --to} takes. */
  public String cliName() {
    return cliName;
  }
}
