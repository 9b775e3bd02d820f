package org.hotplugchecker.model.rules.eval;

/** A compiled statement: runs on a frame's state. */
@FunctionalInterface
interface Exec {
  void run(Frame f);
}
