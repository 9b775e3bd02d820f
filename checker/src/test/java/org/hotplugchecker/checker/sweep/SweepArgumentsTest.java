package org.hotplugchecker.checker.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.rules.KernelKnobs;
import org.hotplugchecker.model.rules.Knob;
import org.hotplugchecker.model.topology.Fault;
import org.hotplugchecker.model.topology.Kernel;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;

/** Option texts of the sweep command. */
class SweepArgumentsTest {
  @Test
  void listsKeepTheGivenOrderAndAcceptAll() {
    assertEquals(SweepOptions.presets(List.of(KernelVariant.V5_18, KernelVariant.V4_19)),
        SweepArguments.kernels("v5.18, v4.19,v5.18"));
    assertEquals(SweepOptions.presets(List.of(KernelVariant.values())),
        SweepArguments.kernels("all"));
    assertEquals(List.of(Arch.GENERIC), SweepArguments.arches("generic"));
    assertEquals(Set.of(Fault.ADD_MEMORY_FAILS), SweepArguments.faults("add_memory_fails"));
    assertEquals(Set.of(), SweepArguments.faults("none"));
  }

  @Test
  void unknownNamesAreNamedWithTheOption() {
    String m = assertThrows(IllegalArgumentException.class,
        () -> SweepArguments.kernels("v5.0,v6.1")).getMessage();
    assertTrue(m.startsWith("--kernels: unknown value 'v6.1': unknown kernel 'v6.1'"), m);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SweepArguments.arches("arm")).getMessage().startsWith("--arch:"));
  }

  @Test
  void knobsIsEveryCombinationWithThePresetsFirstAndKnobSetsReadTheirLabels() {
    List<Kernel> every = SweepArguments.kernels("knobs");
    int combinations = 1;
    for (Knob k : KernelKnobs.KNOBS) {
      combinations *= k.values().size();
    }
    assertEquals(combinations, every.size());
    assertEquals(combinations, every.stream().distinct().count());
    assertEquals(SweepArguments.kernels("all"), every.subList(0, KernelVariant.values().length));
    for (Kernel k : every) {
      assertEquals(List.of(k), SweepArguments.kernels(k.label()), k.label());
    }
    assertEquals(List.of(KernelVariant.V5_4_RC.kernel()),
        SweepArguments.kernels("v5.0+offline_guard=online_blocks"));
    assertEquals(every, SweepArguments.kernels("v4.19,knobs,all"));
    Kernel noBase = SweepArguments.kernels("clear_cpu_node_on_offline=always+offline_guard="
        + "online_blocks+pgdat_for_every_possible_node=true+no_node_in_allocator=oops").get(0);
    assertEquals("v4.19+offline_guard=online_blocks+pgdat_for_every_possible_node=true",
        noBase.label());
  }

  @Test
  void badKnobSetsAreOneLineErrorsNamingTheOption() {
    for (String bad : List.of("v5.0+offline_guard=sometimes", "v5.0+colour=red", "v5.0+",
        "offline_guard=online_blocks", "v5.0+offline_guard=online_blocks+offline_guard="
            + "present_blocks", "v5.0,,v4.19", "v5.0 offline_guard")) {
      String m = assertThrows(IllegalArgumentException.class,
          () -> SweepArguments.kernels(bad)).getMessage();
      assertTrue(m.startsWith("--kernels: "), m);
      assertFalse(m.contains("\n"), m);
    }
  }

  @Test
  void invariantsAreParsedWithTheirNameAndErrorsGiveTheColumn() {
    assertEquals("two", SweepArguments.invariant("two=forall c in cpus: !oops").name());
    String m = assertThrows(IllegalArgumentException.class,
        () -> SweepArguments.invariant("x=forall c in cpus: cpu.nid[c] && oops")).getMessage();
    assertTrue(m.startsWith("--invariant x: column 19: "), m);
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SweepArguments.invariant("no_oops=!oops")).getMessage()
        .contains("is a built-in property"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SweepArguments.invariant("!oops")).getMessage().startsWith("--invariant"));
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
