package org.hotplugchecker.reports.files;

import static org.hotplugchecker.reports.JsonValues.F;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.hotplugchecker.reports.PropertyOutcome;

/**
 * The content of {@code index.html}: one self-contained page (inline CSS and JS, no
 * network) that draws the matrix and, for each violation, a step-by-step trace viewer
 * with before/after pictures of the topology. The page template is a resource; the
 * data (results plus the matrix) is embedded as JSON and rendered by the page's script.
 */
final class HtmlReport {
  private static final String TEMPLATE = "report-template.html";
  private static final String DATA_MARK = "/*HOTPLUG_DATA*/null";

  private HtmlReport() {}

  static String render(ObjectNode results, Matrix matrix) {
    ObjectNode data = F.objectNode();
    data.set("results", results);
    data.set("matrix", matrixJson(matrix));
    String json;
    try {
      json = new ObjectMapper().writeValueAsString(data);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise report data", e);
    }
    // Inside <script>, "</" could close the element early; "<\/" is the same JSON string.
    json = json.replace("</", "<\\/").replace("<!--", "<\\u0021--");
    String template = template();
    int at = template.indexOf(DATA_MARK);
    if (at < 0) {
      throw new IllegalStateException("report template has no data mark");
    }
    return template.substring(0, at) + json + template.substring(at + DATA_MARK.length());
  }

  private static ArrayNode matrixJson(Matrix matrix) {
    ArrayNode groups = F.arrayNode();
    for (Matrix.Group g : matrix.groups()) {
      ObjectNode go = groups.addObject();
      go.put("title", g.title());
      ArrayNode props = go.putArray("properties");
      g.properties().forEach(props::add);
      ArrayNode rows = go.putArray("rows");
      for (Matrix.Row r : g.rows()) {
        ObjectNode ro = rows.addObject();
        ro.put("kernel", r.kernel());
        ro.put("arch", r.arch());
        ro.put("spec", r.spec());
        ro.put("specIndex", r.run());
        ArrayNode cells = ro.putArray("cells");
        for (Optional<PropertyOutcome> c : r.cells()) {
          if (c.isEmpty()) {
            cells.addNull();
            continue;
          }
          PropertyOutcome o = c.get();
          cells.addObject().put("property", o.name()).put("verdict", o.verdict().specName())
              .put("text", Matrix.verdictText(o)).put("asExpected", !o.failed() && !o.undecidedExpectation())
              .put("expected", o.expectedText());
        }
      }
    }
    return groups;
  }

  private static String template() {
    try (InputStream in = HtmlReport.class.getResourceAsStream(TEMPLATE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + TEMPLATE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
