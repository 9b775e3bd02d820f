package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.checker.oracle.OracleExplorer;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link HotplugModel#REVISION} honest. Sweep results files are reused only by the
 * same revision, so a change of behaviour without a bump would let a sweep report stale
 * verdicts. This test digests the behaviour of every 2/1/1 and 1/2/2 class (state and transition
 * counts, every verdict with its counterexample length) on every kernel and arch, with
 * and without the fault, and pins the digest to the revision: when it fails, the model's
 * behaviour changed, and the fix is to bump {@code REVISION} and record the new digest
 * here, never only the digest.
 *
 * <p>The digest is not the model's word alone: every line that goes into it is computed a
 * second time by the clean-room oracle (written from {@code MODEL.md}, independent of the
 * rule table), and must be equal. So the pinned digest is of behaviour both agree on, and a
 * refactoring of the rules that changes behaviour fails here even if the digest were
 * recorded anew.
 */
class ModelRevisionTest {
  private static final String REVISION = "1";
  private static final String DIGEST = "d22318e1259ed6f8";

  @Test
  void behaviourDigestBelongsToTheModelRevision() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    List<CanonicalTopology> classes = new java.util.ArrayList<>(
        new TopologyEnumerator(new SweepBounds(2, 1, 1)).classes());
    classes.addAll(new TopologyEnumerator(new SweepBounds(1, 2, 2)).classes());
    for (CanonicalTopology c : classes) {
      for (Arch arch : Arch.values()) {
        for (KernelVariant kernel : KernelVariant.values()) {
          for (Set<Fault> faults : List.of(Set.<Fault>of(), Set.of(Fault.ADD_MEMORY_FAILS))) {
            TopologyOutcome o = TopologyOutcome.of(c.key(), arch, kernel.kernel(), faults,
                new ExplicitExplorer().explore(
                    new HotplugModel(c.toTopology(arch, kernel, faults)),
                    ExplorerOptions.defaults()));
            String line = o.key() + "|" + o.states() + "|" + o.transitions() + "|"
                + o.verdicts() + "\n";
            OracleExplorer.Result oracle = OracleExplorer.explore(
                c.toTopology(arch, kernel, faults));
            assertEquals(o.key() + "|" + oracle.states() + "|" + oracle.transitions() + "|"
                + oracle.verdicts() + "\n", line, "the model and the oracle disagree");
            sha.update(line.getBytes(StandardCharsets.UTF_8));
          }
        }
      }
    }
    String digest = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    assertEquals(REVISION + ":" + DIGEST, HotplugModel.REVISION + ":" + digest,
        "the model's behaviour changed: bump HotplugModel.REVISION (stale sweep results "
            + "must not be reused) and record the new digest in ModelRevisionTest");
  }
}
