package org.hotplugchecker.model.spec;

import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Kernel;

/**
 * One combination of a spec whose {@code kernel:} or {@code arch:} is a list.
 *
 * @param kernel the kernel
 * @param arch the arch
 */
record SpecCheck(Kernel kernel, Arch arch) {
  /** {@code KERNEL,ARCH}, as it appears between the brackets of the check's name. */
  String label() {
    return kernel.label() + "," + arch.specName();
  }
}
