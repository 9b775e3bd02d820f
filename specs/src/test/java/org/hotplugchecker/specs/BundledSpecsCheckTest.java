package org.hotplugchecker.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hotplugchecker.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * Every bundled spec meets its expectations through the real command line (the same check
 * the verify phase runs, here also under {@code mvn test}).
 */
class BundledSpecsCheckTest {
  @Test
  void everyBundledSpecIsAsExpected() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), "check", "--format", "json",
        "--no-progress", BundledSpecs.referenceDir().toString(),
        BundledSpecs.storyDir().toString());
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertEquals(0, code, stdout + err.toString(StandardCharsets.UTF_8));
    ObjectMapper mapper = new ObjectMapper();
    int specs = 0;
    for (String line : stdout.split("\n")) {
      JsonNode run = mapper.readTree(line);
      assertTrue(run.get("asExpected").asBoolean(), run.get("spec").asText());
      assertTrue(run.get("complete").asBoolean(), run.get("spec").asText());
      specs++;
    }
    assertEquals(BundledSpecs.yamlFiles(BundledSpecs.referenceDir()).size()
        + BundledSpecs.yamlFiles(BundledSpecs.storyDir()).size(), specs);
  }
}
