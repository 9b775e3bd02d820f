package org.hotplugchecker.checker.sweep;

import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.topology.Fault;

/** Explores one topology class on its own on one arch and kernel. */
final class ClassJob implements SweepJob {
  private static final long serialVersionUID = 2L;

  private final CanonicalTopology topology;
  private final SweepRun run;
  private final Set<Fault> faults;
  private final SweepProperties properties;

  ClassJob(CanonicalTopology topology, SweepRun run, Set<Fault> faults,
      SweepProperties properties) {
    this.topology = topology;
    this.run = run;
    this.faults = Set.copyOf(faults);
    this.properties = properties;
  }

  CanonicalTopology topology() {
    return topology;
  }

  @Override
  public List<TopologyOutcome> run() {
    return List.of(run.check(topology, faults, properties));
  }

  @Override
  public double estimatedWork() {
    return Math.pow(5, topology.cpus() + topology.blocks());
  }

  @Override
  public String toString() {
    return "class " + topology.key() + " on " + run;
  }
}
