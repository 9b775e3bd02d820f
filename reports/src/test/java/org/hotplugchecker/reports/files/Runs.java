package org.hotplugchecker.reports.files;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.explicit.ExplicitExplorer;
import org.hotplugchecker.checker.explicit.ExplorerOptions;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.spec.Expectation;
import org.hotplugchecker.model.spec.Spec;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.Component;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;
import org.hotplugchecker.reports.CheckRun;

/** Real check runs for report tests: specs built in code, explored by the explicit engine. */
final class Runs {
  private Runs() {}

  /** The mailing-list scenario s1 (MODEL.md / counts.json). */
  static Topology s1(Arch arch, KernelVariant kernel) {
    return Topology.of(arch, kernel, 2, null,
        List.of(new Component(0, true, false), new Component(1, true, true)),
        List.of(new Component(0, true, false), new Component(1, true, true)), Set.of());
  }

  /** s2: s1 plus a possible node 2 without memory and a CPU only hot-added later. */
  static Topology s2(Arch arch, KernelVariant kernel) {
    return Topology.of(arch, kernel, 3, null,
        List.of(new Component(0, true, false), new Component(1, true, true),
            new Component(2, false, true)),
        List.of(new Component(0, true, false), new Component(1, true, true)), Set.of());
  }

  static Spec spec(String name, Topology t, Map<String, Expectation> expect) {
    return new Spec(Path.of("specs/" + name + ".yaml"), name, "", t,
        org.hotplugchecker.model.rules.HotplugRules.RULES.properties(), expect);
  }

  static CheckRun run(Spec spec) {
    return run(spec, ExplorerOptions.defaults());
  }

  static CheckRun run(Spec spec, ExplorerOptions options) {
    HotplugModel model = HotplugModel.checking(spec.topology(), spec.properties());
    CheckResult result = new ExplicitExplorer().explore(model, options);
    return CheckRun.explain(spec, model, result);
  }

  static CheckRun run(String name, Topology t) {
    return run(spec(name, t, Map.of()));
  }

  /** s1 on every kernel variant and both arches: 12 runs, the reference matrix. */
  static List<CheckRun> s1Matrix() {
    return java.util.Arrays.stream(Arch.values()).flatMap(a ->
        java.util.Arrays.stream(KernelVariant.values())
            .map(k -> run("s1-" + a.specName() + "-" + k.specName(), s1(a, k)))).toList();
  }
}
