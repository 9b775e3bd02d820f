package org.hotplugchecker.model.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleListsTest {
  private record Named(String name) {}

  @Test
  void findsEveryRuleOfTheTableAtItsIndex() {
    RuleSet rules = HotplugRules.RULES;
    for (int i = 0; i < rules.actions().size(); i++) {
      assertEquals(i, RuleLists.indexOf(rules.actions(), rules.actions().get(i)));
    }
    for (int i = 0; i < rules.properties().size(); i++) {
      assertEquals(i, RuleLists.indexOf(rules.properties(), rules.properties().get(i)));
    }
    for (int i = 0; i < rules.slots().size(); i++) {
      assertEquals(i, RuleLists.indexOf(rules.slots(), rules.slots().get(i)));
    }
  }

  @Test
  void findsTheSameInstanceFirstThenAnEqualOneElseNothing() {
    Named a = new Named("a");
    Named equalToA = new Named("a");
    assertNotSame(a, equalToA);
    List<Named> list = new ArrayList<>(List.of(new Named("x"), a, new Named("y")));
    assertEquals(1, RuleLists.indexOf(list, a));
    assertEquals(1, RuleLists.indexOf(list, equalToA), "an equal rule, as List.indexOf finds");
    assertEquals(-1, RuleLists.indexOf(list, new Named("z")));
    list.add(0, equalToA);
    assertEquals(2, RuleLists.indexOf(list, a), "the instance, not an equal one before it");
  }
}
