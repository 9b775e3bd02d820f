/**
 * Exports of one topology's model to other model checkers' languages, generated from the
 * rule table ({@code model.rules}) and never written by hand: Promela for SPIN
 * ({@link org.hotplugchecker.checker.export.PromelaExporter}) and a TLA+ module with its
 * TLC configuration ({@link org.hotplugchecker.checker.export.TlaExporter}). Both fold in
 * the topology, the kernel's knobs and the arch as constants and keep the rule table's
 * semantics: statements run in order, procedure arguments are passed by value, reads out of
 * range give {@code false} / {@code -1} and writes out of range are errors. A construct a
 * backend cannot express is an {@link org.hotplugchecker.checker.export.ExportException},
 * never dropped. {@link org.hotplugchecker.checker.export.SpinRunner} runs SPIN on an
 * export, for tests and {@code bench --against spin}.
 */
package org.hotplugchecker.checker.export;
