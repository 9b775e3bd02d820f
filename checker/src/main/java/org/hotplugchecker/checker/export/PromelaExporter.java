package org.hotplugchecker.checker.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotplugchecker.model.rules.ActionRule;
import org.hotplugchecker.model.rules.Expr;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.Type;
import org.hotplugchecker.model.rules.eval.ActionInstance;
import org.hotplugchecker.model.rules.eval.PackedLayout;
import org.hotplugchecker.model.rules.eval.RuleMachine;

/**
 * Writes one topology's model as Promela for SPIN, generated from the rule table that
 * {@code machine} interprets. The shape is chosen so that SPIN counts what we count:
 *
 * <ul>
 *   <li>every state variable element is a global scalar whose initialiser is the boot state
 *       ({@link RuleMachine#bootState()}), so the initial state needs no step;
 *   <li>one process loops over {@code d_step}s, one per action instance (guard first, then the
 *       body): a {@code d_step} is one transition that stores no intermediate state, and the
 *       process's only control state is the loop's head;
 *   <li>one more {@code d_step}, always executable and changing nothing, asserts every
 *       property in every state (an action property, which judges the state before a step
 *       of its action, becomes the state invariant "where an instance of the action is
 *       enabled and the property applies, it holds");
 *   <li>property results and temporaries are {@code hidden}: not part of the state vector.
 * </ul>
 *
 * Hence, with {@code -DNOREDUCE}, pan's "states, stored" equals our states and its "states,
 * matched" equals our transitions plus one (the property check's self-loop adds one
 * transition per state, the initial state is stored without one).
 */
public final class PromelaExporter {
  /** What the model asserts in every state, for pan to find failed. */
  public enum Assertions {
    /**
     * Each property, failing only at its first violation: a hidden {@code reported_NAME}
     * flag, set then, keeps the assertion quiet after it, so that {@code pan -c0} lists
     * every violated property once however many states violate it.
     */
    FIRST_FAILURE,
    /**
     * Each property, failing in every violating state. Needed by {@code pan -i}
     * (iterative search for a shortest trail, compiled with {@code -DREACH}): it goes on
     * searching below the depth of the first failure, which a report-once flag would
     * silence.
     */
    EVERY_FAILURE,
    /**
     * For each action property, that no step is judged by it (its action enabled where it
     * applies), failing once: a failed {@code unjudged_NAME} means the property is
     * exercised, and none after a full search means it is vacuous, which a property's own
     * assertion cannot tell from holding. State invariants get no assertion.
     */
    NO_STEP_JUDGED
  }

  private static final String RUN_FIRST = """
       *
       * Run:  spin -a FILE.pml && gcc -O2 -DNOREDUCE -o pan pan.c && ./pan -m10000000
       * pan's "states, stored" is hotplug-checker's states; "states, matched" is its
       * transitions + 1. A failed assertion names the property (ok_NAME); with -c0 pan
       * searches on and reports every violated property, each once (reported_NAME is
       * set at its first failure). 'spin -t -p FILE.pml' replays a trail, printing the
       * kernel functions each step ran.
       */

      """;
  private static final String RUN_JUDGED = """
       *
       * Run:  spin -a FILE.pml && gcc -O2 -DNOREDUCE -o pan pan.c && ./pan -c0 -m10000000
       * A vacuity probe, not a check of the properties: for each action property it
       * asserts that no step is judged (unjudged_NAME). A failed unjudged_NAME means some
       * reachable state has a step the property judges; with none failed after the whole
       * search (-c0), the property is vacuous, as hotplug-checker reports it.
       */

      """;
  private static final String RUN_EVERY = """
       *
       * Run:  spin -a FILE.pml && gcc -O2 -DNOREDUCE -DREACH -o pan pan.c && ./pan -i -m10000000
       * Every violating state fails its property's assertion, so that pan -i searches on
       * below each failure's depth: its last "reducing search depth to N" puts the
       * shortest trail to a failure at N - 1 steps, and the trail it writes last is one.
       * With one property exported, that is the property's shortest counterexample, of
       * the length hotplug-checker reports. 'spin -t -p FILE.pml' replays the trail,
       * printing the kernel functions each step ran.
       */

      """;

