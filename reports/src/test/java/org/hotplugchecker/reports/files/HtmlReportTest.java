package org.hotplugchecker.reports.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.reports.CheckRun;
import org.junit.jupiter.api.Test;

/** The page without a browser: self-contained, and its embedded data is the results. */
class HtmlReportTest {
  private static final String OPEN = "<script id=\"hotplug-data\" type=\"application/json\">";

  static String render(List<CheckRun> runs) {
    TraceFiles files = new TraceFiles(runs);
    return HtmlReport.render(ResultsJson.build(runs, files), Matrix.of(runs));
  }

  private static JsonNode embedded(String html) throws Exception {
    int from = html.indexOf(OPEN) + OPEN.length();
    int to = html.indexOf("</script>", from);
    return new ObjectMapper().readTree(html.substring(from, to));
  }

  @Test
  void embedsResultsAndMatrixAsJson() throws Exception {
    List<CheckRun> runs = List.of(Runs.run("s1", Runs.s1(Arch.GENERIC, KernelVariant.V4_19)));
    String html = render(runs);
    JsonNode data = embedded(html);
    ObjectMapper mapper = new ObjectMapper();
    JsonNode expected = mapper.readTree(
        mapper.writeValueAsString(ResultsJson.build(runs, new TraceFiles(runs))));
    assertEquals(expected, data.get("results"));
    assertEquals(1, data.get("matrix").size());
    assertEquals(9, data.get("matrix").get(0).get("properties").size());
  }

  @Test
  void isSelfContained() {
    String html = render(List.of(Runs.run("s1", Runs.s1(Arch.X86, KernelVariant.V4_19))));
    assertFalse(html.contains("http://"), "no network references");
    assertFalse(html.contains("src="), "no external scripts or images");
    assertFalse(html.contains("<link"), "no external stylesheets");
    assertFalse(html.contains("https://"), "no URL at all");
  }

  @Test
  void markupInNamesCannotCloseTheDataScript() throws Exception {
    String evil = "</script><script>alert(1)</script><!--";
    String html = render(List.of(Runs.run(evil, Runs.s1(Arch.X86, KernelVariant.V5_0))));
    // embedded() reads up to the first </script>: it must be the end of the whole document
    assertEquals(evil, embedded(html).get("results").get("specs").get(0).get("name").asText());
    assertFalse(html.contains("<!--"), "no comment opener that could change script parsing");
  }
}
