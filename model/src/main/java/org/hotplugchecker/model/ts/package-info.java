/**
 * The narrow interface between models and engines: packed states, labelled actions,
 * properties. Nothing here knows about NUMA.
 */
package org.hotplugchecker.model.ts;
