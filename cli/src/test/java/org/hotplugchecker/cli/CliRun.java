package org.hotplugchecker.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the command line with captured output. */
record CliRun(int exitCode, String out, String err) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), args);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  /** stdout as one JSON object (fails unless it is exactly one line). */
  JsonNode json() {
    List<JsonNode> lines = jsonLines();
    if (lines.size() != 1) {
      throw new AssertionError("expected one JSON line, got " + lines.size() + ":\n" + out);
    }
    return lines.get(0);
  }

  /** stdout as JSON Lines. */
  List<JsonNode> jsonLines() {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        try {
          nodes.add(MAPPER.readTree(line));
        } catch (IOException e) {
          throw new UncheckedIOException("not JSON: " + line, e);
        }
      }
    }
    return nodes;
  }

  List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank()).toList();
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
