package org.hotplugchecker.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.KernelKnobs;
import org.hotplugchecker.model.rules.Knob;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.model.ts.PropertySpec;
import org.hotplugchecker.reports.SpecFiles;
import org.hotplugchecker.reports.cli.JsonRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code list kernels|knobs|properties [SPEC...]}: what a spec may name. Kernels and knobs
 * come from {@link KernelKnobs} (the table the model runs on), properties from the model
 * a spec builds: without SPEC the built-in ones, with SPEC every property that spec checks,
 * so properties a spec defines itself are listed with the built-in ones.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"List the kernel presets, the kernel knobs, or the properties (built-in, "
        + "or those a spec checks) that a spec may name."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:listed", "2:bad command line or spec"})
final class ListCommand implements Callable<Integer> {
  /** What to list. */
  enum What {
    /** The presets and their knob values. */
    KERNELS,
    /** The knobs, their values and meanings. */
    KNOBS,
    /** The properties. */
    PROPERTIES
  }

  @picocli.CommandLine.Spec
  CommandSpec commandSpec;

  @Parameters(index = "0", paramLabel = "WHAT",
      description = "kernels (the presets and their knobs), knobs (what a kernel: mapping may "
          + "set) or properties (what properties: and expect: may name).")
  What what;

  @Parameters(index = "1..*", paramLabel = "SPEC", arity = "0..*",
      description = "properties only: list the properties these specs check instead of the "
          + "built-in ones.")
  List<Path> specs = new ArrayList<>();

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "text (default) or json (one document).")
  String format = "text";

  @Override
  public Integer call() {
    PrintWriter out = commandSpec.commandLine().getOut();
    PrintWriter err = commandSpec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(),
          "--format: expected text or json, got '" + format + "'");
    }
    if (!specs.isEmpty() && what != What.PROPERTIES) {
      throw new picocli.CommandLine.ParameterException(commandSpec.commandLine(),
          "SPEC is only for 'list properties'");
    }
    List<List<String>> rows;
    List<String> header;
    switch (what) {
      case KERNELS -> {
        header = new ArrayList<>(List.of("kernel"));
        KernelKnobs.KNOBS.forEach(k -> header.add(k.name()));
        rows = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : KernelKnobs.PRESETS.entrySet()) {
          List<String> row = new ArrayList<>(List.of(e.getKey()));
          KernelKnobs.KNOBS.forEach(k -> row.add(e.getValue().get(k.name())));
          rows.add(row);
        }
      }
      case KNOBS -> {
        header = List.of("knob", "values", "meaning");
        rows = new ArrayList<>();
        for (Knob k : KernelKnobs.KNOBS) {
          rows.add(List.of(k.name(), String.join(", ", k.values()), k.meaning()));
        }
      }
      default -> {
        header = List.of("property", "kind", "source", "description");
        List<List<String>> found = properties(err);
        if (found == null) {
          return ExitCode.USAGE;
        }
        rows = found;
      }
    }
    if (format.equals("json")) {
      out.println(JsonRenderer.write(json(header, rows)));
    } else {
      printTable(out, header, rows);
    }
    out.flush();
    return ExitCode.OK;
  }

  /** One row per property: the built-in ones, or those of every spec given. */
  private List<List<String>> properties(PrintWriter err) {
    List<List<String>> rows = new ArrayList<>();
    if (specs.isEmpty()) {
      for (PropertyRule p : HotplugRules.RULES.properties()) {
        rows.add(row(HotplugModel.spec(p), "built-in"));
      }
      return rows;
    }
    boolean failed = false;
    for (Path file : SpecFiles.defaults().expand(specs)) {
      try {
        for (Spec spec : new SpecLoader().loadAll(file)) {
          for (PropertySpec p : HotplugModel.checking(spec.topology(), spec.properties())
              .properties()) {
            List<String> row = row(p, HotplugRules.RULES.property(p.name()).isPresent()
                ? "built-in" : String.valueOf(spec.file()));
            if (!rows.contains(row)) {
              rows.add(row);
            }
          }
        }
      } catch (SpecException e) {
        err.println(e.getMessage());
        failed = true;
      }
    }
    return failed ? null : rows;
  }

  private static List<String> row(PropertySpec p, String source) {
    String kind = p.kind() == PropertySpec.Kind.INVARIANT ? "state invariant"
        : "checked on transitions";
    return List.of(p.name(), kind, source, p.description());
  }

  private static ObjectNode json(List<String> header, List<List<String>> rows) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode items = root.putArray("items");
    for (List<String> row : rows) {
      ObjectNode o = items.addObject();
      for (int i = 0; i < header.size(); i++) {
        o.put(header.get(i), row.get(i));
      }
    }
    return root;
  }

  /** Left-aligned columns; the last one is not padded. */
  private static void printTable(PrintWriter out, List<String> header, List<List<String>> rows) {
    int[] width = new int[header.size()];
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    for (List<String> r : all) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    for (List<String> r : all) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        String cell = r == header ? r.get(i).toUpperCase(Locale.ROOT) : r.get(i);
        sb.append(i == r.size() - 1 ? cell : String.format(Locale.ROOT, "%-" + width[i] + "s  ",
            cell));
      }
      out.println(sb.toString().stripTrailing());
    }
  }
}
