package org.hotplugchecker.model.rules.lang;

import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.Type;

/**
 * A parsed subexpression with its type and where it was written (char offsets, {@code end}
 * exclusive), so that a type error can point at the operand that is wrong.
 */
record Node(Expr expr, Type type, int start, int end) {}
