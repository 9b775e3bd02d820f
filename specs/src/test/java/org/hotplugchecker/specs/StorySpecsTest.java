package org.hotplugchecker.specs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.spec.SpecException;
import org.hotplugchecker.model.spec.SpecLoader;
import org.hotplugchecker.model.topology.KernelVariant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The story specs: one per kernel variant, each telling its part and pinning every verdict. */
class StorySpecsTest {
  static Stream<Path> stories() {
    return BundledSpecs.yamlFiles(BundledSpecs.storyDir()).stream();
  }

  static Stream<Path> allBundled() {
    return Stream.concat(stories(),
        BundledSpecs.yamlFiles(BundledSpecs.referenceDir()).stream());
  }

  @Test
  void oneStoryPerKernelVariant() throws SpecException {
    Set<KernelVariant> kernels = EnumSet.noneOf(KernelVariant.class);
    for (Path p : stories().toList()) {
      assertTrue(kernels.add(new SpecLoader().load(p).topology().kernel().preset().orElseThrow()),
          "two stories for the kernel of " + p);
    }
    assertEquals(EnumSet.allOf(KernelVariant.class), kernels);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stories")
  void storyStartsWithAThreeToSixLineCommentAndHasADescription(Path p)
      throws IOException, SpecException {
    List<String> lines = Files.readAllLines(p);
    long header = lines.stream().takeWhile(l -> l.startsWith("#")).count();
    assertTrue(header >= 3 && header <= 6, p + " has a " + header + "-line header");
    assertFalse(new SpecLoader().load(p).description().isBlank());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allBundled")
  void everyBundledSpecPinsEveryVerdict(Path p) throws SpecException {
    Spec spec = new SpecLoader().load(p);
    for (String prop : spec.propertyNames()) {
      assertTrue(spec.expect().containsKey(prop), p + " has no expectation for " + prop);
      if (spec.expect().get(prop).verdict().equals("violated")) {
        assertTrue(spec.expect().get(prop).length().isPresent(),
            p + ": pin the counterexample length of " + prop);
      }
    }
  }
}
