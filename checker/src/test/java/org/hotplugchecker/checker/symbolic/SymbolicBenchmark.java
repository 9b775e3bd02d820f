package org.hotplugchecker.checker.symbolic;

import java.util.List;
import java.util.Locale;
import org.hotplugchecker.checker.CheckResult;
import org.hotplugchecker.checker.PropertyResult;
import org.hotplugchecker.checker.bench.Bench;
import org.hotplugchecker.checker.bench.BenchOptions;
import org.hotplugchecker.checker.symbolic.sat.SolverBackend;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.topology.Arch;
import org.hotplugchecker.model.topology.KernelVariant;
import org.hotplugchecker.model.topology.Topology;

/**
 * One symbolic run on a bench rung, in-process, for exploring settings before measuring
 * end to end with the CLI ({@code docs/benchmarks-symbolic.md}). Not a test: run its
 * {@code main} on the test classpath with {@code NxCxB arch kernel bmc|kind depth
 * [sat4j|choco]}.
 */
public final class SymbolicBenchmark {
  private SymbolicBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("spec")) {
      Topology t = new org.hotplugchecker.model.spec.SpecLoader().load(java.nio.file.Path.of(args[1]))
          .topology();
      run(t, args[2], Integer.parseInt(args[3]), SolverBackend.SAT4J, args[0]);
      return;
    }
    if (args[0].equals("ref")) {
      for (org.hotplugchecker.checker.ReferenceCases.Case c
          : org.hotplugchecker.checker.ReferenceCases.all()) {
        long start = System.nanoTime();
        if (args.length > 3 && !c.name().matches(args[3])) {
          continue;
        }
        BmcOptions o = BmcOptions.depth(Integer.parseInt(args[1]))
            .withBackend(SolverBackend.fromUserName(args[2]).orElseThrow());
        CheckResult r = new BmcEngine(Boolean.getBoolean("nodiam") ? o.withoutDiameterProof() : o)
            .check(new HotplugModel(c.topology()));
        System.out.printf(Locale.ROOT, "%-22s %6d ms  depth %d diameter %s calls %s%n",
            c.name(), (System.nanoTime() - start) / 1_000_000, r.depth(),
            r.stats().get("recurrenceDiameter"), r.stats().get("solveCalls"));
      }
      return;
    }
    if (args[0].equals("refkind")) {
      List<org.hotplugchecker.checker.ReferenceCases.Case> cases = new java.util.ArrayList<>(
          org.hotplugchecker.checker.ReferenceCases.all());
      cases.addAll(org.hotplugchecker.checker.ReferenceCases.knobsAndInvariants());
      for (org.hotplugchecker.checker.ReferenceCases.Case c : cases) {
        long start = System.nanoTime();
        CheckResult r = new KInductionEngine(KInductionOptions.upTo(Integer.parseInt(args[1])))
            .check(RuleMachineSystem.model(c));
        StringBuilder miss = new StringBuilder();
        for (PropertyResult p : r.properties()) {
          String want = c.verdicts().get(p.property().name());
          String got = org.hotplugchecker.checker.ReferenceCases.referenceNotation(p);
          if (!want.equals(got)) {
            miss.append(" ").append(p.property().name()).append(" ").append(want).append("/")
                .append(got);
          }
        }
        System.out.printf(Locale.ROOT, "%-26s %6d ms lemmas %s:%s%n", c.name(),
            (System.nanoTime() - start) / 1_000_000, r.stats().get("lemmas"), miss);
      }
      return;
    }
    String[] size = args[0].split("x");
    Topology t = Bench.topology(new BenchOptions.Rung(Integer.parseInt(size[0]),
        Integer.parseInt(size[1]), Integer.parseInt(size[2])),
        Arch.fromSpecName(args[1]).orElseThrow(),
        KernelVariant.fromSpecName(args[2]).orElseThrow());
    int depth = Integer.parseInt(args[4]);
    SolverBackend backend = args.length > 5 ? SolverBackend.fromUserName(args[5]).orElseThrow()
        : SolverBackend.SAT4J;
    run(t, args[3], depth, backend, args[0]);
  }

  private static void run(Topology t, String engine, int depth, SolverBackend backend,
      String label) {
    long start = System.nanoTime();
    HotplugModel model = new HotplugModel(t);
    org.hotplugchecker.checker.Progress progress = new org.hotplugchecker.checker.Progress() {
      @Override
      public void levelDone(long states, int d, long ms) {}

      @Override
      public void symbolicDone(String phase, int d, long calls, long ms) {
        System.out.printf(Locale.ROOT, "  %s %d: %d calls, %d ms%n", phase, d, calls, ms);
      }
    };
    CheckResult r = engine.equals("kind")
        ? new KInductionEngine(KInductionOptions.upTo(depth).withProgress(progress)
            .withBackend(backend)).check(model)
        : new BmcEngine(BmcOptions.depth(depth).withProgress(progress).withBackend(backend))
            .check(model);
    for (PropertyResult p : r.properties()) {
      System.out.printf(Locale.ROOT, "%-28s %-9s %s%n", p.property().name(),
          p.verdict().specName() + (p.length() >= 0 ? "@" + p.length() : ""), p.detail());
    }
    System.out.printf(Locale.ROOT, "%s %s: %d ms (engine %d ms), stats %s%n", label,
        r.engine(), (System.nanoTime() - start) / 1_000_000, r.millis(), r.stats());
  }
}
