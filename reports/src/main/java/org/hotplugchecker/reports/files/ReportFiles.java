package org.hotplugchecker.reports.files;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportWriter} wrote.
 *
 * @param directory the reports directory
 * @param results {@code results.json}
 * @param junit {@code junit.xml}
 * @param matrix {@code matrix.md}
 * @param html {@code index.html}
 * @param traces one ITF file per violated property
 */
public record ReportFiles(Path directory, Path results, Path junit, Path matrix, Path html,
    List<Path> traces) {}
