package org.hotplugchecker.model.topology;

/**
 * A possible CPU or memory block as firmware describes it.
 *
 * @param home the firmware node
 * @param boot present (and online) at boot
 * @param hotplug can be physically added and removed
 */
public record Component(int home, boolean boot, boolean hotplug) {}
