/**
 * Report files of a check run, written into one directory by
 * {@link org.hotplugchecker.reports.files.ReportWriter}: {@code results.json}, one ITF trace
 * per violation ({@code traces/<spec>-<property>.itf.json}), {@code junit.xml},
 * {@code matrix.md} and a self-contained {@code index.html}.
 *
 * <p>Callers (the command line, the Maven plugin) build one
 * {@link org.hotplugchecker.reports.CheckRun} per checked spec, usually with
 * {@code CheckRun.explain(spec, model, result)} right after the engine ran on {@code model},
 * and pass them all to {@code new ReportWriter().write(dir, runs)}. Whether a property is
 * as its spec expects is decided in one place, {@link org.hotplugchecker.reports.PropertyOutcome}.
 */
package org.hotplugchecker.reports.files;
