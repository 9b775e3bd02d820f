package org.hotplugchecker.reports.files;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hotplugchecker.checker.trace.Trace;
import org.hotplugchecker.reports.CheckRun;

/**
 * Writes the report files of a check run into one directory:
 * {@code results.json}, {@code traces/<spec>-<property>.itf.json} (one per violation),
 * {@code junit.xml}, {@code matrix.md} and {@code index.html}. Called after every run
 * by the command line and the Maven plugin. Files of an earlier run in the same
 * directory are overwritten; stale trace files of properties that no longer fail are
 * removed so the directory always describes one run.
 */
public final class ReportWriter {
  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes every report of {@code runs} into {@code dir}, creating it if needed. */
  public ReportFiles write(Path dir, List<CheckRun> runs) throws IOException {
    Files.createDirectories(dir);
    TraceFiles traceFiles = new TraceFiles(runs);
    ObjectNode results = ResultsJson.build(runs, traceFiles);
    Path resultsFile = dir.resolve("results.json");
    writeString(resultsFile, mapper.writeValueAsString(results) + "\n");
    List<Path> traces = writeTraces(dir, runs, traceFiles);
    Path junit = dir.resolve("junit.xml");
    writeString(junit, JunitXml.render(runs));
    Matrix matrix = Matrix.of(runs);
    Path matrixFile = dir.resolve("matrix.md");
    writeString(matrixFile, matrix.markdown());
    Path html = dir.resolve("index.html");
    writeString(html, HtmlReport.render(results, matrix));
    return new ReportFiles(dir, resultsFile, junit, matrixFile, html, List.copyOf(traces));
  }

  private List<Path> writeTraces(Path dir, List<CheckRun> runs, TraceFiles traceFiles)
      throws IOException {
    Path traceDir = dir.resolve("traces");
    if (Files.isDirectory(traceDir)) {
      try (var old = Files.list(traceDir)) {
        for (Path p : old.filter(p -> p.getFileName().toString().endsWith(".itf.json")).toList()) {
          Files.delete(p);
        }
      }
    }
    List<Path> written = new ArrayList<>();
    ItfTraceWriter itf = new ItfTraceWriter();
    for (int i = 0; i < runs.size(); i++) {
      CheckRun run = runs.get(i);
      for (var e : run.traces().entrySet()) {
        Trace t = e.getValue();
        Path file = dir.resolve(traceFiles.of(i, e.getKey()).orElseThrow());
        Files.createDirectories(file.getParent());
        writeString(file, mapper.writeValueAsString(
            itf.toItf(run.spec(), run.result().engine(), t)) + "\n");
        written.add(file);
      }
    }
    return written;
  }

  private static void writeString(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
