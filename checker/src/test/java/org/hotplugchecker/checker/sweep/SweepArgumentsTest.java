package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/** Option texts of the sweep command. */
class SweepArgumentsTest {
  @Test
  void listsKeepTheGivenOrderAndAcceptAll() {
    assertEquals(List.of(KernelVariant.V5_18, KernelVariant.V4_19),
        SweepArguments.kernels("v5.18, v4.19,v5.18"));
    assertEquals(List.of(KernelVariant.values()), SweepArguments.kernels("all"));
    assertEquals(List.of(Arch.GENERIC), SweepArguments.arches("generic"));
    assertEquals(Set.of(Fault.ADD_MEMORY_FAILS), SweepArguments.faults("add_memory_fails"));
    assertEquals(Set.of(), SweepArguments.faults("none"));
  }

  @Test
  void unknownNamesAreNamedWithTheOption() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> SweepArguments.kernels("v5.0,v6.1")).getMessage();
    assertTrue(m.startsWith("--kernels: unknown value 'v6.1'"), m);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SweepArguments.arches("arm")).getMessage().startsWith("--arch:"));
  }

  @Test
  void durations() {
    assertEquals(Duration.ofMinutes(30), SweepArguments.duration("30m"));
    assertEquals(Duration.ofSeconds(90), SweepArguments.duration("90s"));
    assertEquals(Duration.ofMinutes(90), SweepArguments.duration("PT1H30M"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SweepArguments.duration("soon")).getMessage().startsWith("--time-limit"));
  }
}
