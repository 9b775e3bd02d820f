package org.hotplugchecker.checker.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotplugchecker.checker.ReferenceCases;
import org.hotplugchecker.model.HotplugModel;
import org.hotplugchecker.model.rules.HotplugRules;
import org.hotplugchecker.model.rules.PropertyRule;
import org.hotplugchecker.model.rules.Slot;
import org.hotplugchecker.model.rules.eval.ActionInstance;
import org.hotplugchecker.model.rules.eval.RuleMachine;
import org.junit.jupiter.api.Test;

/**
 * The TLA+ export's structure: what TLC will read (the module's variables, initial state,
 * actions and invariants, the configuration) is what the rule machine has. TLC itself is
 * not on Maven Central; {@link TlcAgreementTest} runs it when one is given.
 */
class TlaExportTest {
  private static RuleMachine machine(String name, List<PropertyRule> extra) {
    ReferenceCases.Case c = ReferenceCases.all().stream().filter(x -> x.name().equals(name))
        .findFirst().orElseThrow();
    List<PropertyRule> props = new ArrayList<>(new HotplugModel(c.topology()).propertyRules());
    props.addAll(extra);
    return new RuleMachine(HotplugRules.RULES, c.topology(), props);
  }

  @Test
  void moduleDeclaresTheSlotsBootStateActionsAndProperties() {
    RuleMachine m = machine("s2-generic-v4.19", TestInvariants.reference());
    TlaExporter tla = new TlaExporter(m, "s2-generic-v4.19");
    String module = tla.module();
    assertEquals("s2_generic_v4_19", tla.moduleName());
    assertTrue(module.startsWith("---- MODULE s2_generic_v4_19 ----\n"), module);
    assertTrue(module.endsWith("\n====\n"));
    List<String> vars = m.layout().slots().stream().map(TlaNames::variable).toList();
    assertTrue(module.contains("\nVARIABLES " + String.join(", ", vars) + "\n"));
    long[] boot = m.bootState();
    for (int s = 0; s < m.layout().slots().size(); s++) {
      Slot slot = m.layout().slots().get(s);
      if (slot.isScalar()) {
        assertTrue(module.contains("/\\ " + TlaNames.variable(slot) + " = "
            + (m.layout().value(boot, s, 0) != 0 ? "TRUE" : "FALSE") + "\n"), slot.name());
        continue;
      }
      List<String> values = new ArrayList<>();
      for (int i = 0; i < m.layout().size(s); i++) {
        int v = m.layout().value(boot, s, i);
        values.add(slot.type() == org.hotplugchecker.model.rules.Type.BOOL
            ? (v != 0 ? "TRUE" : "FALSE") : Integer.toString(v));
      }
      assertTrue(module.contains("/\\ " + TlaNames.variable(slot) + " = [i \\in "
          + TlaNames.domain(slot.index()) + " |-> <<" + String.join(", ", values)
          + ">>[i + 1]]"), slot.name());
    }
    // Next: one disjunct per action, over exactly the machine's instances of it
    int instances = 0;
    Matcher next = Pattern.compile("\\\\E \\w+ \\\\in \\{([0-9, ]*)\\}: Act_(\\w+)\\(")
        .matcher(module);
    List<String> actions = new ArrayList<>();
    while (next.find()) {
      String name = next.group(2);
      List<Integer> is = m.actions().stream().filter(a -> a.rule().name().equals(name))
          .map(ActionInstance::index).toList();
      assertEquals(is.toString().replace("[", "").replace("]", ""), next.group(1), name);
      instances += is.size();
      actions.add(name);
    }
    assertEquals(m.actions().size(), instances);
    assertEquals(m.actions().stream().map(a -> a.rule().name()).distinct().toList(), actions);
    for (PropertyRule p : m.properties()) {
      assertTrue(module.contains("\nInv_" + p.name() + " == "), p.name());
    }
    balanced(module);
  }

  @Test
  void configurationNamesInitNextEveryInvariantAndNoDeadlockCheck() {
    RuleMachine m = machine("s1-x86-v5.0", TestInvariants.tricky());
    String cfg = new TlaExporter(m, "s1").config();
    List<String> expected = new ArrayList<>(List.of("INIT Init", "NEXT Next"));
    m.properties().forEach(p -> expected.add("INVARIANT Inv_" + p.name()));
    expected.add("CHECK_DEADLOCK FALSE");
    assertEquals(expected, cfg.lines().filter(l -> !l.startsWith("\\*")).toList());
  }

  @Test
  void boundNamesNeverShadowOneAnother() {
    // Every binder of the tricky invariants, the boot-only Count/Nth/Mod included, gets a
    // name no enclosing binder or top-level definition has (TLA+ forbids shadowing).
    String module = new TlaExporter(machine("s3-generic-v4.19", TestInvariants.tricky()), "x")
        .module();
    balanced(module);
    assertTrue(module.contains("Cardinality({"), "Count becomes Cardinality");
    for (String line : module.lines().toList()) {
      Matcher q = Pattern.compile("\\\\[AE] (\\w+) \\\\in").matcher(line);
      List<String> bound = new ArrayList<>();
      while (q.find()) {
        bound.add(q.group(1));
      }
      // within one line, a name quantified twice must be in disjoint scopes: check the
      // simple case of direct nesting ("\A c \in Cpus: (\E c ...") never occurs
      for (String b : bound) {
        assertTrue(!line.matches(".*\\\\[AE] " + b + " \\\\in [^)]*\\\\[AE] " + b
            + " \\\\in.*"), line);
      }
    }
  }

  /** Parentheses, brackets and braces nest properly; every LET has its IN. */
  private static void balanced(String module) {
    int depth = 0;
    String pairs = "()[]{}";
    java.util.ArrayDeque<Character> stack = new java.util.ArrayDeque<>();
    boolean inString = false;
    for (char ch : module.toCharArray()) {
      if (ch == '"') {
        inString = !inString;
      }
      if (inString) {
        continue;
      }
      int k = pairs.indexOf(ch);
      if (k >= 0 && k % 2 == 0) {
        stack.push(pairs.charAt(k + 1));
      } else if (k >= 0) {
        assertEquals(stack.isEmpty() ? '?' : stack.pop(), ch, "unbalanced " + ch);
      }
    }
    assertTrue(stack.isEmpty(), "unclosed " + stack);
    assertEquals(count(module, "\\bLET\\b"), count(module, "\\bIN\\b"), "LET / IN");
    assertEquals(0, depth);
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
