package org.hotplugchecker.model.rules.eval;

/** A compiled expression: its value in a frame, a boolean as 0 or 1. */
@FunctionalInterface
interface Eval {
  int eval(Frame f);
}