  private final RuleMachine machine;
  private final PromelaExprs exprs;
  private final Assertions assertions;

  /** An exporter of {@code machine}'s rules, topology and properties ({@link Assertions#FIRST_FAILURE}). */
  public PromelaExporter(RuleMachine machine) {
    this(machine, Assertions.FIRST_FAILURE);
  }

  /** An exporter of {@code machine}'s rules, topology and properties. */
  public PromelaExporter(RuleMachine machine, Assertions assertions) {
    this.machine = machine;
    this.exprs = new PromelaExprs(machine.facts());
    this.assertions = assertions;
  }

  /** The Promela model. */
  public String export() {
    PromelaStmts body = new PromelaStmts(exprs);
    String check = propertyCheck();
    List<String> steps = new ArrayList<>();
    for (ActionInstance a : machine.actions()) {
      body.clear();
      String step = step(a, body);
      if (step != null) {
        steps.add(step);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append("/*\n");
    for (String l : ExportHeader.lines(machine, "promela")) {
      sb.append(" * ").append(comment(l)).append('\n');
    }
    sb.append(switch (assertions) {
      case FIRST_FAILURE -> RUN_FIRST;
      case EVERY_FAILURE -> RUN_EVERY;
      case NO_STEP_JUDGED -> RUN_JUDGED;
    });
    sb.append(stateDeclarations()).append('\n');
    sb.append("/* Not in the state vector: property results and values kept within one step. */\n");
    Map<String, String> okNames = okNames();
    for (PropertyRule p : asserted()) {
      String ok = okNames.get(p.name());
      sb.append("hidden byte ").append(ok);
      if (assertions != Assertions.EVERY_FAILURE) {
        sb.append(", ").append(reported(ok));
      }
      sb.append(";\n");
    }
    sb.append("hidden byte write_in_range; /* stays 0: a write out of range fails its assert */\n");
    for (Map.Entry<String, Type> t : body.temporaries().entrySet()) {
      sb.append("hidden int ").append(t.getKey()).append(";\n");
    }
    sb.append("\nactive proctype hotplug()\n{\nend:\n  do\n");
    sb.append(check);
    steps.forEach(sb::append);
    sb.append("  od\n}\n");
    return sb.toString();
  }

  private static String comment(String line) {
    return line.replace("*/", "* /");
  }

  private String stateDeclarations() {
    PackedLayout layout = machine.layout();
    long[] boot = machine.bootState();
    StringBuilder sb = new StringBuilder("/* State (MODEL.md \"State\"), one variable per element; "
        + "initial values: the boot state. */\n");
    for (int s = 0; s < layout.slots().size(); s++) {
      Slot slot = layout.slots().get(s);
      String type = slot.type() == Type.BOOL ? "bit" : "short";
      for (int i = 0; i < layout.size(s); i++) {
        sb.append(type).append(' ').append(PromelaExprs.element(slot, i)).append(" = ")
            .append(layout.value(boot, s, i)).append(";\n");
      }
    }
    return sb.toString();
  }

  /**
   * The hidden result variable of each property, by property name ({@code ok_NAME}, or
   * {@code unjudged_NAME} for a vacuity probe); {@code reported_} plus
   * the same suffix marks a property already reported, so that a search that goes on past
   * errors ({@code -c0}) reports each violated property once, not once per state.
   */
  private Map<String, String> okNames() {
    Map<String, String> out = new LinkedHashMap<>();
    for (PropertyRule p : machine.properties()) {
      String ok = Identifiers.promela(
          (assertions == Assertions.NO_STEP_JUDGED ? "unjudged_" : "ok_") + p.name());
      if (out.containsValue(ok)) {
        throw new ExportException("two properties would both be checked as " + ok);
      }
      out.put(p.name(), ok);
    }
    return out;
  }

  /** The report-once flag of the property whose result is {@code ok}. */
  private static String reported(String ok) {
    return "reported_" + ok.substring(ok.indexOf('_') + 1);
  }

  /** The self-loop that asserts every property (or probe) in the current state. */
  private String propertyCheck() {
    Map<String, String> ok = okNames();
    StringBuilder sb = new StringBuilder("  :: d_step { /* the properties, in every state */\n");
    List<PropertyRule> asserted = asserted();
    if (asserted.isEmpty()) {
      sb.append("       skip\n");
    }
    for (PropertyRule p : asserted) {
      String v = ok.get(p.name());
      PVal check = assertions == Assertions.NO_STEP_JUDGED
          ? noStepJudged((PropertyRule.ActionProperty) p) : property(p);
      sb.append("       ").append(v).append(" = ").append(check.text()).append(";\n")
          .append("       if\n       :: !").append(v);
      if (assertions != Assertions.EVERY_FAILURE) {
        sb.append(" && !").append(reported(v)).append(" -> ").append(reported(v)).append(" = 1;");
      } else {
        sb.append(" ->");
      }
      sb.append(" assert(").append(v).append(")\n")
          .append("       :: else -> skip\n       fi;\n");
    }
    return sb.append("     }\n").toString();
  }

  /** The properties the model asserts: all, or for a vacuity probe the action properties. */
  private List<PropertyRule> asserted() {
    return assertions != Assertions.NO_STEP_JUDGED ? machine.properties()
        : machine.properties().stream().filter(p -> p instanceof PropertyRule.ActionProperty)
            .toList();
  }

  /** The vacuity probe of {@code ap}: no instance of its action has a step it judges. */
  private PVal noStepJudged(PropertyRule.ActionProperty ap) {
    return PromelaExprs.not(PromelaExprs.or(
        instances(ap).stream().map(a -> judged(ap, a)).toList()));
  }

  /** The instances of {@code ap}'s action that we explore. */
  private List<ActionInstance> instances(PropertyRule.ActionProperty ap) {
    return machine.actions().stream().filter(a -> a.rule() == ap.action()).toList();
  }

  private static Map<String, PVal> env(PropertyRule.ActionProperty ap, ActionInstance a) {
    return Map.of(ap.action().param(), PVal.of(Type.INT, a.index()));
  }

  /** Whether {@code ap} judges a step of {@code a}: it is enabled and {@code ap} applies. */
  private PVal judged(PropertyRule.ActionProperty ap, ActionInstance a) {
    return PromelaExprs.and(List.of(guard(a), exprs.expr(ap.applies(), env(ap, a))));
  }

  /** A property as a state invariant over the current state. */
  private PVal property(PropertyRule p) {
    if (p instanceof PropertyRule.Invariant inv) {
      PVal v = exprs.expr(inv.holds(), Map.of());
      requireBool(v, p);
      return v;
    }
    PropertyRule.ActionProperty ap = (PropertyRule.ActionProperty) p;
    List<PVal> perInstance = new ArrayList<>();
    for (ActionInstance a : instances(ap)) {
      PVal holds = exprs.expr(ap.holds(), env(ap, a));
      requireBool(holds, p);
      perInstance.add(PromelaExprs.or(List.of(PromelaExprs.not(judged(ap, a)), holds)));
    }
    return PromelaExprs.and(perInstance);
  }

  private static void requireBool(PVal v, PropertyRule p) {
    if (v.type() != Type.BOOL) {
      throw new ExportException("property " + p.name() + " is an " + v.type()
          + ", not a bool");
    }
  }

  /** Instance {@code a}'s full guard ({@code enabledOnlyWhen} included), partially evaluated. */
  private PVal guard(ActionInstance a) {
    ActionRule rule = a.rule();
    Map<String, PVal> env = Map.of(rule.param(), PVal.of(Type.INT, a.index()));
    return exprs.expr(new Expr.And(List.of(machine.rules().enabledOnlyWhen(), rule.guard())),
        env);
  }

  /** One action instance as a guarded {@code d_step}, or null if its guard is false. */
  private String step(ActionInstance a, PromelaStmts body) {
    PVal guard = guard(a);
    if (guard.is(0)) {
      return null;
    }
    Map<String, PVal> env = Map.of(a.rule().param(), PVal.of(Type.INT, a.index()));
    body.line(4, "printf(\"" + Identifiers.promelaString(a.label()) + "\\n\");");
    body.block(a.rule().body(), env, 4);
    return "  :: d_step { /* " + comment(a.label()) + " */\n       "
        + (guard.isConst() ? "true" : guard.text()) + " ->\n" + body.code() + "     }\n";
  }
}
