package org.hotplugchecker.checker.export;

import java.util.List;
import org.hotplugchecker.model.rules.eval.RuleMachine;

/** Exports a model (a rule machine: rules, topology, properties) in one of the formats. */
public final class ModelExport {
  /**
   * One file of an export.
   *
   * @param name its file name, e.g. {@code s1.pml}
   * @param text its content
   */
  public record File(String name, String text) {}

  private ModelExport() {}

  /**
   * The files of {@code machine}'s export to {@code format}, named after {@code name}
   * (spelled as an identifier: TLA+ wants the module named as its file), main file first.
   *
   * @throws ExportException if the rules have something the format cannot express
   */
  public static List<File> export(RuleMachine machine, ExportFormat format, String name) {
    return export(machine, format, name, PromelaExporter.Assertions.FIRST_FAILURE);
  }

  /**
   * As {@link #export(RuleMachine, ExportFormat, String)}, with the Promela model's
   * assertions failing as {@code assertions} says (the TLA+ export has no such choice and
   * ignores it).
   */
  public static List<File> export(RuleMachine machine, ExportFormat format, String name,
      PromelaExporter.Assertions assertions) {
    String base = Identifiers.plain(name);
    return switch (format) {
      case PROMELA -> List.of(new File(base + ".pml",
          new PromelaExporter(machine, assertions).export()));
      case TLA -> {
        TlaExporter tla = new TlaExporter(machine, base);
        yield List.of(new File(base + ".tla", tla.module()), new File(base + ".cfg",
            tla.config()));
      }
    };
  }
}
