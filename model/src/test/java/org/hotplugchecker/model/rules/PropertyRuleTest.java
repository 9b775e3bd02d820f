package org.hotplugchecker.model.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class PropertyRuleTest {
  private static final Expr TRUE = new Expr.Bool(true);
  private static final Expr FALSE = new Expr.Bool(false);

  @Test
  void invariantsAreEqualExactlyWhenEveryComponentIs() {
    PropertyRule.Invariant a = new PropertyRule.Invariant("a", "d", TRUE, "true");
    PropertyRule.Invariant same = new PropertyRule.Invariant("a", "d", new Expr.Bool(true),
        "true");
    assertEquals(a, same);
    assertEquals(a.hashCode(), same.hashCode());
    assertNotEquals(a, new PropertyRule.Invariant("b", "d", TRUE, "true"));
    assertNotEquals(a, new PropertyRule.Invariant("a", "e", TRUE, "true"));
    assertNotEquals(a, new PropertyRule.Invariant("a", "d", FALSE, "true"));
    assertNotEquals(a, new PropertyRule.Invariant("a", "d", TRUE, null));
    assertEquals(new PropertyRule.Invariant("a", null, TRUE, null),
        new PropertyRule.Invariant("a", null, TRUE, null));
    assertNotEquals(a, "a");
    assertNotEquals(a, null);
  }

  @Test
  void aBuiltInInvariantEqualsOnlyItself() {
    for (PropertyRule p : HotplugRules.RULES.properties()) {
      if (!(p instanceof PropertyRule.Invariant i)) {
        continue;
      }
      PropertyRule.Invariant copy = new PropertyRule.Invariant(i.name(), i.description(),
          i.holds(), i.source());
      assertEquals(i, copy);
      assertEquals(i.hashCode(), copy.hashCode());
      for (PropertyRule q : HotplugRules.RULES.properties()) {
        assertEquals(q == p, i.equals(q), i.name() + " against " + q.name());
      }
    }
  }
}
