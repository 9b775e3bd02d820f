/**
 * The user-invariant language of {@code MODEL.md} ("User invariants"): source text to a
 * well-typed bool {@link org.hotplugchecker.model.rules.Expr} and back.
 *
 * <ul>
 *   <li>{@link org.hotplugchecker.model.rules.lang.InvariantParser}: lexer, recursive-descent
 *       parser and type checker in one pass, over the names of a
 *       {@link org.hotplugchecker.model.rules.RuleSet};
 *   <li>{@link org.hotplugchecker.model.rules.lang.InvariantException}: every way a source
 *       can be wrong, with its column (and line, for a multi-line source) and a one-line
 *       reason;
 *   <li>{@link org.hotplugchecker.model.rules.lang.InvariantPrinter}: the inverse, with
 *       minimal but safe parentheses.
 * </ul>
 *
 * Evaluation is not here: a parsed invariant is an ordinary expression of the rule
 * language, which every engine already evaluates.
 */
package org.hotplugchecker.model.rules.lang;
